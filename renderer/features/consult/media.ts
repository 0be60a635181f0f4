// The camera and microphone for a call, as chosen in 设置, and what to tell the clerk when they
// cannot be had.
import { t } from '../../i18n';
import { MediaProblem } from './words';

/** Opens the chosen camera and microphone ('' = the system's default) for a call. */
export async function openCallMedia(cameraId: string, microphoneId: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new MediaProblem(t('consult.media.unsupported'));
  return navigator.mediaDevices.getUserMedia({
    video: {
      width: { ideal: 640 },
      height: { ideal: 480 },
      ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
    },
    audio: {
      echoCancellation: true,
      noiseSuppression: true,
      ...(microphoneId ? { deviceId: { exact: microphoneId } } : {}),
    },
  });
}

export function stopMedia(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput');
}
