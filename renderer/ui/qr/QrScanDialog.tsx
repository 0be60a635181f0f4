// Reading a QR code with the camera (an enrollment code, a certificate): the live picture, a frame
// decoded every 150 ms, until a code is read that the caller accepts. Mounted while open.
import { Alert, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { platform } from '../../platform/platform';
import { cameraErrorMessage, openCamera, stopCamera } from '../../features/settings/camera';
import { decodeQr } from './qr-decode';
import { useTranslation } from 'react-i18next';

/** Frames are scaled down to this width before decoding: enough for a QR code on paper, and quick. */
const SCAN_WIDTH = 800;

/** `onText` answers null when it takes the text, or the reason it does not (shown; scanning goes on). */
export function QrScanDialog({ title, hint, onText, onClose }: { title: string; hint: string; onText: (text: string) => string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const take = useRef(onText);
  useEffect(() => {
    take.current = onText;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const scan = () => {
      const v = video.current;
      if (stopped || !v || !ctx) return;
      if (v.videoWidth) {
        const scale = Math.min(1, SCAN_WIDTH / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
        const text = decodeQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
        if (text !== null) {
          const why = take.current(text);
          if (why === null) return;
          setRefusal(why);
        }
      }
      timer = window.setTimeout(scan, 150);
    };
    void (async () => {
      try {
        const { cameraDeviceId } = await platform().getSettings();
        const s = await openCamera(cameraDeviceId);
        if (stopped) return stopCamera(s);
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        scan();
      } catch (e) {
        if (!stopped) setError(cameraErrorMessage(e));
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stopCamera(stream);
    };
  }, []);

  return (
    <Modal open title={title} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {refusal && <Alert type="warning" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <video ref={video} aria-label={t('qrScan.video')} muted playsInline style={{ width: '100%', aspectRatio: '16 / 9', background: '#111', borderRadius: 4 }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {hint}
      </Typography.Paragraph>
    </Modal>
  );
}
