// The technician's update from a USB stick, where the shell can install (the desktop app): choose the
// folder, see the verdict of the signature and file check, then install and restart.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { StagedUpdate } from '../../../shared/bridge';
import { platform } from '../../platform/platform';

export function UsbUpdateCard({ releaseKeyId }: { releaseKeyId: string | null }) {
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
    <Card size="small" title="从 U 盘更新" role="region" aria-label="从 U 盘更新" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        插入存有更新包的 U 盘，选择更新包所在的文件夹。只有经发布密钥{releaseKeyId ? `（${releaseKeyId}）` : ''}签署、文件完整且版本高于本机的更新包才会被接受。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={`不能使用此更新包：${error}`} style={{ marginBottom: 12 }} />}
      {staged && <Alert type="success" showIcon title={`更新包已通过校验：通办 ${staged.version}（${staged.files} 个文件，来自 ${staged.source}）`} style={{ marginBottom: 12 }} />}
      <Space>
        <Button onClick={() => void read()} loading={busy && !staged}>
          选择更新包…
        </Button>
        <Button type="primary" disabled={!staged} loading={busy && !!staged} onClick={() => void install()}>
          安装并重启
        </Button>
      </Space>
    </Card>
  );
}
