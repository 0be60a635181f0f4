// Shows one attachment: an image inline, a PDF in the browser's viewer, anything else to download.
import { useTranslation } from 'react-i18next';
import { t as tNow } from '../../i18n';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/protocol/events';
import { attachmentBlob, viewKind } from './attachment-source';
import { fileSize } from './format';

type Loaded = { att: Attachment; url: string; from: 'local' | 'hub' } | { att: Attachment; error: string };

export function AttachmentModal({ attachment, token, onClose }: { attachment: Attachment | null; token: string | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!attachment) return;
    let url: string | null = null;
    let live = true;
    attachmentBlob(attachment, token).then(
      ({ blob, from }) => {
        url = URL.createObjectURL(viewKind(attachment.mime) === 'pdf' ? new Blob([blob], { type: 'application/pdf' }) : blob);
        if (live) setLoaded({ att: attachment, url, from });
        else URL.revokeObjectURL(url);
      },
      (e: unknown) => {
        if (live) setLoaded({ att: attachment, error: e instanceof Error ? e.message : tNow('casePage.attachmentUnreadable') });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment, token]);

  const current = loaded && attachment && loaded.att === attachment ? loaded : null;
  const kind = attachment ? viewKind(attachment.mime) : 'other';
  return (
    <Modal open={attachment !== null} title={attachment?.name ?? ''} onCancel={onClose} footer={null} width={kind === 'other' ? 520 : 960} destroyOnHidden>
      {!current ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin description={t('casePage.readingAttachment')}>
            <div style={{ height: 40 }} />
          </Spin>
        </div>
      ) : 'error' in current ? (
        <Alert type="error" showIcon title={t('casePage.attachmentFailed')} description={current.error} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {kind === 'image' ? <img src={current.url} alt={current.att.name} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} /> : null}
          {kind === 'pdf' ? <iframe src={current.url} title={current.att.name} style={{ width: '100%', height: '70vh', border: 0 }} /> : null}
          {kind === 'other' ? <Typography.Paragraph>{t('casePage.noPreview', { mime: current.att.mime })}</Typography.Paragraph> : null}
          <Space>
            <Button href={current.url} download={current.att.name}>
              {t('casePage.download')}
            </Button>
            <Typography.Text type="secondary">
              {fileSize(current.att.size)} · {current.from === 'local' ? t('casePage.fromLocal') : t('casePage.fromHub')}
            </Typography.Text>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
