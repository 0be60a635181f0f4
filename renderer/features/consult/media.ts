// The camera and microphone for a call, as chosen in 设置, and what to tell the clerk when they
// cannot be had.

export class MediaProblem extends Error {}

/** A clerk-readable reason for a getUserMedia failure, with what to try. */
export function mediaErrorMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return '未获得摄像头和麦克风的使用权限，无法视频会商。请在浏览器地址栏左侧的权限设置（或系统的隐私设置）中允许本程序使用摄像头和麦克风，然后重新拨打。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return '未找到摄像头或麦克风，无法视频会商。请检查设备是否已连接；如在“设置”中选择过摄像头或麦克风，请确认它仍然存在，或改选“系统默认”。';
  if (name === 'NotReadableError' || name === 'AbortError')
    return '摄像头或麦克风无法打开：可能正被其他程序（例如高拍仪拍摄窗口）占用。请关闭后重新拨打。';
  if (e instanceof MediaProblem) return e.message;
  return `无法打开摄像头或麦克风：${e instanceof Error ? e.message : String(e)}`;
}

/** Opens the chosen camera and microphone ('' = the system's default) for a call. */
export async function openCallMedia(cameraId: string, microphoneId: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new MediaProblem(
      '当前环境不支持音视频通话（需要安全连接：HTTPS 或本机地址）。请通过 HTTPS 访问中心，或使用桌面版。',
    );
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
