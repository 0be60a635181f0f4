// A QR code as an inline SVG string: works under any Content-Security-Policy and prints crisply.
// The typings of the deep import live beside this file; the test build does not include renderer/ on its own.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./qrcode-core.d.ts" />
import { create } from 'qrcode/lib/core/qrcode.js';
import { escapeHtml } from './html';

/** The QR code of `text` as `<svg>` with an accessible name; `size` in CSS pixels. */
export function qrSvg(text: string, label: string, size = 120): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 2;
  const total = n + quiet * 2;
  // One rectangle per horizontal run of dark modules keeps the path short.
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && modules.data[row * n + end]) end++;
      path += `M${col + quiet} ${row + quiet}h${end - col}v1h-${end - col}z`;
      col = end;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${size}" height="${size}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<title>${escapeHtml(label)}</title><rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/** Draws one code and throws it away: the first drawing compiles the encoder (some 30 ms), later ones take a few. */
export function warmQr(): void {
  qrSvg('https://tongban.invalid/track/BJ01A-20260101-0001K?code=000000', '');
}
