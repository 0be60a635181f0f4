// Reading a QR code from one camera frame (RGBA pixels) with jsQR.
import jsQR from 'jsqr';

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code in the frame, or null when there is none (or it cannot be read yet). */
export function decodeQr(frame: Pixels): string | null {
  return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
