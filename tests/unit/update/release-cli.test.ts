// `npm run release:sign` and `npm run release:verify` as a release engineer runs them: real files in a
// temporary folder, the private key only in the environment (a test pair made by release:keygen).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const base = { ...process.env };
  delete base.TONGBAN_RELEASE_PRIVATE_KEY;
  delete base.TONGBAN_RELEASE_PRIVATE_KEY_FILE;
  delete base.TONGBAN_RELEASE_PUBLIC_KEY;
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}`.trim() };
};

let dir: string;
let keys: { privateKey: string; publicKey: string; keyId: string };
let otherKeys: typeof keys;
const EXE = 'tongban-0.2.0-win-x64.exe';
const DEB = 'tongban-0.2.0-linux-arm64.deb';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tongban-release-'));
  writeFileSync(join(dir, EXE), Buffer.alloc(300_000, 7));
  writeFileSync(join(dir, DEB), 'a Debian package');
  writeFileSync(join(dir, 'builder-debug.yml'), 'not an installer');
  keys = JSON.parse(run('release-keygen', ['--json']).out) as typeof keys;
  otherKeys = JSON.parse(run('release-keygen', ['--json']).out) as typeof keys;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('release:sign and release:verify', { timeout: 30_000 }, () => {
  it('signs the installers of a folder with the key from the environment, and the result verifies', () => {
    const signed = run('release-sign', ['--dir', dir, '--version', '0.2.0'], { TONGBAN_RELEASE_PRIVATE_KEY: keys.privateKey });
    expect(signed.code).toBe(0);
    expect(signed.out).toContain(`已签署：通办 0.2.0，2 个文件（${DEB}、${EXE}），发布密钥 ${keys.keyId}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'tongban-update.json'), 'utf8')) as { manifest: { files: { path: string }[] } };
    expect(manifest.manifest.files.map((f) => f.path)).toEqual([DEB, EXE]);
    const ok = run('release-verify', ['--dir', dir, '--current', '0.1.0'], { TONGBAN_RELEASE_PUBLIC_KEY: keys.publicKey });
    expect(ok).toEqual({ code: 0, out: `通过：通办 0.2.0，2 个文件与发布密钥 ${keys.keyId} 的签名一致` });
  });

  it('refuses, with exit code 1 and the reason, a wrong key, a replayed version, an altered byte and a missing file', () => {
    // `--public-key=KEY`: a base64url key may begin with "-" (see the test below of the separate form).
    const verify = (args: string[] = [], key = keys.publicKey) => run('release-verify', ['--dir', dir, `--public-key=${key}`, ...args]);
    expect(verify([], otherKeys.publicKey)).toMatchObject({ code: 1, out: expect.stringContaining('拒绝（WRONG_KEY）：更新包由另一把密钥签署') });
    expect(verify(['--current', '0.2.0'])).toMatchObject({ code: 1, out: expect.stringContaining('拒绝（NOT_NEWER）') });

    const original = readFileSync(join(dir, EXE));
    const altered = Buffer.from(original);
    altered[150_000]! ^= 0xff;
    writeFileSync(join(dir, EXE), altered);
    expect(verify()).toMatchObject({ code: 1, out: `拒绝（FILE_MISMATCH）：文件 ${EXE} 与清单不符（SHA-512 与清单不符）：文件被改动或已损坏，不能使用` });
    writeFileSync(join(dir, EXE), original);

    unlinkSync(join(dir, DEB));
    expect(verify()).toMatchObject({ code: 1, out: `拒绝（FILE_MISSING）：更新包缺少文件 ${DEB}：请重新拷贝完整的更新包` });
    writeFileSync(join(dir, DEB), 'a Debian package');
    expect(verify(['--json'])).toEqual({ code: 0, out: JSON.stringify({ ok: true, version: '0.2.0', files: [DEB, EXE] }) });
  });

  it('takes the private key only from the environment, never from a file inside the repository', () => {
    expect(run('release-sign', ['--dir', dir])).toMatchObject({ code: 2, out: expect.stringContaining('未提供发布私钥：请设置环境变量 TONGBAN_RELEASE_PRIVATE_KEY') });
    const inRepo = join(process.cwd(), 'tests', 'unit', 'update', `.release-key-${process.pid}`);
    writeFileSync(inRepo, keys.privateKey);
    try {
      expect(run('release-sign', ['--dir', dir], { TONGBAN_RELEASE_PRIVATE_KEY_FILE: inRepo })).toMatchObject({ code: 2, out: expect.stringContaining('位于代码仓库内：私钥不得放进仓库') });
    } finally {
      unlinkSync(inRepo);
    }
    const outside = join(dir, '..', `tongban-release-key-${process.pid}`);
    writeFileSync(outside, keys.privateKey);
    try {
      expect(run('release-sign', ['--dir', dir, '--version', '0.2.1'], { TONGBAN_RELEASE_PRIVATE_KEY_FILE: outside }).code).toBe(0);
    } finally {
      unlinkSync(outside);
    }
    expect(run('release-sign', ['--dir', dir], { TONGBAN_RELEASE_PRIVATE_KEY: 'not-a-key' })).toMatchObject({ code: 2, out: expect.stringContaining('发布私钥格式错误') });
    expect(run('release-verify', ['--dir', dir])).toMatchObject({ code: 2, out: expect.stringContaining('未提供发布公钥') });
  });

  it('tells, in Chinese, how to give a key that begins with "-" (one base64url key in 64 does)', () => {
    const dashed = `-${keys.publicKey.slice(1)}`;
    expect(run('release-verify', ['--dir', dir, '--public-key', dashed])).toEqual({ code: 2, out: '--public-key 的值以“-”开头（base64url 编码的密钥可能如此）：请写作 --public-key=值' });
    // A missing value, or one given to a switch, is another mistake: no such hint for it.
    for (const args of [['--dir'], ['--dir', dir, '--json=1']]) expect(run('release-verify', args)).toMatchObject({ code: 2, out: expect.not.stringContaining('开头') });
  });
});
