import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomDigits, sha256Hex, toBase64Url, toHex, utf8 } from '../../../../shared/crypto/bytes';
import { canonicalJson } from '../../../../shared/crypto/canonical-json';
import {
  exportPrivateKeyPkcs8,
  exportPublicKey,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  importPublicKey,
  sign,
  verify,
} from '../../../../shared/crypto/ed25519';
import { checkOfflineVerifier, makeOfflineVerifier } from '../../../../shared/crypto/pbkdf2';

describe('bytes', () => {
  it('round-trips base64url for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(Buffer.from(fromBase64Url(text)!)).toEqual(Buffer.from(bytes));
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it('refuses text that is not base64url', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('ab/c')).toBeNull();
    expect(fromBase64Url('abc=')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });

  it('hashes with sha256 as published test vectors say', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(utf8('通'))).toBe('e9809a');
  });

  it('makes random digits of the asked length', () => {
    for (let i = 0; i < 50; i++) expect(randomDigits(6)).toMatch(/^\d{6}$/);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '通办' } })).toBe(
      '{"a":{"c":"通办","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('is the same for any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });
});

describe('Ed25519', () => {
  it('verifies the RFC 8032 test vector 1 (empty message)', async () => {
    // RFC 8032 §7.1, TEST 1.
    const publicKey = toBase64Url(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex'));
    const signature = toBase64Url(
      Buffer.from(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
        'hex',
      ),
    );
    expect(await verify(publicKey, new Uint8Array(0), signature)).toBe(true);
    expect(await verify(publicKey, utf8('x'), signature)).toBe(false);
  });

  it('signs and verifies with a non-extractable device key', async () => {
    const pair = await generateSigningKeyPair(false);
    expect(pair.privateKey.extractable).toBe(false);
    await expect(exportPrivateKeyPkcs8(pair.privateKey)).rejects.toThrow();
    const pub = await exportPublicKey(pair.publicKey);
    expect(fromBase64Url(pub)!.length).toBe(32);
    const sig = await sign(pair.privateKey, 'tongban-sync\ndev\n123');
    expect(await verify(pub, 'tongban-sync\ndev\n123', sig)).toBe(true);
    expect(await verify(pub, 'tongban-sync\ndev\n124', sig)).toBe(false);
  });

  it('says no, without throwing, to a malformed key or signature', async () => {
    const pair = await generateSigningKeyPair();
    const sig = await sign(pair.privateKey, 'm');
    expect(await verify('not-a-key', 'm', sig)).toBe(false);
    expect(await verify(await exportPublicKey(pair.publicKey), 'm', 'short')).toBe(false);
    expect(await verify(await exportPublicKey(pair.publicKey), 'm', '***')).toBe(false);
    expect(await importPublicKey('AAAA')).toBeNull();
    expect(await importPrivateKeyPkcs8('!!')).toBeNull();
  });

  it('round-trips an extractable authority key through PKCS#8', async () => {
    const pair = await generateSigningKeyPair(true);
    const pkcs8 = await exportPrivateKeyPkcs8(pair.privateKey);
    const restored = await importPrivateKeyPkcs8(pkcs8);
    const sig = await sign(restored!, 'certificate');
    expect(await verify(pair.publicKey, 'certificate', sig)).toBe(true);
  });
});

describe('offline verifier (PBKDF2)', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const v = await makeOfflineVerifier('正确的密码', 1000);
    expect(v.alg).toBe('PBKDF2-SHA256');
    expect(await checkOfflineVerifier(v, '正确的密码')).toBe(true);
    expect(await checkOfflineVerifier(v, '错误的密码')).toBe(false);
    expect(await checkOfflineVerifier({ ...v, salt: '!!' }, '正确的密码')).toBe(false);
  });
  it('matches the RFC 7914 PBKDF2-HMAC-SHA256 vector', async () => {
    const { pbkdf2 } = await import('../../../../shared/crypto/pbkdf2');
    // RFC 7914 §11: P="passwd", S="salt", c=1, dkLen=64; we derive 32 bytes, its first half.
    const out = await pbkdf2('passwd', utf8('salt'), 1);
    expect(toHex(out)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });
});
