// The document camera (a webcam over USB): listing cameras, opening the chosen one, taking a frame.

export class CameraError extends Error {}

/** A clerk-readable reason for a getUserMedia failure. */
export function cameraErrorMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头使用权限：请在系统或浏览器中允许本程序使用摄像头。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到摄像头：请检查高拍仪是否已连接，并在“设置”中重新选择。';
  if (name === 'NotReadableError' || name === 'AbortError') return '摄像头无法打开：可能被其他程序占用，请关闭其他程序后重试。';
  if (e instanceof CameraError) return e.message;
  return `摄像头打开失败：${e instanceof Error ? e.message : String(e)}`;
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
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('当前环境不支持摄像头（需要安全连接：HTTPS 或本机地址）。');
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
  if (!w || !h) return Promise.reject(new CameraError('摄像头画面尚未就绪，请稍候再拍摄。'));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new CameraError('无法生成图片。'));
  ctx.drawImage(video, 0, 0, w, h);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new CameraError('无法生成图片。'))), 'image/jpeg', quality));
}
