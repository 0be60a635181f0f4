// Shows one attachment: an image inline, a PDF in the browser's viewer, anything else to download.
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/protocol/events';
import { attachmentBlob, viewKind } from './attachment-source';
import { fileSize } from './format';

type Loaded = { att: Attachment; url: string; from: 'local' | 'hub' } | { att: Attachment; error: string };

export function AttachmentModal({ attachment, token, onClose }: { attachment: Attachment | null; token: string | undefined; onClose(): void }) {
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
        if (live) setLoaded({ att: attachment, error: e instanceof Error ? e.message : '无法读取附件' });
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
          <Spin description="正在读取附件…">
            <div style={{ height: 40 }} />
          </Spin>
        </div>
      ) : 'error' in current ? (
        <Alert type="error" showIcon title="无法打开附件" description={current.error} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {kind === 'image' ? <img src={current.url} alt={current.att.name} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} /> : null}
          {kind === 'pdf' ? <iframe src={current.url} title={current.att.name} style={{ width: '100%', height: '70vh', border: 0 }} /> : null}
          {kind === 'other' ? <Typography.Paragraph>此类文件（{current.att.mime}）不能在本机预览，请下载后用相应程序打开。</Typography.Paragraph> : null}
          <Space>
            <Button href={current.url} download={current.att.name}>
              下载
            </Button>
            <Typography.Text type="secondary">
              {fileSize(current.att.size)} · {current.from === 'local' ? '本机存储' : '自中心读取'}
            </Typography.Text>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
