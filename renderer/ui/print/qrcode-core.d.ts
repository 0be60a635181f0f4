// The pure QR encoder inside the qrcode package. Imported directly: the package's own typings pull
// in Node's types, which the renderer (DOM only) must not see.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrModules {
    readonly size: number;
    readonly data: Uint8Array;
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: QrModules; version: number };
}
