// Withdrawing an application (the applicant's wish, before approval) and adding a note to a case.
import { useTranslation } from 'react-i18next';
import { t as tNow } from '../../i18n';
import { zodResolver } from '@hookform/resolvers/zod';
import { Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ActionModal } from './ActionModal';
import { submitForm, TextAreaField } from './form-bits';
import type { DecisionProps } from './ReviewModals';

const WithdrawForm = z.object({
  reason: z.string().trim().min(1, { error: () => tNow('actions.withdrawRequired') }).max(500, { error: () => tNow('actions.reasonTooLong') }),
});

export function WithdrawModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<z.infer<typeof WithdrawForm>>({
    resolver: zodResolver(WithdrawForm),
    defaultValues: { reason: '' },
  });
  return (
    <ActionModal
      title={t('actions.withdrawTitle')}
      okText={t('actions.withdrawOk')}
      danger
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) => actor.act(view, 'case.withdrawn', { reason: v.reason }))
      }
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">
          {t('actions.withdrawText')}
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reason"
          id="withdraw-reason"
          label={t('actions.withdrawReason')}
          required
          singleLine
          placeholder={t('actions.withdrawPlaceholder')}
        />
      </Form>
    </ActionModal>
  );
}

const NoteForm = z.object({
  text: z.string().trim().min(1, { error: () => tNow('actions.noteRequired') }).max(2000, { error: () => tNow('actions.noteTooLong') }),
});

export function NoteModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<z.infer<typeof NoteForm>>({
    resolver: zodResolver(NoteForm),
    defaultValues: { text: '' },
  });
  return (
    <ActionModal
      title={t('actions.noteTitle')}
      okText={t('actions.noteOk')}
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) => actor.act(view, 'case.note_added', { text: v.text }))
      }
    >
      <Form layout="vertical" component={false}>
        <TextAreaField
          control={control}
          name="text"
          id="note-text"
          label={t('actions.note')}
          required
          rows={4}
        />
      </Form>
    </ActionModal>
  );
}
