// The home hall's decisions: ask for a correction (补正), approve, or refuse with the legal basis.
import { useTranslation } from 'react-i18next';
import { t as tNow } from '../../i18n';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Checkbox, Form, Space, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import { ActionModal } from './ActionModal';
import { submitForm, TextAreaField } from './form-bits';
import type { Actor } from './use-actor';

export interface DecisionProps {
  view: CaseView;
  item: Item | undefined;
  actor: Actor;
  onClose(): void;
}

export const reasonLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const CorrectionForm = z.object({
  reasons: z
    .string()
    .refine((text) => reasonLines(text).length > 0, { error: () => tNow('actions.correctionRequired') })
    .refine((text) => reasonLines(text).length <= 50, { error: () => tNow('actions.correctionTooMany') })
    .refine((text) => reasonLines(text).every((l) => l.length <= 500), { error: () => tNow('actions.correctionLineTooLong') }),
  materialIds: z.array(z.string()),
});

export function CorrectionRequestModal({ view, item, actor, onClose }: DecisionProps) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<z.infer<typeof CorrectionForm>>({
    resolver: zodResolver(CorrectionForm),
    defaultValues: { reasons: '', materialIds: [] },
  });
  const materials =
    item?.materials ??
    view.materials.map((m) => ({ materialId: m.materialId, name: m.materialId }));
  return (
    <ActionModal
      title={t('actions.correctionTitle')}
      okText={t('actions.correctionOk')}
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) =>
          actor.act(view, 'case.correction_requested', {
            reasons: reasonLines(v.reasons),
            materialIds: v.materialIds,
          }),
        )
      }
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">
          {t('actions.correctionText')}
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reasons"
          id="correction-reasons"
          label={t('actions.correctionReasons')}
          required
          rows={4}
          placeholder={t('actions.correctionPlaceholder')}
        />
        <Controller
          control={control}
          name="materialIds"
          render={({ field }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('actions.correctionMaterials')}</legend>
              <Checkbox.Group value={field.value} onChange={(v) => field.onChange(v)}>
                <Space orientation="vertical">
                  {materials.map((m) => (
                    <Checkbox key={m.materialId} value={m.materialId}>
                      {m.name}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </fieldset>
          )}
        />
      </Form>
    </ActionModal>
  );
}

const ApproveForm = z.object({ note: z.string().max(2000, { error: () => tNow('actions.approveNoteTooLong') }) });

export function ApproveModal({ view, item, actor, onClose }: DecisionProps) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<z.infer<typeof ApproveForm>>({
    resolver: zodResolver(ApproveForm),
    defaultValues: { note: '' },
  });
  return (
    <ActionModal
      title={t('actions.approveTitle')}
      okText={t('actions.approveOk')}
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) => actor.act(view, 'case.approved', { note: v.note.trim() }))
      }
    >
      <Form layout="vertical" component={false}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            item?.certificate
              ? t('actions.approveCertificate', { authority: item.authority, certificate: item.certificate.name })
              : t('actions.approveNoCertificate')
          }
        />
        <TextAreaField
          control={control}
          name="note"
          id="approve-note"
          label={t('actions.approveNote')}
          required={false}
          placeholder={t('actions.approvePlaceholder')}
        />
      </Form>
    </ActionModal>
  );
}

const RejectForm = z.object({
  reason: z.string().trim().min(1, { error: () => tNow('actions.rejectReasonRequired') }).max(500, { error: () => tNow('actions.rejectReasonTooLong') }),
  legalBasis: z.string().trim().min(1, { error: () => tNow('actions.rejectBasisRequired') }).max(500, { error: () => tNow('actions.rejectBasisTooLong') }),
});

export function RejectModal({ view, item, actor, onClose }: DecisionProps) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<z.infer<typeof RejectForm>>({
    resolver: zodResolver(RejectForm),
    defaultValues: { reason: '', legalBasis: item?.legalBasis ?? '' },
  });
  return (
    <ActionModal
      title={t('actions.rejectTitle')}
      okText={t('actions.rejectOk')}
      danger
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) =>
          actor.act(view, 'case.rejected', { reason: v.reason, legalBasis: v.legalBasis }),
        )
      }
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">
          {t('actions.rejectText')}
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reason"
          id="reject-reason"
          label={t('actions.rejectReason')}
          required
        />
        <TextAreaField
          control={control}
          name="legalBasis"
          id="reject-basis"
          label={t('actions.rejectBasis')}
          required
          rows={2}
        />
      </Form>
    </ActionModal>
  );
}
