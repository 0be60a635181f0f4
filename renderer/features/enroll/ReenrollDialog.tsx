// Re-enrolling this machine (after the hub revoked it): a new one-time code for the same hall and
// window; what the outbox holds is kept and goes to the hub under the new device (reenroll.ts).
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { platform } from '../../platform/platform';
import { db, getMeta, type DeviceIdentity } from '../../data/db';
import { normalizeHubUrl } from '../../data/device';
import { SocketTransport } from '../../data/socket-transport';
import { startSync, stopSync } from '../../data/sync-client';
import { allowHub } from './hub-address';
import { EnrollForm, type EnrollValues } from './EnrollForm';
import { httpEnroll, reenroll, type StagedEnrollment } from './reenroll';
import { dexieReenrollStore } from './reenroll-store';

export function ReenrollDialog({ device, onClose }: { device: DeviceIdentity; onClose: () => void }) {
  const { message } = App.useApp();
  const pending = useLiveQuery(() => db().outbox.where('state').equals('pending').count(), [], 0);
  const staged = useLiveQuery(() => getMeta<StagedEnrollment>('reenroll.staged'), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (v: EnrollValues): Promise<string | null> => {
    setBusy(true);
    const why = await attempt(v);
    setError(why);
    setBusy(false);
    return why;
  };

  const attempt = async (v: EnrollValues): Promise<string | null> => {
    try {
      const hubUrl = normalizeHubUrl(v.hubUrl);
      if ((await allowHub(hubUrl, { ...v, hubUrl })) === 'reloading') return null;
      // The worker must not push the old outbox while it is re-authored.
      stopSync();
      const r = await reenroll(device, { hubUrl, code: v.code, deviceName: v.deviceName, appVersion: __APP_VERSION__ }, {
        store: dexieReenrollStore(),
        enroll: httpEnroll,
        transport: (identity, sign) => new SocketTransport({ hubUrl: identity.hubUrl, deviceId: identity.deviceId, sign }),
      });
      if (!r.ok) {
        startSync();
        return r.error.message;
      }
      await platform().setSettings({ hallId: r.value.hallId, counterNo: r.value.counterNo });
      setDone(r.value.deviceCode);
      message.success(`已重新注册为 ${r.value.deviceCode}，未上传的记录将以新设备身份上传`);
      // A fresh start with the new identity: the sync worker, the session, the caches.
      window.setTimeout(() => window.location.reload(), 800);
      return null;
    } catch (e) {
      startSync();
      return `重新注册失败：${e instanceof Error ? e.message : String(e)}`;
    }
  };

  const resume = () => staged && void run({ hubUrl: staged.identity.hubUrl, code: '', deviceName: staged.identity.deviceName });

  return (
    <Modal open title="重新注册本机" onCancel={onClose} footer={null} width={520} destroyOnHidden>
      <Typography.Paragraph>
        本机原为 {device.deviceCode}（{device.deviceName}）。请向管理员申请<strong>同一营业厅、同一窗口</strong>的新注册码。
      </Typography.Paragraph>
      <Alert
        type={pending > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={pending > 0 ? `本机有 ${pending} 条记录尚未上传：重新注册后会以新设备身份上传，不会丢失。` : '本机没有未上传的记录。'}
      />
      {/* The view changes only between attempts: an attempt stages its enrollment midway. */}
      {done ? (
        <Alert type="success" showIcon title={`已重新注册为 ${done}，正在重新启动…`} />
      ) : staged && !busy ? (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`上次重新注册未完成：已在中心注册为 ${staged.identity.deviceCode}。点击“继续重新注册”完成，无需新的注册码。`} />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" block onClick={resume}>
            继续重新注册
          </Button>
        </>
      ) : (
        <EnrollForm idPrefix="reenroll" defaults={{ hubUrl: device.hubUrl, code: '', deviceName: device.deviceName }} submitLabel="重新注册" onSubmit={run} />
      )}
    </Modal>
  );
}
