// 证照核验: a scanner (which types the QR code's text and Enter) or the clerk enters a certificate;
// the page says plainly whether it is genuine, online or offline.
import { useTranslation } from 'react-i18next';
import { t as tNow } from '../../i18n';
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
  const { t } = useTranslation();
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
      setShown({ error: tNow('verify.failed', { reason: e instanceof Error ? e.message : String(e) }) });
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
        {t('verify.title')}
      </Typography.Title>
      <Card size="small">
        <label htmlFor="verify-input" style={{ display: 'block', marginBottom: 8 }}>
          {t('verify.input')}
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="verify-input"
            ref={input}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void run()}
            placeholder={t('verify.placeholder')}
            autoComplete="off"
          />
          <Button type="primary" loading={busy} onClick={() => void run()}>
            {t('verify.verify')}
          </Button>
          <Button icon={<CameraOutlined aria-hidden="true" />} onClick={() => setScanning(true)}>
            {t('verify.camera')}
          </Button>
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('verify.help')}
        </Typography.Paragraph>
      </Card>
      {scanning && (
        <QrScanDialog
          title={t('verify.scanTitle')}
          hint={t('verify.scanHint')}
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
  const { t } = useTranslation();
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
    ? t('verify.genuine')
    : revoked
      ? t('verify.revoked')
      : unsure
        ? t('verify.unsure')
        : v.kind === 'malformed'
          ? t('verify.malformed')
          : t('verify.invalid');
  const message = good
    ? t('verify.genuineText', { authority: v.certificate.authority })
    : revoked
      ? t('verify.revokedText')
      : v.kind === 'genuine'
        ? ''
        : v.message;
  const cert = v.kind === 'malformed' ? null : v.certificate;
  return (
    <Card
      size="small"
      role="status"
      aria-label={t('verify.result', { title })}
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
              {t('verify.offline')}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Space>
      {cert ? (
        <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('verify.name')}>{cert.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('verify.id')}>
            <span style={{ fontFamily: 'monospace' }}>{cert.certificateId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.holder')}>{cert.holder.name}</Descriptions.Item>
          <Descriptions.Item label={t('verify.idNumber')}>
            {maskHolderId(cert.holder.idNumber)}
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.authority')}>{cert.authority}</Descriptions.Item>
          <Descriptions.Item label={t('verify.issuedAt')}>{beijingTime(cert.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('verify.validUntil')}>{cert.validUntil ?? t('verify.permanent')}</Descriptions.Item>
          <Descriptions.Item label={t('verify.caseNo')}>
            <span style={{ fontFamily: 'monospace' }}>{cert.caseNo}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
