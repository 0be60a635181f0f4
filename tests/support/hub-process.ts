// A real hub for integration tests: in this process (fast) or as a child process (so a test can
// kill -9 it), on SQLite in a temporary directory or on a fresh PostgreSQL database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startHub, type Hub } from '../../hub/server';

export const PG_URL = process.env.HUB_TEST_DATABASE_URL;
export const REDIS_URL = process.env.HUB_TEST_REDIS_URL;

export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

/** A fresh, empty store: a temp dir for SQLite, or a new database on the test PostgreSQL. */
export async function freshStore(kind: 'sqlite' | 'postgres'): Promise<StoreTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-hub-'));
  if (kind === 'sqlite') return { name: 'sqlite', dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  if (!PG_URL) throw new Error('HUB_TEST_DATABASE_URL is not set');
  const dbName = `tongban_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  return {
    name: 'postgres',
    dataDir,
    databaseUrl: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The stores a suite runs on: SQLite always, PostgreSQL where the test database is given. */
export const STORES: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export async function inProcessHub(target: StoreTarget, extra: { redisUrl?: string | undefined } = {}): Promise<Hub> {
  return startHub({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, redisUrl: extra.redisUrl, port: 0, logLevel: 'silent' });
}

export interface ChildHub {
  url: string;
  port: number;
  proc: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
// node itself runs the hub (tsx as a loader), so a kill -9 hits the hub and not a wrapper.
const NODE_TSX = [process.execPath, '--import', 'tsx'];

/** A hub in its own process, as `npm run hub -- serve` starts it. */
export function childHub(target: StoreTarget, opts: { port?: number; redisUrl?: string } = {}): Promise<ChildHub> {
  const env = { ...process.env, HUB_LOG_LEVEL: 'error' } as NodeJS.ProcessEnv;
  delete env.HUB_DATABASE_URL;
  delete env.HUB_REDIS_URL;
  if (target.databaseUrl) env.HUB_DATABASE_URL = target.databaseUrl;
  if (opts.redisUrl) env.HUB_REDIS_URL = opts.redisUrl;
  const proc = spawn(NODE_TSX[0]!, [...NODE_TSX.slice(1), 'hub/cli/main.ts', 'serve', '--json', '--data', target.dataDir, '--port', String(opts.port ?? 0)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${err}`)), 30_000);
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        const info = JSON.parse(line) as { url: string; port: number };
        resolve({
          url: info.url,
          port: info.port,
          proc,
          kill: (signal = 'SIGKILL') =>
            new Promise((res) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return res();
              proc.once('exit', () => res());
              proc.kill(signal);
            }),
        });
      }
    });
    proc.once('exit', (code) => reject(new Error(`hub exited (${code}): ${err}`)));
  });
}

/** Runs a hub command (`enroll-code`, `add-staff`…) against a store and returns its JSON answer. */
export function hubCli<T = Record<string, unknown>>(target: StoreTarget, args: string[], input?: string): T {
  const env = { ...process.env } as NodeJS.ProcessEnv;
  delete env.HUB_DATABASE_URL;
  if (target.databaseUrl) env.HUB_DATABASE_URL = target.databaseUrl;
  const r = spawnSync(TSX, ['hub/cli/main.ts', ...args, '--json', '--data', target.dataDir], { env, input, encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`hub ${args[0]} failed (${r.status}): ${r.stderr}${r.stdout}`);
  }
}
