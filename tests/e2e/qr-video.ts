// A Y4M video (what Chromium's fake camera plays with --use-file-for-fake-video-capture) of a QR
// code printed on white paper: how the tests hold a code up to a counter's camera.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

export function qrVideo(text: string, size: { width: number; height: number } = { width: 640, height: 480 }): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { width: w, height: h } = size;
  // As large as the frame allows, quiet zone of 4 modules included.
  const scale = Math.max(1, Math.min(8, Math.floor(Math.min(w, h) / (modules.size + 8))));
  const y = Buffer.alloc(w * h, 235);
  const side = (modules.size + 8) * scale;
  const [left, top] = [(w - side) >> 1, (h - side) >> 1];
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (top + (r + 4) * scale + dy) * w + left + (c + 4) * scale, (top + (r + 4) * scale + dy) * w + left + (c + 5) * scale);
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = join(mkdtempSync(join(tmpdir(), 'tongban-qr-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}
