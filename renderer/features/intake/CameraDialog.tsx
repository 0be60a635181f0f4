// Capturing pages of a material with the document camera: live picture, one JPEG per press.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { platform } from '../../platform/platform';
import { cameraErrorMessage, captureJpeg, openCamera, stopCamera } from '../settings/camera';

/** Mounted while open: each opening starts with a fresh camera and count. */
export function CameraDialog({ title, onCapture, onClose }: { title: string; onCapture: (jpeg: Blob) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const shutter = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [taken, setTaken] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const { cameraDeviceId } = await platform().getSettings();
        const s = await openCamera(cameraDeviceId);
        if (cancelled) return stopCamera(s);
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
      } catch (e) {
        if (!cancelled) setError(cameraErrorMessage(e));
      }
    })();
    return () => {
      cancelled = true;
      stopCamera(stream);
    };
  }, []);

  // The shutter takes the focus once the picture is live, so Space or Enter takes a page.
  useEffect(() => {
    if (ready) shutter.current?.focus();
  }, [ready]);

  const take = async () => {
    if (!video.current || busy) return;
    setBusy(true);
    try {
      await onCapture(await captureJpeg(video.current));
      setTaken((n) => n + 1);
    } catch (e) {
      setError(cameraErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Typography.Text type="secondary">{taken ? t('intake.captured', { count: taken }) : t('intake.captureHint')}</Typography.Text>
          <Button onClick={onClose}>{t('intake.done')}</Button>
          <Button type="primary" onClick={() => void take()} ref={shutter} loading={busy} disabled={!ready || !!error}>
            {t('intake.capture')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <video
        ref={video}
        aria-label={t('intake.cameraView')}
        muted
        playsInline
        onLoadedData={() => setReady(true)}
        style={{ width: '100%', aspectRatio: '16 / 9', background: '#111', borderRadius: 4 }}
      />
    </Modal>
  );
}
