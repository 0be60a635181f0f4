// The lock after inactivity: the same person unlocks with their password (checked on this machine).
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unlock, type Session } from '../data/session';

export function LockScreen({ session, onUnlock, onLogout }: { session: Session; onUnlock: () => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open closable={false} footer={null} title={t('lock.title')} maskClosable={false} keyboard={false}>
      <Typography.Paragraph>{t('lock.text', { name: session.staff.name })}</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={async (v: { password: string }) => {
          if (await unlock(session, v.password ?? '')) onUnlock();
          else setError(t('lock.wrongPassword'));
        }}
      >
        <Form.Item label={t('lock.password')} name="password">
          <Input.Password autoFocus />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          {t('lock.unlock')}
        </Button>
        <Button type="link" onClick={onLogout}>
          {t('lock.switchUser')}
        </Button>
      </Form>
    </Modal>
  );
}
