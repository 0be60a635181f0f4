// Shown where a revoked machine's staff land (the login screen): the hub refused this device, and a
// technician can re-enroll it here without losing what waits in the outbox.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity } from '../../data/db';
import { onSyncStatus } from '../../data/sync-client';
import { ReenrollDialog } from './ReenrollDialog';

export function ReenrollEntry({ device }: { device: DeviceIdentity }) {
  const { t } = useTranslation();
  const [revoked, setRevoked] = useState(false);
  const [open, setOpen] = useState(false);
  // Once refused, it stays shown: a restarted sync worker reports "not connected" before the refusal.
  useEffect(() => onSyncStatus((s) => setRevoked((was) => was || s.lastError?.code === 'DEVICE_REVOKED')), []);
  if (!revoked && !open) return null;
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 16 }}
        title={t('enroll.revokedTitle')}
        description={t('enroll.revokedText')}
        action={
          <Button size="small" danger onClick={() => setOpen(true)}>
            {t('enroll.reenroll')}
          </Button>
        }
      />
      {open && <ReenrollDialog device={device} onClose={() => setOpen(false)} />}
    </>
  );
}
