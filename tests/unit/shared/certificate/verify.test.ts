import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/crypto/canonical-json';
import { exportPublicKey, generateSigningKeyPair, sign } from '../../../../shared/crypto/ed25519';
import type { Certificate } from '../../../../shared/protocol/events';
import type { AuthorityKey } from '../../../../shared/protocol/wire';
import {
  certificateQrText,
  parseScannedCertificate,
  verifyCertificate,
  verifyScanned,
  type SignedCertificate,
} from '../../../../shared/certificate/verify';

const certificate: Certificate = {
  certificateId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  caseId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  caseNo: 'TJ01A-20261125-0001X',
  itemCode: 'XK00101001-BJ',
  name: '食品经营许可证',
  holder: { name: '王小明', idNumber: '11010519491231002X' },
  authority: '北京市市场监督管理局',
  issuedAt: '2026-11-25T08:30:00.000Z',
  validUntil: '2031-11-24',
  fields: { shopName: '小明餐馆', seats: 40 },
};

async function authority(keyId: string, retiredAt?: string) {
  const pair = await generateSigningKeyPair();
  const key: AuthorityKey = { keyId, authority: '北京市政务服务管理局', hallId: 'BJ', alg: 'Ed25519', publicKey: await exportPublicKey(pair.publicKey), ...(retiredAt ? { retiredAt } : {}) };
  const signOf = async (c: Certificate): Promise<SignedCertificate> => ({ certificate: c, keyId, signature: await sign(pair.privateKey, canonicalJson(c)) });
  return { key, signOf };
}

describe('certificate verification', () => {
  it('accepts a certificate signed by a known key', async () => {
    const a = await authority('BJ-1');
    const v = await verifyCertificate(await a.signOf(certificate), [a.key]);
    expect(v.kind).toBe('genuine');
  });

  it('refuses a certificate whose content was altered after signing', async () => {
    const a = await authority('BJ-1');
    const signed = await a.signOf(certificate);
    const altered = { ...signed, certificate: { ...certificate, holder: { ...certificate.holder, name: '王小名' } } };
    const v = await verifyCertificate(altered, [a.key]);
    expect(v.kind).toBe('forged');
    const moreSeats = { ...signed, certificate: { ...certificate, fields: { ...certificate.fields, seats: 400 } } };
    expect((await verifyCertificate(moreSeats, [a.key])).kind).toBe('forged');
  });

  it('refuses a certificate signed by another key under a known key id', async () => {
    const real = await authority('BJ-1');
    const forger = await authority('BJ-1');
    const v = await verifyCertificate(await forger.signOf(certificate), [real.key]);
    expect(v.kind).toBe('forged');
  });

  it('says when it does not know the key, rather than calling it genuine or forged', async () => {
    const a = await authority('BJ-2');
    const other = await authority('TJ-1');
    const v = await verifyCertificate(await a.signOf(certificate), [other.key]);
    expect(v.kind).toBe('unknown_key');
  });

  it('refuses a certificate dated after its key was retired', async () => {
    const a = await authority('BJ-1', '2026-01-01T00:00:00.000Z');
    const v = await verifyCertificate(await a.signOf(certificate), [a.key]);
    expect(v.kind).toBe('forged');
    const older = await a.signOf({ ...certificate, issuedAt: '2025-12-31T00:00:00.000Z' });
    expect((await verifyCertificate(older, [a.key])).kind).toBe('genuine');
  });

  it('calls malformed input malformed and never throws', async () => {
    for (const bad of [null, 42, 'x', {}, { certificate, signature: 'short', keyId: 'BJ-1' }, { certificate: { ...certificate, extra: 1 }, signature: 'a'.repeat(86), keyId: 'k' }]) {
      expect((await verifyCertificate(bad, [])).kind).toBe('malformed');
    }
  });
});

describe('the certificate QR code', () => {
  it('round-trips the signed certificate through the text a scanner types', async () => {
    const a = await authority('BJ-1');
    const signed = await a.signOf(certificate);
    const text = certificateQrText('https://hub.example.cn:8443/', signed);
    expect(text.startsWith(`https://hub.example.cn:8443/verify/${certificate.certificateId}#tb1.`)).toBe(true);
    const scanned = parseScannedCertificate(`  ${text}\n`);
    expect(scanned.kind).toBe('signed');
    if (scanned.kind !== 'signed') return;
    expect(scanned.signed).toEqual(signed);
    expect((await verifyScanned(scanned, [a.key])).kind).toBe('genuine');
  });

  it('refuses a QR code whose address names another certificate', async () => {
    const a = await authority('BJ-1');
    const text = certificateQrText('http://h', await a.signOf(certificate)).replace(certificate.certificateId, '0193a1b2-c3d4-7e5f-8a9b-000000000000');
    const scanned = parseScannedCertificate(text);
    if (scanned.kind !== 'signed') throw new Error('expected a signed scan');
    expect((await verifyScanned(scanned, [a.key])).kind).toBe('forged');
  });

  it('reads a bare certificate number or a verify address, and explains anything else', () => {
    expect(parseScannedCertificate(certificate.certificateId.toUpperCase())).toEqual({ kind: 'id', certificateId: certificate.certificateId });
    expect(parseScannedCertificate(`http://h/verify/${certificate.certificateId}`)).toEqual({ kind: 'id', certificateId: certificate.certificateId });
    expect(parseScannedCertificate('').kind).toBe('unreadable');
    expect(parseScannedCertificate('hello').kind).toBe('unreadable');
    expect(parseScannedCertificate('http://h/verify/x#tb1.!!!').kind).toBe('unreadable');
    expect(parseScannedCertificate('http://h/verify/x#tb1.aGVsbG8').kind).toBe('unreadable');
  });
});
