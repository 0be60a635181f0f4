// Staff log in at an enrolled counter: at the hub when it is reachable, else with the cached verifier.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { DeviceIdentity } from '../../data/db';
import { HubError } from '../../data/device';
import { login, type Session } from '../../data/session';
import { hallName } from '../../../shared/halls';
import { ReenrollEntry } from '../enroll/ReenrollEntry';

export function LoginScreen({ device, onLogin }: { device: DeviceIdentity; onLogin: (s: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();
  const submit = async (v: { username: string; password: string }) => {
    setError(null);
    setBusy(true);
    try {
      onLogin(await login(v.username ?? '', v.password ?? ''));
    } catch (e) {
      setError(e instanceof HubError ? e.message : `登录失败：${String(e)}`);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3}>通办 · 登录</Typography.Title>
        <Typography.Paragraph type="secondary">
          {hallName(device.hallId)} · {device.deviceCode}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <ReenrollEntry device={device} />
      </Card>
    </div>
  );
}
