// Re-enrolling this machine (after the hub revoked it): a new one-time code for the same hall and
// window; what the outbox holds is kept and goes to the hub under the new device (reenroll.ts).
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      message.success(t('enroll.reenrolledAs', { code: r.value.deviceCode }));
      // A fresh start with the new identity: the sync worker, the session, the caches.
      window.setTimeout(() => window.location.reload(), 800);
      return null;
    } catch (e) {
      startSync();
      return t('enroll.reenrollFailed', { reason: e instanceof Error ? e.message : String(e) });
    }
  };

  const resume = () => staged && void run({ hubUrl: staged.identity.hubUrl, code: '', deviceName: staged.identity.deviceName });

  return (
    <Modal open title={t('enroll.reenroll')} onCancel={onClose} footer={null} width={520} destroyOnHidden>
      <Typography.Paragraph>
        <Trans i18nKey="enroll.reenrollWas" values={{ code: device.deviceCode, name: device.deviceName }} components={{ strong: <strong /> }} />
      </Typography.Paragraph>
      <Alert
        type={pending > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={pending > 0 ? t('enroll.pendingKept', { count: pending }) : t('enroll.nothingPending')}
      />
      {/* The view changes only between attempts: an attempt stages its enrollment midway. */}
      {done ? (
        <Alert type="success" showIcon title={t('enroll.restarting', { code: done })} />
      ) : staged && !busy ? (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('enroll.staged', { code: staged.identity.deviceCode })} />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" block onClick={resume}>
            {t('enroll.resume')}
          </Button>
        </>
      ) : (
        <EnrollForm idPrefix="reenroll" defaults={{ hubUrl: device.hubUrl, code: '', deviceName: device.deviceName }} submitLabel={t('enroll.reenrollSubmit')} onSubmit={run} />
      )}
    </Modal>
  );
}
