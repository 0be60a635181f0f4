// The delivery hall's side of remote issuance: print the certificate (a reprint needs a reason, and
// every print is recorded), then hand it over after checking who collects it.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Checkbox, Form, InputNumber, Select, Space, Typography } from 'antd';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { recipientIsHolder } from '../../../shared/case/projection';
import { ID_TYPE_LABELS, IdType } from '../../../shared/protocol/events';
import { fail, ok } from '../../../shared/result';
import { validateIdNumber } from '../../../shared/validators';
import { useApp } from '../../app/session-context';
import { platform } from '../../platform/platform';
import { certificateBody, certificateDocument, CERT_CSS } from '../../ui/print/certificate';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { describedBy, FieldRow } from '../intake/FieldRow';
import { ActionModal } from './ActionModal';
import { submitForm, TextAreaField } from './form-bits';
import { certificatePrint } from './print-data';
import type { DecisionProps } from './ReviewModals';

const PrintForm = (reprint: boolean) =>
  z.object({
    copies: z.number({ error: '请填写份数' }).int().min(1, '至少 1 份').max(5, '一次最多 5 份'),
    reason: reprint
      ? z.string().trim().min(1, '补打证照须注明原因').max(500, '原因不超过 500 字')
      : z.string(),
  });

export function PrintCertificateModal({ view, item, actor, onClose }: DecisionProps) {
  const { device } = useApp();
  const { modal } = App.useApp();
  const reprint = view.prints.length > 0;
  const { control, handleSubmit } = useForm<{ copies: number; reason: string }>({
    resolver: zodResolver(PrintForm(reprint)),
    defaultValues: { copies: 1, reason: '' },
  });
  const reason = useWatch({ control, name: 'reason' });
  const preview = certificatePrint(
    view,
    item,
    device.hubUrl,
    reprint ? reason || '（待填写）' : undefined,
  );
  if (!preview) return null;

  const run = async ({ copies, reason: why }: { copies: number; reason: string }) => {
    const data = certificatePrint(view, item, device.hubUrl, reprint ? why : undefined)!;
    const bridge = platform();
    const outcome = await bridge.print({
      html: certificateDocument(data),
      title: `${data.signed.certificate.name ?? data.itemName} ${view.caseNo}`,
      copies,
    });
    if (!outcome.ok) return fail(outcome.error.code, outcome.error.message);
    // A browser cannot tell whether its print dialog printed: the clerk says so before it is recorded.
    if (!(await bridge.capabilities()).silentPrint) {
      const printed = await modal.confirm({
        title: '证照是否已正常打印？',
        content: '只有实际打印出来的证照才会记入打印记录。',
        okText: '已打印',
        cancelText: '未打印',
      });
      if (!printed) return fail('PRINT_CANCELLED', '未打印，没有记录。可重新打印。');
    }
    const r = await actor.act(view, 'case.printed', {
      certificateId: data.signed.certificate.certificateId,
      copies,
      ...(reprint ? { reason: why } : {}),
    });
    return r.ok ? ok(null) : r;
  };

  return (
    <ActionModal
      title={reprint ? '补打证照' : '打印证照'}
      okText={reprint ? '补打' : '打印'}
      width={920}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, run)}
    >
      <Form layout="vertical" component={false}>
        {reprint ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`该证照已打印 ${view.prints.length} 次。补打将记录原因，证照上注明“补打”。`}
          />
        ) : null}
        <Space align="start" size={24} wrap>
          <Controller
            control={control}
            name="copies"
            render={({ field: { ref, ...field }, fieldState }) => (
              <FieldRow id="print-copies" label="份数" required error={fieldState.error?.message}>
                <InputNumber
                  {...field}
                  ref={ref}
                  {...describedBy('print-copies', fieldState.error?.message, true)}
                  min={1}
                  max={5}
                  onChange={(v) => field.onChange(v ?? 0)}
                />
              </FieldRow>
            )}
          />
          {reprint ? (
            <div style={{ minWidth: 420 }}>
              <TextAreaField
                control={control}
                name="reason"
                id="print-reason"
                label="补打原因"
                required
                singleLine
                placeholder="如：原证照污损"
              />
            </div>
          ) : null}
        </Space>
      </Form>
      <div style={{ maxHeight: '55vh', overflow: 'auto' }}>
        <style>{CERT_CSS}</style>
        <PrintPreview label="证照预览" body={certificateBody(preview)} />
      </div>
    </ActionModal>
  );
}

const PERSON_ID_TYPES = IdType.options.filter((t) => t !== 'uscc');

const HandoverForm = z
  .object({
    name: z.string().trim().min(1, '请填写领取人姓名').max(100, '姓名不超过 100 字'),
    idType: IdType,
    idNumber: z.string().trim().min(1, '请填写领取人证件号码'),
    authorization: z.string().max(500, '授权说明不超过 500 字'),
    checked: z.boolean().refine((v) => v, '请先核验领取人的身份证件原件'),
  })
  .superRefine((v, ctx) => {
    const r = validateIdNumber(v.idType, v.idNumber);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.error.message });
  });
type HandoverValues = z.infer<typeof HandoverForm>;

export function HandoverModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const holder = view.certificate?.certificate.holder ?? view.applicant;
  const { control, handleSubmit, setError } = useForm<HandoverValues>({
    mode: 'onChange',
    resolver: zodResolver(HandoverForm),
    defaultValues: {
      name: '',
      idType: 'resident',
      idNumber: '',
      authorization: '',
      checked: false,
    },
  });
  const [name, idNumber] = useWatch({ control, name: ['name', 'idNumber'] });
  const typed = name.trim() !== '' && idNumber.trim() !== '';
  const isHolder = recipientIsHolder(view, { name, idNumber });

  const run = async (v: HandoverValues) => {
    const normalized = validateIdNumber(v.idType, v.idNumber);
    const recipient = {
      name: v.name.trim(),
      idNumber: normalized.ok ? normalized.value.idNumber : v.idNumber.trim(),
    };
    const authorization = v.authorization.trim();
    if (!recipientIsHolder(view, recipient) && !authorization) {
      setError('authorization', {
        message: '领取人不是持证人本人：请核验授权委托书，并登记委托书及代领人信息',
      });
      return 'invalid' as const;
    }
    return actor.act(view, 'case.delivered', {
      certificateId: view.certificate!.certificate.certificateId,
      recipient,
      ...(authorization && !recipientIsHolder(view, recipient) ? { authorization } : {}),
    });
  };

  return (
    <ActionModal
      title="交付证照"
      okText="确认交付"
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, run)}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>
          持证人：<b>{holder.name}</b>
          。请核验领取人的身份证件原件：本人领取时姓名和证件号码须与持证人一致；他人代领须出示授权委托书。
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="name"
          id="handover-name"
          label="领取人姓名"
          required
          singleLine
        />
        <Controller
          control={control}
          name="idType"
          render={({ field: { ref, ...field } }) => (
            <FieldRow id="handover-idtype" label="证件类型" required>
              <Select
                {...field}
                ref={ref}
                {...describedBy('handover-idtype', undefined, true)}
                options={PERSON_ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))}
                style={{ maxWidth: 280 }}
              />
            </FieldRow>
          )}
        />
        <TextAreaField
          control={control}
          name="idNumber"
          id="handover-id"
          label="证件号码"
          required
          singleLine
        />
        {typed && !isHolder ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="领取人与持证人不一致：按代领办理，须核验并登记授权委托书。"
            />
            <TextAreaField
              control={control}
              name="authorization"
              id="handover-auth"
              label="授权委托情况"
              required
              rows={2}
              placeholder="如：持证人王某某签署的授权委托书（2026年11月20日），代领人为其配偶"
            />
          </>
        ) : null}
        {typed && isHolder ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title="领取人为持证人本人。"
          />
        ) : null}
        <Controller
          control={control}
          name="checked"
          render={({ field, fieldState }) => (
            <FieldRow
              id="handover-checked"
              label="身份核验"
              required
              error={fieldState.error?.message}
            >
              <Checkbox
                id="handover-checked"
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                aria-invalid={fieldState.error ? true : undefined}
              >
                已核验领取人身份证件原件
              </Checkbox>
            </FieldRow>
          )}
        />
      </Form>
    </ActionModal>
  );
}
