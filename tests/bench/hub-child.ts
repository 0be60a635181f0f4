// The hub in its own process for benchmarks: like childHub (tests/support/hub-process.ts), it runs
// `hub/cli/main.ts serve`, but in ONE node process (`node --import tsx`) rather than under the tsx
// wrapper, so its pid is the hub's own (CPU and descriptor accounting, a clean kill) and node flags
// such as --cpu-prof, which NODE_OPTIONS refuses, can be given.
import { spawn, type ChildProcess } from 'node:child_process';
import type { StoreTarget } from '../support/hub-process';

export interface BenchHub {
  url: string;
  port: number;
  pid: number;
  proc: ChildProcess;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Null while it runs; how it ended otherwise. */
  exit(): { code: number | null; signal: string | null } | null;
  /** The last part of what it wrote to stderr. */
  stderr(): string;
}

export function spawnHub(
  target: StoreTarget,
  opts: { profileDir?: string } = {},
): Promise<BenchHub> {
  const env = { ...process.env, HUB_LOG_LEVEL: 'error' } as NodeJS.ProcessEnv;
  delete env.HUB_DATABASE_URL;
  delete env.HUB_REDIS_URL;
  delete env.NODE_OPTIONS;
  if (target.databaseUrl) env.HUB_DATABASE_URL = target.databaseUrl;
  const flags = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
  const proc = spawn(
    process.execPath,
    [
      ...flags,
      '--import',
      'tsx',
      'hub/cli/main.ts',
      'serve',
      '--json',
      '--data',
      target.dataDir,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`hub did not start: ${err}`));
    }, 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; port: number };
      resolve({
        url: info.url,
        port: info.port,
        pid: proc.pid!,
        proc,
        kill: async (signal = 'SIGKILL') => {
          if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
          await exited;
        },
        exit: () =>
          proc.exitCode === null && proc.signalCode === null
            ? null
            : { code: proc.exitCode, signal: proc.signalCode },
        stderr: () => err,
      });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}): ${err}`));
    });
  });
}
