// The home hall's decisions: ask for a correction (补正), approve, or refuse with the legal basis.
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
    .refine((t) => reasonLines(t).length > 0, '请写明需要补正的原因，每行一条')
    .refine((t) => reasonLines(t).length <= 50, '补正原因最多 50 条')
    .refine((t) => reasonLines(t).every((l) => l.length <= 500), '每条原因不超过 500 字'),
  materialIds: z.array(z.string()),
});

export function CorrectionRequestModal({ view, item, actor, onClose }: DecisionProps) {
  const { control, handleSubmit } = useForm<z.infer<typeof CorrectionForm>>({
    resolver: zodResolver(CorrectionForm),
    defaultValues: { reasons: '', materialIds: [] },
  });
  const materials =
    item?.materials ??
    view.materials.map((m) => ({ materialId: m.materialId, name: m.materialId }));
  return (
    <ActionModal
      title="要求补正"
      okText="发出补正要求"
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
          补正期间办理时限暂停计算。受理厅收到后告知申请人，补齐后重新提交审核。
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reasons"
          id="correction-reasons"
          label="补正原因（每行一条）"
          required
          rows={4}
          placeholder="如：营业执照复印件不清晰，请提供清晰复印件"
        />
        <Controller
          control={control}
          name="materialIds"
          render={({ field }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>需补交的材料</legend>
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

const ApproveForm = z.object({ note: z.string().max(2000, '审核意见不超过 2000 字') });

export function ApproveModal({ view, item, actor, onClose }: DecisionProps) {
  const { control, handleSubmit } = useForm<z.infer<typeof ApproveForm>>({
    resolver: zodResolver(ApproveForm),
    defaultValues: { note: '' },
  });
  return (
    <ActionModal
      title="审核通过"
      okText="确认通过"
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
              ? `通过后，中心以${item.authority}的签发密钥签发《${item.certificate.name}》，由领取厅打印交付。`
              : '该事项不出具证照，通过即办结。'
          }
        />
        <TextAreaField
          control={control}
          name="note"
          id="approve-note"
          label="审核意见"
          required={false}
          placeholder="同意。"
        />
      </Form>
    </ActionModal>
  );
}

const RejectForm = z.object({
  reason: z.string().trim().min(1, '请写明不予办理的理由').max(500, '理由不超过 500 字'),
  legalBasis: z.string().trim().min(1, '请写明法律依据').max(500, '法律依据不超过 500 字'),
});

export function RejectModal({ view, item, actor, onClose }: DecisionProps) {
  const { control, handleSubmit } = useForm<z.infer<typeof RejectForm>>({
    resolver: zodResolver(RejectForm),
    defaultValues: { reason: '', legalBasis: item?.legalBasis ?? '' },
  });
  return (
    <ActionModal
      title="不予办理"
      okText="确认不予办理"
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
          不予办理是终局决定，申请人会收到理由和依据。
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reason"
          id="reject-reason"
          label="不予办理理由"
          required
        />
        <TextAreaField
          control={control}
          name="legalBasis"
          id="reject-basis"
          label="法律依据"
          required
          rows={2}
        />
      </Form>
    </ActionModal>
  );
}
