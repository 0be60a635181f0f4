// The enrollment QR code: what it says, how a scan of it is read (jsQR over a camera-sized frame),
// and what is refused, with the reason a technician sees.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { enrollQrText, parseEnrollQr } from '../../../renderer/features/enroll/enroll-qr';
import { decodeQr, type Pixels } from '../../../renderer/ui/qr/qr-decode';

/** A 640×480 grey frame with the QR code of `text` drawn in it, as a camera would deliver it. */
function frameWithQr(text: string, scale = 6): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = 640;
  const height = 480;
  const data = new Uint8ClampedArray(width * height * 4).fill(200);
  const side = (modules.size + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      const dark = r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c);
      const i = ((top + y) * width + left + x) * 4;
      data.fill(dark ? 20 : 245, i, i + 3);
    }
  }
  return { data, width, height };
}

describe('the enrollment QR code', () => {
  it('carries the hub address and the code, and reads back from a camera frame', () => {
    const text = enrollQrText('https://hub.jjj.gov.cn:8443', 'ABCD-EFGH-JKMN');
    expect(text).toBe('tongban:enroll?hub=https%3A%2F%2Fhub.jjj.gov.cn%3A8443&code=ABCD-EFGH-JKMN');
    const read = decodeQr(frameWithQr(text));
    expect(read).toBe(text);
    expect(parseEnrollQr(read!)).toEqual({ ok: true, value: { hubUrl: 'https://hub.jjj.gov.cn:8443', code: 'ABCD-EFGH-JKMN' } });
  });

  it('reads JSON made with any QR generator, and upper-cases the code', () => {
    expect(parseEnrollQr(' {"hub":"http://10.1.2.3:8080","code":"abcdefghjkmn"} ')).toEqual({ ok: true, value: { hubUrl: 'http://10.1.2.3:8080', code: 'ABCDEFGHJKMN' } });
  });

  it('finds nothing in a frame without a code', () => {
    expect(decodeQr({ data: new Uint8ClampedArray(320 * 240 * 4).fill(128), width: 320, height: 240 })).toBeNull();
  });

  it('refuses what is not an enrollment code, saying why', () => {
    expect(parseEnrollQr('https://www.gov.cn/')).toMatchObject({ ok: false, error: { code: 'QR_NOT_ENROLL', message: '这不是通办的注册二维码：请扫描管理员发放的注册二维码' } });
    expect(parseEnrollQr('tongban:enroll?code=ABCD-EFGH-JKMN')).toMatchObject({ ok: false, error: { code: 'QR_NO_HUB' } });
    expect(parseEnrollQr('tongban:enroll?hub=ftp%3A%2F%2Fx&code=ABCD-EFGH-JKMN')).toMatchObject({ ok: false, error: { code: 'QR_NO_HUB' } });
    expect(parseEnrollQr('tongban:enroll?hub=https%3A%2F%2Fh&code=ABC')).toMatchObject({ ok: false, error: { code: 'QR_NO_CODE', message: '注册二维码中的注册码格式不对（应为 12 位字母数字）' } });
    expect(parseEnrollQr('{not json')).toMatchObject({ ok: false, error: { code: 'QR_NOT_ENROLL' } });
  });
});
