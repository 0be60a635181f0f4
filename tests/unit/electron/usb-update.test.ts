// The technician's USB update and the installed build's signature, over real folders: a package is
// verified on the stick, copied, verified again, and only then handed to the installer launcher (a
// fake: installing needs the Electron runtime). The release key pair is made here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKey, generateSigningKeyPair } from '../../../shared/crypto/ed25519';
import { BUILD_ATTESTATION_FILE, MANIFEST_FILE, MANIFEST_FORMAT, signManifest, type UpdateFile } from '../../../shared/update';
import { checkInstalledBuild } from '../../../electron/main/build-signature';
import { folderSource, sha512File, verifyUpdateFolder } from '../../../electron/main/update-folder';
import { pickInstaller, UsbUpdates, type InstallerKind } from '../../../electron/main/usb-update';

let base: string;
let keys: CryptoKeyPair;
let publicKey: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'tongban-usb-'));
  keys = await generateSigningKeyPair(true);
  publicKey = await exportPublicKey(keys.publicKey);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A package folder as release:sign writes it: the files and the signed manifest beside them. */
async function makePackage(name: string, version: string, files: Record<string, string>, manifestName = MANIFEST_FILE): Promise<string> {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  const list: UpdateFile[] = [];
  for (const [path, text] of Object.entries(files)) {
    writeFileSync(join(dir, path), text);
    list.push({ path, size: Buffer.byteLength(text), sha512: await sha512File(join(dir, path)) });
  }
  const signed = await signManifest({ format: MANIFEST_FORMAT, product: 'tongban', version, createdAt: new Date().toISOString(), files: list }, keys);
  writeFileSync(join(dir, manifestName), JSON.stringify(signed));
  return dir;
}

function updater(folder: string | null, platform = 'linux', arch = 'arm64', appImage = false) {
  const launched: { path: string; kind: InstallerKind; bytes: string }[] = [];
  const u = new UsbUpdates({
    publicKey,
    currentVersion: '0.1.0',
    stagingDir: join(base, `staging-${Math.random().toString(36).slice(2)}`),
    platform,
    arch,
    runningAppImage: appImage,
    chooseFolder: async () => folder,
    launch: async (path, kind) => void launched.push({ path, kind, bytes: readFileSync(path, 'utf8') }),
  });
  return { u, launched };
}

const PACKAGE = { 'tongban-0.2.0-linux-arm64.deb': 'deb arm64', 'tongban-0.2.0-linux-x64.deb': 'deb x64', 'tongban-0.2.0-linux-arm64.AppImage': 'appimage arm64', 'tongban-0.2.0-win-x64.exe': 'nsis x64' };

describe('update from a USB stick', () => {
  it('verifies the stick, stages a verified copy, and launches the installer for this machine from the copy', async () => {
    const stick = await makePackage('stick-ok', '0.2.0', PACKAGE);
    const { u, launched } = updater(stick);
    expect(await u.fromUsb()).toEqual({ version: '0.2.0', source: stick, files: 4 });
    // The stick is changed (or pulled) after the check: the staged copy is what gets installed.
    writeFileSync(join(stick, 'tongban-0.2.0-linux-arm64.deb'), 'tampered after the check');
    await u.install('0.2.0');
    expect(launched).toEqual([{ path: expect.stringContaining(join('0.2.0', 'tongban-0.2.0-linux-arm64.deb')), kind: 'deb', bytes: 'deb arm64' }]);
  });

  it('refuses a tampered, older, foreign or incomplete stick with the verifier\'s reason, and installs nothing', async () => {
    const tampered = await makePackage('stick-bad', '0.2.0', PACKAGE);
    writeFileSync(join(tampered, 'tongban-0.2.0-win-x64.exe'), 'nsis x65');
    const old = await makePackage('stick-old', '0.1.0', PACKAGE);
    const missing = await makePackage('stick-missing', '0.2.0', PACKAGE);
    rmSync(join(missing, 'tongban-0.2.0-linux-x64.deb'));
    const empty = join(base, 'stick-empty');
    mkdirSync(empty);
    const expectations: [string, string][] = [
      [tampered, 'FILE_MISMATCH'],
      [old, 'NOT_NEWER'],
      [missing, 'FILE_MISSING'],
      [empty, 'MANIFEST_MISSING'],
    ];
    for (const [folder, code] of expectations) {
      const { u, launched } = updater(folder);
      await expect(u.fromUsb()).rejects.toMatchObject({ problem: { code } });
      await expect(u.install('0.2.0')).rejects.toMatchObject({ problem: { code: 'NOT_STAGED', message: '没有已校验的 0.2.0 版更新包：请先从 U 盘读取并校验' } });
      expect(launched).toEqual([]);
    }
    await expect(updater(null).u.fromUsb()).rejects.toMatchObject({ problem: { code: 'CANCELLED' } });
    const noArm = await makePackage('stick-x64', '0.2.0', { 'tongban-0.2.0-linux-x64.deb': 'x' });
    await expect(updater(noArm).u.fromUsb()).rejects.toMatchObject({ problem: { code: 'NO_INSTALLER', message: '更新包 0.2.0 中没有适用于本机（linux arm64）的安装程序' } });
  });

  it('reads only regular files inside the folder: a link out of it counts as missing', async () => {
    const dir = join(base, 'links');
    mkdirSync(dir);
    writeFileSync(join(base, 'outside.exe'), 'x');
    symlinkSync(join(base, 'outside.exe'), join(dir, 'inside.exe'));
    const source = folderSource(dir);
    expect(await source.digest('inside.exe')).toBeNull();
    expect(await source.digest('../outside.exe')).toBeNull();
    writeFileSync(join(dir, MANIFEST_FILE), '{ not json');
    expect(await verifyUpdateFolder(dir, { publicKey, currentVersion: null })).toMatchObject({ ok: false, error: { code: 'MANIFEST_INVALID' } });
  });

  it('picks the installer by system and architecture', () => {
    const files = Object.keys(PACKAGE).map((path) => ({ path, size: 1, sha512: '0'.repeat(128) }));
    expect(pickInstaller(files, 'win32', 'x64', false)?.file.path).toBe('tongban-0.2.0-win-x64.exe');
    expect(pickInstaller(files, 'linux', 'x64', false)).toMatchObject({ kind: 'deb', file: { path: 'tongban-0.2.0-linux-x64.deb' } });
    expect(pickInstaller(files, 'linux', 'arm64', true)).toMatchObject({ kind: 'appimage', file: { path: 'tongban-0.2.0-linux-arm64.AppImage' } });
    expect(pickInstaller(files, 'linux', 'x64', true)).toBeNull();
    expect(pickInstaller(files, 'win32', 'arm64', false)).toBeNull();
    expect(pickInstaller(files, 'darwin', 'arm64', false)).toBeNull();
  });
});

describe('the installed build\'s signature', () => {
  it('is verified when the release key signed this app.asar for this version, and says what is wrong otherwise', async () => {
    const resources = await makePackage('resources', '0.1.0', { 'app.asar': 'the packed app' }, BUILD_ATTESTATION_FILE);
    const check = (over: Partial<Parameters<typeof checkInstalledBuild>[0]> = {}) => checkInstalledBuild({ packaged: true, resourcesDir: resources, publicKey, version: '0.1.0', ...over });
    expect(await check()).toEqual({ status: 'verified', detail: '已通过发布密钥校验（app.asar）' });
    expect(await check({ version: '0.1.1' })).toMatchObject({ status: 'invalid', detail: '发布签名所属版本 0.1.0 与本程序版本 0.1.1 不符' });
    expect(await check({ packaged: false })).toMatchObject({ status: 'unsigned' });
    expect(await check({ resourcesDir: join(base, 'stick-empty') })).toEqual({ status: 'unsigned', detail: '此安装包打包时未提供发布密钥，没有发布签名' });
    const other = await exportPublicKey((await generateSigningKeyPair(true)).publicKey);
    expect((await check({ publicKey: other })).detail).toMatch(/^发布签名校验失败：更新包由另一把密钥签署/);
    writeFileSync(join(resources, 'app.asar'), 'the packed app, patched');
    expect(await check()).toMatchObject({ status: 'invalid', detail: expect.stringContaining('文件 app.asar 与清单不符') });
  });
});
