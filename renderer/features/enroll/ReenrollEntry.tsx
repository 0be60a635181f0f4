// Shown where a revoked machine's staff land (the login screen): the hub refused this device, and a
// technician can re-enroll it here without losing what waits in the outbox.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import type { DeviceIdentity } from '../../data/db';
import { onSyncStatus } from '../../data/sync-client';
import { ReenrollDialog } from './ReenrollDialog';

export function ReenrollEntry({ device }: { device: DeviceIdentity }) {
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
        title="本机已被中心吊销，无法同步"
        description="本机上的记录都还在。请技术人员向管理员申请同一窗口的新注册码后重新注册。"
        action={
          <Button size="small" danger onClick={() => setOpen(true)}>
            重新注册本机
          </Button>
        }
      />
      {open && <ReenrollDialog device={device} onClose={() => setOpen(false)} />}
    </>
  );
}
