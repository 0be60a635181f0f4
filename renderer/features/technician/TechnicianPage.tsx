// The technician's page: the machine's diagnostics with a report to copy for the helpdesk, the
// update from a USB stick (desktop app only), and re-enrollment.
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
      message.success('诊断报告已复制，可直接粘贴给服务台');
    } catch {
      // Without clipboard access, the text is shown to copy by hand.
      setManualCopy(text);
    }
  };

  const skew = report ? skewVerdict(report.clockSkewMs) : null;
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Typography.Title level={3}>技术维护</Typography.Title>
      <Card
        size="small"
        title="本机诊断"
        role="region"
        aria-label="本机诊断"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Button onClick={() => void run()} loading={busy}>
              重新检测
            </Button>
            <Button type="primary" onClick={() => void copy()} disabled={!report}>
              复制报告
            </Button>
          </Space>
        }
      >
        {!report ? (
          <Spin />
        ) : (
          <>
            {!report.hub.reachable && <Alert type="warning" showIcon title="中心无法连接：本机可离线受理，记录会在恢复连接后上传。" style={{ marginBottom: 12 }} />}
            {skew?.level === 'error' && <Alert type="error" showIcon title={skew.text} style={{ marginBottom: 12 }} />}
            {report.app.signature.status === 'invalid' && <Alert type="error" showIcon title={`本程序的发布签名校验失败：${report.app.signature.detail}`} style={{ marginBottom: 12 }} />}
            <Descriptions bordered size="small" column={1} items={reportLines(report).map(([label, value]) => ({ key: label, label, children: value }))} />
          </>
        )}
      </Card>
      {caps?.selfUpdate ? (
        <UsbUpdateCard releaseKeyId={report?.app.releaseKeyId ?? null} />
      ) : (
        <Typography.Paragraph type="secondary">浏览器版由中心提供页面，随中心更新；从 U 盘安装更新请使用桌面版。</Typography.Paragraph>
      )}
      <Card size="small" title="重新注册本机" role="region" aria-label="重新注册本机">
        <Typography.Paragraph type="secondary">本机被中心吊销，或需换用新的注册码时使用。未上传的记录会保留，并以新设备身份上传。</Typography.Paragraph>
        <Button danger onClick={() => setReenrolling(true)}>
          重新注册本机…
        </Button>
      </Card>
      {reenrolling && <ReenrollDialog device={device} onClose={() => setReenrolling(false)} />}
      <Modal open={manualCopy !== null} title="诊断报告" onCancel={() => setManualCopy(null)} footer={null} width={640}>
        <Typography.Paragraph type="secondary">无法访问剪贴板：请选中下面的文字，按 Ctrl+C 复制。</Typography.Paragraph>
        <Input.TextArea aria-label="诊断报告全文" value={manualCopy ?? ''} autoSize readOnly />
      </Modal>
    </div>
  );
}
