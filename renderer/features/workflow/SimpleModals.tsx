// Withdrawing an application (the applicant's wish, before approval) and adding a note to a case.
import { zodResolver } from '@hookform/resolvers/zod';
import { Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ActionModal } from './ActionModal';
import { submitForm, TextAreaField } from './form-bits';
import type { DecisionProps } from './ReviewModals';

const WithdrawForm = z.object({
  reason: z.string().trim().min(1, '请写明撤回原因').max(500, '原因不超过 500 字'),
});

export function WithdrawModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const { control, handleSubmit } = useForm<z.infer<typeof WithdrawForm>>({
    resolver: zodResolver(WithdrawForm),
    defaultValues: { reason: '' },
  });
  return (
    <ActionModal
      title="撤回申请"
      okText="确认撤回"
      danger
      onClose={onClose}
      onConfirm={() =>
        submitForm(handleSubmit, (v) => actor.act(view, 'case.withdrawn', { reason: v.reason }))
      }
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">
          申请人可在审核通过前撤回申请。撤回后办件终止，不能恢复。若主管厅已先作出决定，撤回会被中心退回，并在办理经过中说明。
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="reason"
          id="withdraw-reason"
          label="撤回原因"
          required
          singleLine
          placeholder="如：申请人本人申请撤回"
        />
      </Form>
    </ActionModal>
  );
}

const NoteForm = z.object({
  text: z.string().trim().min(1, '请填写备注内容').max(2000, '备注不超过 2000 字'),
});

export function NoteModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const { control, handleSubmit } = useForm<z.infer<typeof NoteForm>>({
    resolver: zodResolver(NoteForm),
    defaultValues: { text: '' },
  });
  return (
    <ActionModal
      title="添加备注"
      okText="保存备注"
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
          label="备注"
          required
          rows={4}
        />
      </Form>
    </ActionModal>
  );
}
