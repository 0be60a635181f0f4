// Opens the hub's store: embedded SQLite under the data directory, or PostgreSQL when a URL is
// given, through one Kysely interface, with the same numbered migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { HubDatabase } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The driver under Kysely, for the hot paths (push, pull) that run statements prepared once
 * instead of building and preparing SQL per call. Everything else goes through Kysely.
 */
export type NativeStore =
  | {
      dialect: 'sqlite';
      /** The connection Kysely writes through: touch it only inside a Kysely transaction. */
      database: SQLite.Database;
      /** A second connection for reads outside transactions (pull): it sees committed data only. */
      reader: SQLite.Database;
    }
  | { dialect: 'postgres'; pool: pg.Pool };

export interface Store {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  native: NativeStore;
  /** Where SQLite lives, or the PostgreSQL URL with its password hidden. */
  location: string;
  close(): Promise<void>;
}

// int8 comes back from pg as a string; every bigint here (sequences, sizes) fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  onPoolError?: (err: Error) => void;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that the server drops (restart, failover) must not bring the hub down;
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onPoolError?.(err));
    const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', native: { dialect: 'postgres', pool }, location: opts.databaseUrl.replace(/:[^:@/]*@/, ':***@'), close: () => db.destroy() };
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'hub.sqlite');
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    // FULL: an acknowledged event survives a power cut too, not only a killed process.
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB): the indexes a push probes and appends to stay in memory.
    database.pragma('cache_size = -65536');
    // Every transaction takes the write lock at BEGIN: a second hub process on the same file then
    // waits its turn (busy_timeout) instead of failing when its read snapshot cannot be upgraded.
    const prepare = database.prepare.bind(database);
    database.prepare = ((source: string) => prepare(/^\s*begin\s*$/i.test(source) ? 'begin immediate' : source)) as typeof database.prepare;
    const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database }) });
    // The writer may hold a transaction open across an await (signing a certificate): a read on
    // its connection then would see uncommitted rows. Reads outside Kysely use their own.
    const reader = new SQLite(file);
    reader.pragma('busy_timeout = 5000');
    reader.pragma('cache_size = -65536');
    const close = async () => {
      reader.close();
      await db.destroy();
    };
    store = { db, dialect: 'sqlite', native: { dialect: 'sqlite', database, reader }, location: file, close };
  }
  await migrate(store);
  return store;
}

export async function migrate(store: Store): Promise<void> {
  if (store.dialect === 'postgres') {
    // Several hub processes may start at once: one migrates, the others wait on this lock.
    await store.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(7411001)`.execute(conn);
      try {
        await runMigrations(conn);
      } finally {
        await sql`select pg_advisory_unlock(7411001)`.execute(conn);
      }
    });
  } else {
    await runMigrations(store.db);
  }
}

async function runMigrations(db: Kysely<HubDatabase>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
