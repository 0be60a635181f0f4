// First run: the technician enters the hub address and a one-time enrollment code (or scans the QR
// code of both), and this machine becomes a device of the hub.
import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform/platform';
import type { DeviceIdentity } from '../../data/db';
import { enrollDevice, HubError, normalizeHubUrl } from '../../data/device';
import { allowHub, takePendingEnrollment } from './hub-address';
import { EnrollForm, type EnrollValues } from './EnrollForm';

export function EnrollScreen({ onEnrolled }: { onEnrolled: (d: DeviceIdentity) => void }) {
  const { t } = useTranslation();
  const [pending] = useState(takePendingEnrollment);
  const [defaults, setDefaults] = useState<EnrollValues | null>(pending);
  useEffect(() => {
    if (pending) return;
    // In a browser the page comes from the hub; the desktop app may know the hub from its settings.
    const served = window.location.protocol.startsWith('http') ? window.location.origin : '';
    void platform()
      .getSettings()
      .then((s) => setDefaults({ hubUrl: served || s.hubUrl, code: '', deviceName: '' }));
  }, [pending]);
  const submit = async (v: EnrollValues): Promise<string | null> => {
    try {
      const hubUrl = normalizeHubUrl(v.hubUrl);
      if ((await allowHub(hubUrl, { ...v, hubUrl })) === 'reloading') return null;
      const device = await enrollDevice(hubUrl, v.code, v.deviceName, __APP_VERSION__);
      await platform().setSettings({ hallId: device.hallId, counterNo: device.counterNo });
      onEnrolled(device);
      // Busy until the login screen replaces this one (it renders as a transition): a second Enter
      // meanwhile would enroll again with the code just used.
      return await new Promise<never>(() => undefined);
    } catch (e) {
      return e instanceof HubError ? e.message : t('enroll.failed', { reason: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 460 }}>
        <Typography.Title level={3}>{t('enroll.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('enroll.intro')}</Typography.Paragraph>
        {defaults && <EnrollForm defaults={defaults} submitLabel={t('enroll.submit')} onSubmit={submit} autoSubmit={!!pending} />}
      </Card>
    </div>
  );
}
