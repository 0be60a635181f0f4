// One real hub for the end-to-end run: the web build served at its root, a demo region seeded in a
// temporary SQLite store. Tests read its address and codes from the file this writes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One file per hub port, so two runs on one machine (say, with E2E_HUB_PORT=5181) do not collide.
export const HUB_INFO_FILE = join(tmpdir(), `tongban-e2e-hub-${process.env.E2E_HUB_PORT ?? 5180}.json`);

export interface E2eHub {
  url: string;
  dataDir: string;
  password: string;
  codes: { hallId: string; counterNo: number; code: string; scope: string }[];
  pid: number;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = String(process.env.E2E_HUB_PORT ?? 5180);
  // Each port builds into its own folder, so parallel runs never serve each other's half-written build.
  const webOut = join(process.cwd(), 'out', `web-e2e-${port}`);
  const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, TONGBAN_WEB_OUT: webOut } });
  if (build.status !== 0) throw new Error('web build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-e2e-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'serve', '--demo', '--json', '--port', port, '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, HUB_LOG_LEVEL: 'warn', HUB_DATABASE_URL: '', HUB_REDIS_URL: '', HUB_WEB_ROOT: webOut },
  });
  const info = await new Promise<E2eHub>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('hub did not start')), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        const j = JSON.parse(line) as { url: string; password: string; codes: E2eHub['codes'] };
        resolve({ url: j.url, password: j.password, codes: j.codes, dataDir, pid: proc.pid! });
      }
    });
    proc.once('exit', (c) => reject(new Error(`hub exited ${c}`)));
  });
  writeFileSync(HUB_INFO_FILE, JSON.stringify(info));
  return async () => {
    proc.kill('SIGTERM');
  };
}
