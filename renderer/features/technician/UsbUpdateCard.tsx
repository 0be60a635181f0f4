// The technician's update from a USB stick, where the shell can install (the desktop app): choose the
// folder, see the verdict of the signature and file check, then install and restart.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { StagedUpdate } from '../../../shared/bridge';
import { platform } from '../../platform/platform';

export function UsbUpdateCard({ releaseKeyId }: { releaseKeyId: string | null }) {
  const { t } = useTranslation();
  const [staged, setStaged] = useState<StagedUpdate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async () => {
    setBusy(true);
    setError(null);
    setStaged(null);
    const r = await platform().updateFromUsb();
    setBusy(false);
    if (r.ok) setStaged(r.value);
    else if (r.error.code !== 'CANCELLED') setError(r.error.message);
  };
  const install = async () => {
    if (!staged) return;
    setBusy(true);
    const r = await platform().installUpdate(staged.version);
    setBusy(false);
    if (!r.ok) setError(r.error.message);
  };

  return (
    <Card size="small" title={t('technician.usb')} role="region" aria-label={t('technician.usb')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        {t('technician.usbText', { key: releaseKeyId ? t('technician.usbKey', { key: releaseKeyId }) : '' })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t('technician.usbRefused', { reason: error })} style={{ marginBottom: 12 }} />}
      {staged && <Alert type="success" showIcon title={t('technician.usbStaged', { version: staged.version, files: staged.files, source: staged.source })} style={{ marginBottom: 12 }} />}
      <Space>
        <Button onClick={() => void read()} loading={busy && !staged}>
          {t('technician.usbChoose')}
        </Button>
        <Button type="primary" disabled={!staged} loading={busy && !!staged} onClick={() => void install()}>
          {t('technician.usbInstall')}
        </Button>
      </Space>
    </Card>
  );
}
