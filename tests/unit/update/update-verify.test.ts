// Signed updates (shared/update): a good package passes; an altered byte, a wrong key, a replayed
// older version and a missing file are each refused with a clear reason. The key pairs are made here.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKey, generateSigningKeyPair } from '../../../shared/crypto/ed25519';
import { utf8 } from '../../../shared/crypto/bytes';
import {
  digestBytes,
  isSafeRelativePath,
  MANIFEST_FORMAT,
  releaseKeyId,
  signManifest,
  verifyUpdate,
  type SignedManifest,
  type UpdateFileSource,
  type UpdateManifest,
} from '../../../shared/update';

let release: CryptoKeyPair;
let other: CryptoKeyPair;
let publicKey: string;

const files = new Map<string, Uint8Array<ArrayBuffer>>([
  ['tongban-0.2.0-win-x64.exe', utf8('MZ… a Windows installer')],
  ['tongban-0.2.0-linux-arm64.deb', utf8('!<arch> a Debian package')],
]);

/** The package's files in memory; the folder reader (electron/main/update-folder.ts) has its own tests. */
const source = (map: Map<string, Uint8Array<ArrayBuffer>>): UpdateFileSource => ({
  digest: async (path) => {
    const bytes = map.get(path);
    return bytes ? digestBytes(bytes) : null;
  },
});

async function manifestOf(version: string, map = files): Promise<UpdateManifest> {
  const list: UpdateManifest['files'] = [];
  for (const [path, bytes] of map) list.push({ path, ...(await digestBytes(bytes)) });
  return { format: MANIFEST_FORMAT, product: 'tongban', version, createdAt: '2026-11-25T08:00:00.000Z', files: list };
}

const check = (raw: unknown, currentVersion: string | null = '0.1.0', map = files) => verifyUpdate(raw, { publicKey, currentVersion, files: source(map) });

beforeAll(async () => {
  release = await generateSigningKeyPair(true);
  other = await generateSigningKeyPair(true);
  publicKey = await exportPublicKey(release.publicKey);
});

describe('verifyUpdate', () => {
  it('accepts a package signed by the release key, newer than the running version, with every file intact', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    expect(signed.keyId).toBe(await releaseKeyId(publicKey));
    const r = await check(JSON.parse(JSON.stringify(signed)));
    expect(r).toMatchObject({ ok: true, value: { version: '0.2.0' } });
  });

  it('refuses a package one of whose files has one byte altered', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    const altered = new Map(files);
    const bytes = new Uint8Array(files.get('tongban-0.2.0-win-x64.exe')!);
    bytes[3]! ^= 0x01;
    altered.set('tongban-0.2.0-win-x64.exe', bytes);
    const r = await check(signed, '0.1.0', altered);
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_MISMATCH' } });
    if (!r.ok) expect(r.error.message).toBe('文件 tongban-0.2.0-win-x64.exe 与清单不符（SHA-512 与清单不符）：文件被改动或已损坏，不能使用');
  });

  it('refuses a file of another size, saying so', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    const longer = new Map(files).set('tongban-0.2.0-linux-arm64.deb', utf8('!<arch> a Debian package plus'));
    const r = await check(signed, '0.1.0', longer);
    expect(r.ok ? '' : r.error.message).toContain('大小为 29 字节，清单为 24 字节');
  });

  it('refuses a manifest with one byte altered after signing (version, hash or size)', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    const tampered: SignedManifest[] = [
      { ...signed, manifest: { ...signed.manifest, version: '0.2.1' } },
      { ...signed, manifest: { ...signed.manifest, files: signed.manifest.files.map((f, i) => (i === 0 ? { ...f, sha512: `0${f.sha512.slice(1)}` } : f)) } },
      { ...signed, signature: `${signed.signature.slice(0, 10)}${signed.signature[10] === 'A' ? 'B' : 'A'}${signed.signature.slice(11)}` },
    ];
    for (const t of tampered) {
      const r = await check(t);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_SIGNATURE', message: '更新清单的签名无效：清单在签署后被改动过，或签名已损坏，不能使用' } });
    }
  });

  it('refuses a package signed by another key, naming both keys', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), other);
    const r = await check(signed);
    const otherId = await releaseKeyId(await exportPublicKey(other.publicKey));
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    expect(r.ok ? '' : r.error.message).toBe(`更新包由另一把密钥签署（密钥 ${otherId}），本机只接受发布密钥 ${await releaseKeyId(publicKey)} 签署的更新`);
    // Claiming the release key's id does not help: the signature is checked with the release key.
    expect(await check({ ...signed, keyId: await releaseKeyId(publicKey) })).toMatchObject({ ok: false, error: { code: 'BAD_SIGNATURE' } });
  });

  it('refuses a replayed older or equal version: no downgrade', async () => {
    const old = await signManifest(await manifestOf('0.1.0'), release);
    expect(await check(old, '0.1.0')).toMatchObject({ ok: false, error: { code: 'NOT_NEWER', message: '更新包版本 0.1.0 不高于本机版本 0.1.0：拒绝降级或重复安装旧版本' } });
    expect(await check(old, '0.3.0')).toMatchObject({ ok: false, error: { code: 'NOT_NEWER' } });
    const rc = await signManifest(await manifestOf('0.2.0-rc.1'), release);
    expect(await check(rc, '0.2.0')).toMatchObject({ ok: false, error: { code: 'NOT_NEWER' } });
    expect(await check(rc, '0.1.9')).toMatchObject({ ok: true });
  });

  it('refuses a package with a listed file missing', async () => {
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    const short = new Map(files);
    short.delete('tongban-0.2.0-linux-arm64.deb');
    expect(await check(signed, '0.1.0', short)).toMatchObject({
      ok: false,
      error: { code: 'FILE_MISSING', message: '更新包缺少文件 tongban-0.2.0-linux-arm64.deb：请重新拷贝完整的更新包' },
    });
  });

  it('refuses no manifest, a malformed one, and any manifest when no release key is built in', async () => {
    expect(await check(undefined)).toMatchObject({ ok: false, error: { code: 'MANIFEST_MISSING' } });
    expect(await check({ manifest: {}, keyId: 'x', signature: 'y' })).toMatchObject({ ok: false, error: { code: 'MANIFEST_INVALID' } });
    const signed = await signManifest(await manifestOf('0.2.0'), release);
    expect(await check({ ...signed, extra: 1 })).toMatchObject({ ok: false, error: { code: 'MANIFEST_INVALID' } });
    expect(await verifyUpdate(signed, { publicKey: '', currentVersion: '0.1.0', files: source(files) })).toMatchObject({ ok: false, error: { code: 'NO_RELEASE_KEY' } });
  });

  it('refuses paths that leave the package folder', async () => {
    for (const bad of ['../evil.exe', '/etc/passwd', 'C:\\x.exe', 'a/../b', 'a//b', './a', 'a\u0000b', '']) expect(isSafeRelativePath(bad)).toBe(false);
    for (const good of ['tongban.exe', 'linux/tongban.deb', '通办-0.2.0.AppImage']) expect(isSafeRelativePath(good)).toBe(true);
    const m = await manifestOf('0.2.0');
    await expect(signManifest({ ...m, files: [{ ...m.files[0]!, path: '../evil.exe' }] }, release)).rejects.toThrow();
    const forged = await signManifest(m, release);
    const r = await check({ ...forged, manifest: { ...forged.manifest, files: [{ ...m.files[0]!, path: '../evil.exe' }] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'MANIFEST_INVALID' } });
    expect(r.ok ? '' : r.error.message).toContain('文件路径须为更新包内的相对路径');
  });
});
