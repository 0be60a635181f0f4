// The lock after inactivity: the same person unlocks with their password (checked on this machine).
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { unlock, type Session } from '../data/session';

export function LockScreen({ session, onUnlock, onLogout }: { session: Session; onUnlock: () => void; onLogout: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open closable={false} footer={null} title="屏幕已锁定" maskClosable={false} keyboard={false}>
      <Typography.Paragraph>{session.staff.name}，长时间未操作，屏幕已锁定。请输入密码解锁。</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={async (v: { password: string }) => {
          if (await unlock(session, v.password ?? '')) onUnlock();
          else setError('密码错误');
        }}
      >
        <Form.Item label="密码" name="password">
          <Input.Password autoFocus />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          解锁
        </Button>
        <Button type="link" onClick={onLogout}>
          换人登录
        </Button>
      </Form>
    </Modal>
  );
}
