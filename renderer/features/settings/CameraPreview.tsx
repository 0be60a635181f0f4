// A live picture from the chosen camera, to check it is the document camera and points at the desk.
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraErrorMessage, openCamera, stopCamera } from './camera';

/** Mounted while shown, keyed by the camera: each camera starts with a clean state. */
function LivePicture({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    openCamera(deviceId)
      .then((s) => {
        if (cancelled) return stopCamera(s);
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch((e: unknown) => !cancelled && setError(cameraErrorMessage(e)));
    return () => {
      cancelled = true;
      stopCamera(stream);
    };
  }, [deviceId]);
  return (
    <>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <video ref={video} aria-label={t('settings.preview')} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#111', borderRadius: 4 }} />
    </>
  );
}

export function CameraPreview({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => setOn((v) => !v)}>{on ? t('settings.previewOff') : t('settings.previewOn')}</Button>
      {on && <LivePicture key={deviceId} deviceId={deviceId} />}
    </Space>
  );
}
