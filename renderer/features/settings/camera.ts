// The document camera (a webcam over USB): listing cameras, opening the chosen one, taking a frame.
import { t } from '../../i18n';

export class CameraError extends Error {}

/** A clerk-readable reason for a getUserMedia failure. */
export function cameraErrorMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('camera.notAllowed');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return t('camera.notFound');
  if (name === 'NotReadableError' || name === 'AbortError') return t('camera.notReadable');
  if (e instanceof CameraError) return e.message;
  return t('camera.failed', { reason: e instanceof Error ? e.message : String(e) });
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
}

/**
 * Opens the camera chosen in the settings, or the system's default when none is chosen. When the
 * chosen one is gone (unplugged, another machine's id), says so instead of silently using another.
 */
export async function openCamera(deviceId: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError(t('camera.unsupported'));
  const size = { width: { ideal: 1920 }, height: { ideal: 1080 } };
  return navigator.mediaDevices.getUserMedia({ audio: false, video: deviceId ? { ...size, deviceId: { exact: deviceId } } : size });
}

export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** The video's current frame as a JPEG. */
export function captureJpeg(video: HTMLVideoElement, quality = 0.9): Promise<Blob> {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) return Promise.reject(new CameraError(t('camera.notReady')));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new CameraError(t('camera.noImage')));
  ctx.drawImage(video, 0, 0, w, h);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new CameraError(t('camera.noImage')))), 'image/jpeg', quality));
}
