// The delivery hall's side of remote issuance: print the certificate (a reprint needs a reason, and
// every print is recorded), then hand it over after checking who collects it.
import { Trans, useTranslation } from 'react-i18next';
import { t as tNow } from '../../i18n';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Checkbox, Form, InputNumber, Select, Space, Typography } from 'antd';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { recipientIsHolder } from '../../../shared/case/projection';
import { IdType } from '../../../shared/protocol/events';
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
    copies: z.number({ error: () => tNow('delivery.copiesRequired') }).int().min(1, { error: () => tNow('delivery.copiesMin') }).max(5, { error: () => tNow('delivery.copiesMax') }),
    reason: reprint
      ? z.string().trim().min(1, { error: () => tNow('delivery.reprintReasonRequired') }).max(500, { error: () => tNow('delivery.reasonTooLong') })
      : z.string(),
  });

export function PrintCertificateModal({ view, item, actor, onClose }: DecisionProps) {
  const { t } = useTranslation();
  const { device } = useApp();
  const { modal } = App.useApp();
  const reprint = view.prints.length > 0;
  const { control, handleSubmit } = useForm<{ copies: number; reason: string }>({
    resolver: zodResolver(PrintForm(reprint)),
    defaultValues: { copies: 1, reason: '' },
  });
  const reason = useWatch({ control, name: 'reason' });
  // The preview is the printed certificate, an official paper: Chinese whatever the UI language.
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
        title: t('delivery.printedTitle'),
        content: t('delivery.printedText'),
        okText: t('delivery.printedYes'),
        cancelText: t('delivery.printedNo'),
      });
      if (!printed) return fail('PRINT_CANCELLED', t('delivery.notPrinted'));
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
      title={reprint ? t('delivery.reprintTitle') : t('delivery.printTitle')}
      okText={reprint ? t('delivery.reprintOk') : t('delivery.printOk')}
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
            title={t('delivery.reprintWarning', { count: view.prints.length })}
          />
        ) : null}
        <Space align="start" size={24} wrap>
          <Controller
            control={control}
            name="copies"
            render={({ field: { ref, ...field }, fieldState }) => (
              <FieldRow id="print-copies" label={t('delivery.copies')} required error={fieldState.error?.message}>
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
                label={t('delivery.reprintReason')}
                required
                singleLine
                placeholder={t('delivery.reprintPlaceholder')}
              />
            </div>
          ) : null}
        </Space>
      </Form>
      <div style={{ maxHeight: '55vh', overflow: 'auto' }}>
        <style>{CERT_CSS}</style>
        <PrintPreview label={t('delivery.preview')} body={certificateBody(preview)} />
      </div>
    </ActionModal>
  );
}

const PERSON_ID_TYPES = IdType.options.filter((t) => t !== 'uscc');

const HandoverForm = z
  .object({
    name: z.string().trim().min(1, { error: () => tNow('delivery.nameRequired') }).max(100, { error: () => tNow('delivery.nameTooLong') }),
    idType: IdType,
    idNumber: z.string().trim().min(1, { error: () => tNow('delivery.idRequired') }),
    authorization: z.string().max(500, { error: () => tNow('delivery.authorizationTooLong') }),
    checked: z.boolean().refine((v) => v, { error: () => tNow('delivery.checkRequired') }),
  })
  .superRefine((v, ctx) => {
    const r = validateIdNumber(v.idType, v.idNumber);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.error.message });
  });
type HandoverValues = z.infer<typeof HandoverForm>;

export function HandoverModal({ view, actor, onClose }: Omit<DecisionProps, 'item'>) {
  const { t } = useTranslation();
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
        message: t('delivery.agentNeedsAuthorization'),
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
      title={t('delivery.handoverTitle')}
      okText={t('delivery.handoverOk')}
      onClose={onClose}
      onConfirm={() => submitForm(handleSubmit, run)}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>
          <Trans i18nKey="delivery.holder" values={{ name: holder.name }} components={{ b: <b /> }} />
        </Typography.Paragraph>
        <TextAreaField
          control={control}
          name="name"
          id="handover-name"
          label={t('delivery.recipientName')}
          required
          singleLine
        />
        <Controller
          control={control}
          name="idType"
          render={({ field: { ref, ...field } }) => (
            <FieldRow id="handover-idtype" label={t('delivery.idType')} required>
              <Select
                {...field}
                ref={ref}
                {...describedBy('handover-idtype', undefined, true)}
                options={PERSON_ID_TYPES.map((type) => ({ value: type, label: t(`idType.${type}`) }))}
                style={{ maxWidth: 280 }}
              />
            </FieldRow>
          )}
        />
        <TextAreaField
          control={control}
          name="idNumber"
          id="handover-id"
          label={t('delivery.idNumber')}
          required
          singleLine
        />
        {typed && !isHolder ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('delivery.agent')}
            />
            <TextAreaField
              control={control}
              name="authorization"
              id="handover-auth"
              label={t('delivery.authorization')}
              required
              rows={2}
              placeholder={t('delivery.authorizationPlaceholder')}
            />
          </>
        ) : null}
        {typed && isHolder ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('delivery.isHolder')}
          />
        ) : null}
        <Controller
          control={control}
          name="checked"
          render={({ field, fieldState }) => (
            <FieldRow
              id="handover-checked"
              label={t('delivery.identity')}
              required
              error={fieldState.error?.message}
            >
              <Checkbox
                id="handover-checked"
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                aria-invalid={fieldState.error ? true : undefined}
              >
                {t('delivery.checked')}
              </Checkbox>
            </FieldRow>
          )}
        />
      </Form>
    </ActionModal>
  );
}
