// One picture of a call: a MediaStream in a <video>. The remote one marks its first frame
// (performance mark consult:first-remote-frame), which the call-setup benchmark reads.
import { useEffect, useRef } from 'react';

interface Props {
  stream: MediaStream | undefined;
  label: string;
  muted?: boolean;
  markFirstFrame?: boolean;
  style?: React.CSSProperties;
}

export function CallVideo({ stream, label, muted = false, markFirstFrame = false, style }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = video.current;
    if (!el || !stream) return;
    el.srcObject = stream;
    void el.play().catch(() => undefined);
    if (markFirstFrame && 'requestVideoFrameCallback' in el) {
      el.requestVideoFrameCallback(() => performance.mark('consult:first-remote-frame'));
    }
    return () => {
      el.srcObject = null;
    };
  }, [stream, markFirstFrame]);
  return (
    <video
      ref={video}
      aria-label={label}
      autoPlay
      playsInline
      muted={muted}
      style={{ background: '#111', borderRadius: 4, objectFit: 'cover', ...style }}
    />
  );
}
