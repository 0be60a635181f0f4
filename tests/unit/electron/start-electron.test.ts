// `npm start`'s desktop half (scripts/start-electron.mjs): without Electron's binary it says so in
// one line; with it, it starts the binary on the app folder, pointed at the hub. The "binary" here is
// a stand-in script (the real one cannot be downloaded on this machine), started for real.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronBinary, electronLaunch, NO_ELECTRON_NOTE, startDesktop } from '../../../scripts/start-electron.mjs';

let root: string;
let hub: Server;
let hubUrl: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tongban-start-'));
  hub = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end('{"ok":true}'));
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  hubUrl = `http://127.0.0.1:${(hub.address() as { port: number }).port}`;
});
afterAll(() => {
  hub.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm start and the desktop app', () => {
  it('says in one line that Electron is not installed, and starts nothing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(electronBinary(root)).toBeNull();
    expect(await startDesktop(root, hubUrl)).toBeNull();
    expect(log.mock.calls).toEqual([[NO_ELECTRON_NOTE]]);
    expect(NO_ELECTRON_NOTE).not.toContain('\n');
    // path.txt without the binary it names (an interrupted download) counts as not installed.
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull();
    log.mockRestore();
  });

  it('starts the installed binary on the app folder, pointed at the hub once it answers', async () => {
    const dist = join(root, 'node_modules', 'electron', 'dist');
    mkdirSync(dist, { recursive: true });
    const out = join(root, 'launched.json');
    const binary = join(dist, 'electron');
    writeFileSync(binary, `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ args: process.argv.slice(2), hub: process.env.TONGBAN_HUB_URL }));\n`);
    chmodSync(binary, 0o755);
    expect(electronLaunch(root, hubUrl, {})).toEqual({ command: binary, args: [root], env: { TONGBAN_HUB_URL: hubUrl } });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const child = await startDesktop(root, hubUrl, { build: false });
    expect(child).not.toBeNull();
    await new Promise((r) => child!.once('exit', r));
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ args: [root], hub: hubUrl });
    expect(log.mock.calls).toEqual([[`桌面客户端已启动，连接中心 ${hubUrl}`]]);
    log.mockRestore();
  });
});
