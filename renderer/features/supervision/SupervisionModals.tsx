// The forms of supervision on a case: flag it for the home hall, answer a flag, report what the hall
// did about a bad rating, close a rectification or send it back with a new deadline.
import { zodResolver } from '@hookform/resolvers/zod';
import { DatePicker, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { Controller, useForm } from 'react-hook-form';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { CaseView } from '../../../shared/case/projection';
import { hallName } from '../../../shared/halls';
import type { FlagRecord, RectificationRecord } from '../../../shared/supervision/feedback';
import { rectificationDeadline, RECTIFY_WORKING_DAYS } from '../../../shared/supervision/record';
import { describedBy, FieldRow } from '../intake/FieldRow';
import { ActionModal } from '../workflow/ActionModal';
import { submitForm, TextAreaField } from '../workflow/form-bits';
import type { Actor } from '../workflow/use-actor';

interface Base {
  view: CaseView;
  actor: Actor;
  onClose(): void;
}

const text = (what: string, max: number) => z.object({ text: z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`) });

export function FlagModal({ view, actor, onClose }: Base) {
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(text('督办事由', 1000)), defaultValues: { text: '' } });
  return (
    <ActionModal
      title="督办"
      okText="发出督办"
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'supervision.flagged', { flagId: uuidv7(), reason: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph type="secondary">督办将出现在主管厅（{hallName(view.halls.homeHallId)}）的工作台“督办”队列中，直到主管厅答复。</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="flag-reason" label="督办事由" required rows={3} placeholder="如：已超过承诺期限，请于今日办结并说明原因" />
      </Form>
    </ActionModal>
  );
}

export function AnswerFlagModal({ view, actor, flag, onClose }: Base & { flag: FlagRecord }) {
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(text('答复', 2000)), defaultValues: { text: '' } });
  return (
    <ActionModal
      title="答复督办"
      okText="提交答复"
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'supervision.answered', { flagId: flag.flagId, reply: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>督办事由：{flag.reason}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="flag-answer" label="答复" required rows={3} />
      </Form>
    </ActionModal>
  );
}

export function ReportModal({ view, actor, item, onClose }: Base & { item: RectificationRecord }) {
  const { control, handleSubmit } = useForm<{ text: string }>({ resolver: zodResolver(text('整改情况', 2000)), defaultValues: { text: '' } });
  return (
    <ActionModal
      title="登记整改情况"
      okText="提交整改情况"
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.reported', { rectificationId: item.rectificationId, action: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>
          差评意见：{item.comment || '（申请人未填写）'}；整改期限 {item.dueDate}。
        </Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-action" label="整改情况" required rows={4} placeholder="如：已回访申请人并致歉；对窗口人员进行业务培训；增设叫号提醒" />
      </Form>
    </ActionModal>
  );
}

export function CloseModal({ view, actor, item, onClose }: Base & { item: RectificationRecord }) {
  const { control, handleSubmit } = useForm<{ text: string }>({
    resolver: zodResolver(z.object({ text: z.string().trim().max(2000, '审核意见不超过 2000 字') })),
    defaultValues: { text: '' },
  });
  return (
    <ActionModal
      title="办结整改"
      okText="办结"
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.closed', { rectificationId: item.rectificationId, comment: v.text }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>整改情况：{item.steps.filter((s) => s.kind === 'reported').at(-1)?.text}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-close" label="审核意见" required={false} rows={2} />
      </Form>
    </ActionModal>
  );
}

const ReturnForm = z.object({
  text: z.string().trim().min(1, '请写明退回原因').max(2000, '退回原因不超过 2000 字'),
  rectifyBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择新的整改期限'),
});

export function ReturnModal({ view, actor, item, calendar, onClose }: Base & { item: RectificationRecord; calendar: WorkingCalendar }) {
  const today = dayjs().format('YYYY-MM-DD');
  const { control, handleSubmit } = useForm<z.infer<typeof ReturnForm>>({
    resolver: zodResolver(ReturnForm.refine((v) => v.rectifyBy >= today, { path: ['rectifyBy'], message: '新的整改期限不能早于今天' })),
    defaultValues: { text: '', rectifyBy: rectificationDeadline(calendar, new Date()) },
  });
  return (
    <ActionModal
      title="退回重改"
      okText="退回"
      danger
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, (v) => actor.act(view, 'rectification.returned', { rectificationId: item.rectificationId, reason: v.text, rectifyBy: v.rectifyBy }))}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>整改情况：{item.steps.filter((s) => s.kind === 'reported').at(-1)?.text}</Typography.Paragraph>
        <TextAreaField control={control} name="text" id="rect-return" label="退回原因" required rows={3} />
        <Controller
          control={control}
          name="rectifyBy"
          render={({ field, fieldState }) => (
            <FieldRow id="rect-due" label={`新的整改期限（默认 ${RECTIFY_WORKING_DAYS} 个工作日）`} required error={fieldState.error?.message}>
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
