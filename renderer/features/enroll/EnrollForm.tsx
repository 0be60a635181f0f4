// The enrollment form: the hub's address, the one-time code and this machine's name, typed or read
// from the enrollment QR code with the camera. Used on first run and for re-enrollment.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { normalizeHubUrl } from '../../data/device';
import { ENROLL_CODE_SHAPE, parseEnrollQr } from './enroll-qr';
import { QrScanDialog } from '../../ui/qr/QrScanDialog';

const hubAddress = z
  .string()
  .trim()
  .min(1, '请输入中心地址')
  .refine((v) => {
    try {
      normalizeHubUrl(v);
      return true;
    } catch {
      return false;
    }
  }, '中心地址无法识别，应如 https://hub.example.gov.cn');

const schema = z.object({
  hubUrl: hubAddress,
  code: z.string().trim().regex(ENROLL_CODE_SHAPE, '注册码为 12 位字母数字，如 ABCD-EFGH-JKMN'),
  deviceName: z.string().trim().min(1, '请为本机起一个名字，如“天津 3 号窗口”').max(100, '名称最多 100 个字'),
});
export type EnrollValues = z.infer<typeof schema>;

const LABELS: Record<keyof EnrollValues, string> = { hubUrl: '中心地址', code: '注册码', deviceName: '本机名称' };
const PLACEHOLDERS: Record<keyof EnrollValues, string> = { hubUrl: 'https://hub.example.gov.cn', code: 'ABCD-EFGH-JKMN', deviceName: '天津 3 号窗口' };

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
  const [error, setError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const { control, handleSubmit, formState, setValue } = useForm<EnrollValues>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: defaults });
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
    if (!r.ok) return r.error.message;
    setValue('hubUrl', r.value.hubUrl, { shouldValidate: true });
    setValue('code', r.value.code, { shouldValidate: true });
    setScanned(`已从二维码读取：${r.value.hubUrl}，注册码 ${r.value.code}`);
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
            <Form.Item label={LABELS[name]} htmlFor={`${idPrefix}-${name}`} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
              <Input id={`${idPrefix}-${name}`} {...field} autoFocus={name === 'code'} placeholder={PLACEHOLDERS[name]} />
            </Form.Item>
          )}
        />
      ))}
      {scanned && <Alert type="success" showIcon title={scanned} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button block onClick={() => setScanning(true)}>
          扫描二维码
        </Button>
        <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </Space>
      {scanning && <QrScanDialog title="扫描注册二维码" hint="将管理员发放的注册二维码对准摄像头，识别后自动填入中心地址和注册码。" onText={onQr} onClose={() => setScanning(false)} />}
    </Form>
  );
}
