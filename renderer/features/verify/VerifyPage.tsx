// 证照核验: a scanner (which types the QR code's text and Enter) or the clerk enters a certificate;
// the page says plainly whether it is genuine, online or offline.
import { CameraOutlined, CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { maskHolderId } from '../../../shared/certificate/verify';
import { QrScanDialog } from '../../ui/qr/QrScanDialog';
import { beijingTime } from '../cases/format';
import { verifyInput, type Outcome } from './verify-flow';

type Shown = { outcome: Outcome } | { error: string } | null;

export function VerifyPage() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const input = useRef<InputRef>(null);
  useEffect(() => input.current?.focus(), []);

  const [scanning, setScanning] = useState(false);

  const run = async (value = text) => {
    setBusy(true);
    setShown(null);
    try {
      const r = await verifyInput(value);
      setShown('error' in r ? { error: r.error } : { outcome: r });
    } catch (e) {
      setShown({ error: `核验未完成：${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
      // Ready for the next scan.
      setText('');
      input.current?.focus();
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        证照核验
      </Typography.Title>
      <Card size="small">
        <label htmlFor="verify-input" style={{ display: 'block', marginBottom: 8 }}>
          扫描证照上的二维码，或输入证照编号
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="verify-input"
            ref={input}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void run()}
            placeholder="扫码枪扫描后自动核验；手工输入后按 Enter"
            autoComplete="off"
          />
          <Button type="primary" loading={busy} onClick={() => void run()}>
            核验
          </Button>
          <Button icon={<CameraOutlined aria-hidden="true" />} onClick={() => setScanning(true)}>
            摄像头扫码
          </Button>
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          二维码中含有发证机关的电子签名，断网时本机用已同步的发证机关公钥核验；输入编号则需联网或本机有该办件。
        </Typography.Paragraph>
      </Card>
      {scanning && (
        <QrScanDialog
          title="扫描证照二维码"
          hint="将证照右下方的二维码对准摄像头，识别后自动核验。"
          onText={(scanned) => {
            setScanning(false);
            void run(scanned);
            return null;
          }}
          onClose={() => setScanning(false)}
        />
      )}
      {shown && 'error' in shown ? <Alert type="warning" showIcon title={shown.error} /> : null}
      {shown && 'outcome' in shown ? <VerdictCard outcome={shown.outcome} /> : null}
    </Space>
  );
}

function VerdictCard({ outcome }: { outcome: Outcome }) {
  const v = outcome.verdict;
  const revoked = v.kind === 'genuine' && outcome.hubStatus === 'revoked';
  const good = v.kind === 'genuine' && !revoked;
  const unsure = v.kind === 'unknown_key';
  const icon = good ? (
    <CheckCircleFilled style={{ color: '#389e0d' }} />
  ) : unsure ? (
    <ExclamationCircleFilled style={{ color: '#d48806' }} />
  ) : (
    <CloseCircleFilled style={{ color: '#cf1322' }} />
  );
  const title = good
    ? '证照真实有效'
    : revoked
      ? '证照已注销'
      : unsure
        ? '暂时无法核验'
        : v.kind === 'malformed'
          ? '无法识别的证照'
          : '证照无效';
  const message = good
    ? `该证照由${v.certificate.authority}签发，电子签名核验通过。`
    : revoked
      ? '签名真实，但该证照已被发证机关注销，不再有效。'
      : v.kind === 'genuine'
        ? ''
        : v.message;
  const cert = v.kind === 'malformed' ? null : v.certificate;
  return (
    <Card
      size="small"
      role="status"
      aria-label={`核验结果：${title}`}
      style={{ borderColor: good ? '#b7eb8f' : unsure ? '#ffe58f' : '#ffa39e' }}
    >
      <Space align="start" size={16}>
        <span style={{ fontSize: 40 }} aria-hidden="true">
          {icon}
        </span>
        <div>
          <Typography.Title
            level={3}
            style={{ margin: 0, color: good ? '#389e0d' : unsure ? '#d48806' : '#cf1322' }}
          >
            {title}
          </Typography.Title>
          <Typography.Paragraph style={{ marginTop: 4 }}>{message}</Typography.Paragraph>
          {good && outcome.hubStatus === null ? (
            <Typography.Paragraph type="secondary">
              离线核验：签名有效。是否已被注销需联网后查询。
            </Typography.Paragraph>
          ) : null}
        </div>
      </Space>
      {cert ? (
        <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }}>
          <Descriptions.Item label="证照名称">{cert.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="证照编号">
            <span style={{ fontFamily: 'monospace' }}>{cert.certificateId}</span>
          </Descriptions.Item>
          <Descriptions.Item label="持证人">{cert.holder.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            {maskHolderId(cert.holder.idNumber)}
          </Descriptions.Item>
          <Descriptions.Item label="发证机关">{cert.authority}</Descriptions.Item>
          <Descriptions.Item label="签发时间">{beijingTime(cert.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{cert.validUntil ?? '长期'}</Descriptions.Item>
          <Descriptions.Item label="办件编号">
            <span style={{ fontFamily: 'monospace' }}>{cert.caseNo}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
