// electron-builder.yml: valid by electron-builder's own schema, the targets the halls run (Windows
// NSIS, Linux deb and AppImage for x64 and arm64), signtool with a timestamp server, the security
// fuses, a `files` allow-list, the release-signing hooks, and no key material in the repository.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const yml = readFileSync('electron-builder.yml', 'utf8');
const config = parse(yml) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own configuration schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, path: string | null, from: null): Promise<unknown>;
      validateConfiguration(c: unknown, log: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);

  it('builds Windows NSIS signed with signtool and a timestamp, and Linux deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win.signtoolOptions).toMatchObject({ publisherName: '京津冀政务服务通办平台', signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//) });
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    // The USB updater picks an installer by the architecture in its name.
    expect(config.artifactName).toContain('${arch}');
    expect(config.nsis.artifactName).toContain('${arch}');
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no inspector flags, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs an allow-list of the built app only, and signs the build and the update manifest in hooks', () => {
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']);
    for (const hook of [config.afterPack, config.afterAllArtifactBuild]) expect(existsSync(hook as string)).toBe(true);
  });

  it('keeps every key out of the repository: signing material comes from the environment', () => {
    for (const field of ['certificateFile', 'certificatePassword', 'cscLink', 'cscKeyPassword']) {
      expect(config.win.signtoolOptions[field]).toBeUndefined();
      expect(config.win[field]).toBeUndefined();
    }
    expect(yml).not.toMatch(/-----BEGIN|MC4CAQAwBQYDK2Vw/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['release:sign']).toBe('tsx scripts/release-sign.ts');
    expect(pkg.scripts['release:verify']).toBe('tsx scripts/release-verify.ts');
  });
});
