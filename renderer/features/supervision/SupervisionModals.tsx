// The forms of supervision on a case: flag it for the home hall, answer a flag, report what the hall
// did about a bad rating, close a rectification or send it back with a new deadline.
import { zodResolver } from '@hookform/resolvers/zod';
import { DatePicker, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { CaseView } from '../../../shared/case/projection';
import type { FlagRecord, RectificationRecord } from '../../../shared/supervision/feedback';
import { rectificationDeadline, RECTIFY_WORKING_DAYS } from '../../../shared/supervision/record';
import { t as tNow } from '../../i18n';
import { hallLabel } from '../../i18n/labels';
import { describedBy, FieldRow } from '../intake/FieldRow';
import { ActionModal } from '../workflow/ActionModal';
import { submitForm, TextAreaField } from '../workflow/form-bits';
import type { Actor } from '../workflow/use-actor';

interface Base {
  view: CaseView;
  actor: Actor;
  onClose(): void;
}

type Messages = { required: () => string; tooLong: () => string };

/** One required text, its messages made when shown (in the language shown then). */
const text = (max: number, m: Messages) =>
  z.object({ text: z.string().trim().min(1, { error: m.required }).max(max, { error: m.tooLong }) });

const FLAG = text(1000, { required: () => tNow('supervision.modal.flagRequired'), tooLong: () => tNow('supervision.modal.flagTooLong') });
const ANSWER = text(2000, { required: () => tNow('supervision.modal.answerRequired'), tooLong: () => tNow('supervision.modal.answerTooLong') });
const REPORT = text(2000, { required: () => tNow('supervision.modal.reportRequired'), tooLong: () => tNow('supervision.modal.reportTooLong') });

export function FlagModal({ view, actor, onClose }: Base) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(FLAG), defaultValues: { text: '' } });
  return (
    <ActionModal
      title={t('supervision.modal.flagTitle')}
      okText={t('supervision.modal.flagOk')}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'supervision.flagged', { flagId: uuidv7(), reason: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">{t('supervision.modal.flagText', { hall: hallLabel(view.halls.homeHallId) })}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="flag-reason" label={t('supervision.modal.flagReason')} required rows={3} placeholder={t('supervision.modal.flagPlaceholder')} />
      </Form>
    </ActionModal>
  );
}

export function AnswerFlagModal({ view, actor, flag, onClose }: Base & { flag: FlagRecord }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(ANSWER), defaultValues: { text: '' } });
  return (
    <ActionModal
      title={t('supervision.modal.answerTitle')}
      okText={t('supervision.modal.answerOk')}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'supervision.answered', { flagId: flag.flagId, reply: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>{t('supervision.modal.flagShown', { reason: flag.reason })}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="flag-answer" label={t('supervision.modal.answer')} required rows={3} />
      </Form>
    </ActionModal>
  );
}

export function ReportModal({ view, actor, item, onClose }: Base & { item: RectificationRecord }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(REPORT), defaultValues: { text: '' } });
  return (
    <ActionModal
      title={t('supervision.modal.reportTitle')}
      okText={t('supervision.modal.reportOk')}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.reported', { rectificationId: item.rectificationId, action: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>
          {t('supervision.modal.badRating', { comment: item.comment || t('supervision.modal.noComment'), due: item.dueDate })}
        </Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-action" label={t('supervision.modal.report')} required rows={4} placeholder={t('supervision.modal.reportPlaceholder')} />
      </Form>
    </ActionModal>
  );
}

const CLOSE = z.object({ text: z.string().trim().max(2000, { error: () => tNow('supervision.modal.closeNoteTooLong') }) });

export function CloseModal({ view, actor, item, onClose }: Base & { item: RectificationRecord }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<{ text: string }>({
    resolver: zodResolver(CLOSE),
    defaultValues: { text: '' },
  });
  return (
    <ActionModal
      title={t('supervision.modal.closeTitle')}
      okText={t('supervision.modal.closeOk')}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.closed', { rectificationId: item.rectificationId, comment: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>{t('supervision.modal.reported', { text: item.steps.filter((s) => s.kind === 'reported').at(-1)?.text ?? '' })}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-close" label={t('supervision.modal.closeNote')} required={false} rows={2} />
      </Form>
    </ActionModal>
  );
}

const ReturnForm = z.object({
  text: z
    .string()
    .trim()
    .min(1, { error: () => tNow('supervision.modal.returnRequired') })
    .max(2000, { error: () => tNow('supervision.modal.returnTooLong') }),
  rectifyBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => tNow('supervision.modal.newDueRequired') }),
});

export function ReturnModal({ view, actor, item, calendar, onClose }: Base & { item: RectificationRecord; calendar: WorkingCalendar }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const { control, handleSubmit } = useForm<z.infer<typeof ReturnForm>>({
    resolver: zodResolver(ReturnForm.refine((v) => v.rectifyBy >= today, { path: ['rectifyBy'], error: () => tNow('supervision.modal.newDueTooEarly') })),
    defaultValues: { text: '', rectifyBy: rectificationDeadline(calendar, new Date()) },
  });
  return (
    <ActionModal
      title={t('supervision.modal.returnTitle')}
      okText={t('supervision.modal.returnOk')}
      danger
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.returned', { rectificationId: item.rectificationId, reason: v.text, rectifyBy: v.rectifyBy }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>{t('supervision.modal.reported', { text: item.steps.filter((s) => s.kind === 'reported').at(-1)?.text ?? '' })}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-return" label={t('supervision.modal.returnReason')} required rows={3} />
        <Controller
          control={control}
          name="rectifyBy"
          render={({ field, fieldState }) => (
            <FieldRow id="rect-due" label={t('supervision.modal.newDue', { days: RECTIFY_WORKING_DAYS })} required error={fieldState.error?.message}>
              <DatePicker
                {...describedBy('rect-due', fieldState.error?.message, true)}
                value={field.value ? dayjs(field.value) : null}
                onChange={(d) => field.onChange(d ? d.format('YYYY-MM-DD') : '')}
                allowClear={false}
              />
            </FieldRow>
          )}
        />
      </Form>
    </ActionModal>
  );
}
