// Staff log in at an enrolled counter: at the hub when it is reachable, else with the cached verifier.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { memo, useEffect, useState } from 'react';
import type { DeviceIdentity } from '../../data/db';
import { HubError } from '../../data/device';
import { login, type Session } from '../../data/session';
import { useTranslation } from 'react-i18next';
import { warmFormatters } from '../../i18n';
import { hallLabel } from '../../i18n/labels';
import { ReenrollEntry } from '../enroll/ReenrollEntry';

export function LoginScreen({ device, onLogin }: { device: DeviceIdentity; onLogin: (s: Session) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();
  // The counter's screens format times at once after the login: their formatters are made now, idle.
  useEffect(() => {
    const id = requestIdleCallback(warmFormatters);
    return () => cancelIdleCallback(id);
  }, []);
  const submit = async (v: { username: string; password: string }) => {
    setError(null);
    setBusy(true);
    try {
      // Busy until the counter's screens replace this one (they render as a transition).
      onLogin(await login(v.username ?? '', v.password ?? ''));
    } catch (e) {
      setError(e instanceof HubError ? e.message : t('login.failed', { reason: String(e) }));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3}>{t('login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {hallLabel(device.hallId)} · {device.deviceCode}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <LoginFields />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <ReenrollEntry device={device} />
      </Card>
    </div>
  );
}

/**
 * The two fields, drawn again only when the language changes: the button's busy state on submit
 * drew them again too, in the submit's task (antd's form items are not light).
 */
const LoginFields = memo(function LoginFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
        <Input autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
    </>
  );
});
