// The enrollment form: the hub's address, the one-time code and this machine's name, typed or read
// from the enrollment QR code with the camera. Used on first run and for re-enrollment.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { normalizeHubUrl } from '../../data/device';
import { ENROLL_CODE_SHAPE, parseEnrollQr } from './enroll-qr';
import { QrScanDialog } from '../../ui/qr/QrScanDialog';
import { t, translated } from '../../i18n';

// Messages are functions so each is made in the language shown when the field is checked.
const hubAddress = z
  .string()
  .trim()
  .min(1, { error: () => t('enroll.hubUrlRequired') })
  .refine((v) => {
    try {
      normalizeHubUrl(v);
      return true;
    } catch {
      return false;
    }
  }, { error: () => t('enroll.hubUrlInvalid') });

const schema = z.object({
  hubUrl: hubAddress,
  code: z.string().trim().regex(ENROLL_CODE_SHAPE, { error: () => t('enroll.codeInvalid') }),
  deviceName: z.string().trim().min(1, { error: () => t('enroll.deviceNameRequired') }).max(100, { error: () => t('enroll.deviceNameTooLong') }),
});
export type EnrollValues = z.infer<typeof schema>;

const PLACEHOLDERS: Record<Exclude<keyof EnrollValues, 'deviceName'>, string> = { hubUrl: 'https://hub.example.gov.cn', code: 'ABCD-EFGH-JKMN' };

export function EnrollForm({
  defaults,
  submitLabel,
  onSubmit,
  autoSubmit = false,
  idPrefix = 'enroll',
}: {
  defaults: EnrollValues;
  submitLabel: string;
  /** Resolves with the reason it failed, or null. */
  onSubmit: (values: EnrollValues) => Promise<string | null>;
  /** Sends the defaults at once (the form came back over a reload). */
  autoSubmit?: boolean;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const { control, handleSubmit, setValue } = useForm<EnrollValues>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: defaults });
  const submit = handleSubmit(async (v) => {
    setError(null);
    setError(await onSubmit({ hubUrl: v.hubUrl.trim(), code: v.code.trim(), deviceName: v.deviceName.trim() }));
  });
  const sent = useRef(false);
  useEffect(() => {
    if (autoSubmit && !sent.current) {
      sent.current = true;
      void submit();
    }
  }, [autoSubmit, submit]);

  const onQr = (text: string): string | null => {
    const r = parseEnrollQr(text);
    if (!r.ok) return translated(`enroll.qr.${r.error.code}`, r.error.message);
    setValue('hubUrl', r.value.hubUrl, { shouldValidate: true });
    setValue('code', r.value.code, { shouldValidate: true });
    setScanned(t('enroll.scanned', { hubUrl: r.value.hubUrl, code: r.value.code }));
    setScanning(false);
    return null;
  };

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      {(['hubUrl', 'code', 'deviceName'] as const).map((name) => (
        <Controller
          key={name}
          name={name}
          control={control}
          render={({ field, fieldState }) => (
            <Form.Item label={t(`enroll.${name}`)} htmlFor={`${idPrefix}-${name}`} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
              <Input id={`${idPrefix}-${name}`} {...field} autoFocus={name === 'code'} placeholder={name === 'deviceName' ? t('enroll.deviceNamePlaceholder') : PLACEHOLDERS[name]} />
            </Form.Item>
          )}
        />
      ))}
      {scanned && <Alert type="success" showIcon title={scanned} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button block onClick={() => setScanning(true)}>
          {t('enroll.scan')}
        </Button>
        <SubmitButton control={control} label={submitLabel} />
      </Space>
      {scanning && <QrScanDialog title={t('enroll.scanTitle')} hint={t('enroll.scanHint')} onText={onQr} onClose={() => setScanning(false)} />}
    </Form>
  );
}

/**
 * Busy while the form is sent. It alone follows the form's sending state: read by the form, it drew
 * the form's three fields again on submit, in the submit's task.
 */
function SubmitButton({ control, label }: { control: Control<EnrollValues>; label: string }) {
  const { isSubmitting } = useFormState({ control });
  return (
    <Button type="primary" htmlType="submit" block loading={isSubmitting}>
      {label}
    </Button>
  );
}
