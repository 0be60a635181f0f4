// The technician's page: the machine's diagnostics with a report to copy for the helpdesk, the
// update from a USB stick (desktop app only), and re-enrollment.
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Capabilities } from '../../../shared/bridge';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { platform } from '../../platform/platform';
import { ReenrollDialog } from '../enroll/ReenrollDialog';
import { gatherDiagnostics } from './diagnostics';
import { clockSkewMs, formatReport, reportLines, skewVerdict, type Diagnostics } from './report';
import { UsbUpdateCard } from './UsbUpdateCard';

export function TechnicianPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { device } = useApp();
  const [report, setReport] = useState<Diagnostics | null>(null);
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [busy, setBusy] = useState(false);
  const [manualCopy, setManualCopy] = useState<string | null>(null);
  const [reenrolling, setReenrolling] = useState(false);

  const run = useCallback(async () => {
    setBusy(true);
    try {
      setReport(await gatherDiagnostics(clockSkewMs));
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    let alive = true;
    void gatherDiagnostics(clockSkewMs).then((r) => alive && setReport(r));
    void platform().capabilities().then((c) => alive && setCaps(c));
    return () => {
      alive = false;
    };
  }, []);

  const copy = async () => {
    if (!report) return;
    const text = formatReport(report);
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('technician.copied'));
    } catch {
      // Without clipboard access, the text is shown to copy by hand.
      setManualCopy(text);
    }
  };

  const skew = report ? skewVerdict(report.clockSkewMs) : null;
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Typography.Title level={3}>{t('technician.title')}</Typography.Title>
      <Card
        size="small"
        title={t('technician.diagnostics')}
        role="region"
        aria-label={t('technician.diagnostics')}
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Button onClick={() => void run()} loading={busy}>
              {t('technician.rerun')}
            </Button>
            <Button type="primary" onClick={() => void copy()} disabled={!report}>
              {t('technician.copy')}
            </Button>
          </Space>
        }
      >
        {!report ? (
          <Spin />
        ) : (
          <>
            {!report.hub.reachable && <Alert type="warning" showIcon title={t('technician.hubDown')} style={{ marginBottom: 12 }} />}
            {skew?.level === 'error' && <Alert type="error" showIcon title={skew.text} style={{ marginBottom: 12 }} />}
            {report.app.signature.status === 'invalid' && <Alert type="error" showIcon title={t('technician.badSignature', { detail: report.app.signature.detail })} style={{ marginBottom: 12 }} />}
            {i18n.language === 'en' ? <Typography.Paragraph type="secondary">{t('technician.reportLanguage')}</Typography.Paragraph> : null}
            <Descriptions bordered size="small" column={1} items={reportLines(report).map(([label, value]) => ({ key: label, label, children: value }))} />
          </>
        )}
      </Card>
      {caps?.selfUpdate ? (
        <UsbUpdateCard releaseKeyId={report?.app.releaseKeyId ?? null} />
      ) : (
        <Typography.Paragraph type="secondary">{t('technician.browserUpdates')}</Typography.Paragraph>
      )}
      <Card size="small" title={t('technician.reenroll')} role="region" aria-label={t('technician.reenroll')}>
        <Typography.Paragraph type="secondary">{t('technician.reenrollText')}</Typography.Paragraph>
        <Button danger onClick={() => setReenrolling(true)}>
          {t('technician.reenrollButton')}
        </Button>
      </Card>
      {reenrolling && <ReenrollDialog device={device} onClose={() => setReenrolling(false)} />}
      <Modal open={manualCopy !== null} title={t('technician.report')} onCancel={() => setManualCopy(null)} footer={null} width={640}>
        <Typography.Paragraph type="secondary">{t('technician.manualCopy')}</Typography.Paragraph>
        <Input.TextArea aria-label={t('technician.reportText')} value={manualCopy ?? ''} autoSize readOnly />
      </Modal>
    </div>
  );
}
