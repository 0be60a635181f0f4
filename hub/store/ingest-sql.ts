// The statements of a push transaction, prepared once per connection: on SQLite plain
// better-sqlite3 statements run row by row (each a few µs, no SQL built per call); on PostgreSQL
// named prepared statements, multi-row for the writes.
// Lists of keys go in as one parameter (json_each / = any), so every statement has one shape.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { NativeStore } from './db';
import type { BlobRefTable, CaseTable, CertificateTable, EventTable, FeedTable, HubDatabase, RejectionTable } from './schema';

export interface KnownEventRow {
  id: string;
  hub_seq: number;
  device_id: string;
  device_seq: number;
}
export type CaseStateRow = Pick<CaseTable, 'case_id' | 'view' | 'involved' | 'last_hub_seq'>;

/** What one push transaction reads and writes. Only ingest uses it; the lock order is hub_seq first. */
export interface IngestTx {
  /** Reads a counter under the write lock (PostgreSQL: FOR UPDATE), making it at 0 if missing. */
  lockCounter(name: string): Promise<number>;
  devices(ids: string[]): Promise<{ device_id: string; last_seq: number; revoked_at: string | null }[]>;
  eventsById(ids: string[]): Promise<KnownEventRow[]>;
  eventsBySeq(deviceId: string, seqs: number[]): Promise<{ hub_seq: number; device_seq: number }[]>;
  rejectionsBySeq(deviceId: string, seqs: number[]): Promise<RejectionTable[]>;
  cases(ids: string[]): Promise<CaseStateRow[]>;
  takenCaseNos(caseNos: string[]): Promise<string[]>;
  presentBlobs(shas: string[]): Promise<string[]>;
  /** hubSeqs of a case's stored events below `upTo`, in order (back-fill of a hall that joins). */
  earlierEvents(caseId: string, upTo: number): Promise<number[]>;
  insertEvents(rows: EventTable[]): Promise<void>;
  insertRejections(rows: RejectionTable[]): Promise<void>;
  insertCertificates(rows: CertificateTable[]): Promise<void>;
  insertBlobRefs(rows: BlobRefTable[]): Promise<void>;
  insertFeed(rows: FeedTable[]): Promise<void>;
  upsertCases(rows: CaseTable[]): Promise<void>;
  setCounters(values: Map<string, number>): Promise<void>;
  setLastSeqs(values: Map<string, number>): Promise<void>;
}

/**
 * Runs `fn` in one write transaction. `kysely` is what the rest of the hub's code (certificate
 * keys) may query meanwhile: on SQLite the transaction itself (there is one connection, and it
 * holds Kysely's lock, so nothing else slips into the transaction); on PostgreSQL the pool.
 */
export async function inIngestTransaction<T>(
  native: NativeStore,
  db: Kysely<HubDatabase>,
  fn: (tx: IngestTx, kysely: Kysely<HubDatabase>) => Promise<T>,
): Promise<T> {
  if (native.dialect === 'sqlite') {
    const tx = sqliteTx(native.database);
    // Kysely's `begin` becomes `begin immediate` (store/db.ts): the write lock from the start.
    return db.transaction().execute((trx) => fn(tx, trx));
  }
  const client = await native.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const tx = pgTx(client);
    const result = await fn(tx, db);
    await client.query('commit');
    keepStatistics(native.pool, tx.storedEvents);
    return result;
  } catch (err) {
    await client.query('rollback').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite

const EVENT_COLS = ['hub_seq', 'id', 'device_id', 'device_seq', 'case_id', 'type', 'body', 'received_at'] as const;
const REJECTION_COLS = ['device_id', 'device_seq', 'event_id', 'code', 'message', 'at'] as const;
const CERTIFICATE_COLS = ['certificate_id', 'case_id', 'body', 'signature', 'key_id', 'status', 'issued_at'] as const;
const CASE_COLS = ['case_id', 'case_no', 'state', 'item_code', 'intake_hall_id', 'home_hall_id', 'delivery_hall_id', 'involved', 'view', 'last_hub_seq', 'updated_at'] as const;
const CASE_UPDATE = 'state = excluded.state, delivery_hall_id = excluded.delivery_hall_id, involved = excluded.involved, view = excluded.view, last_hub_seq = excluded.last_hub_seq, updated_at = excluded.updated_at';

const insertSql = (table: string, cols: readonly string[], params: string[]) => `insert into ${table} (${cols.join(', ')}) values (${params.join(', ')})`;
const qs = (cols: readonly string[]) => cols.map(() => '?');

function sqliteStatements(db: SQLite.Database) {
  const inList = (sql: string) => db.prepare(sql.replace('(:list)', '(select value from json_each(?))'));
  return {
    touchCounter: db.prepare('update counters set value = value where name = ?'),
    counter: db.prepare('select value from counters where name = ?').pluck(),
    makeCounter: db.prepare('insert into counters (name, value) values (?, 0) on conflict (name) do nothing'),
    setCounter: db.prepare('update counters set value = ? where name = ?'),
    devices: inList('select device_id, last_seq, revoked_at from devices where device_id in (:list)'),
    setLastSeq: db.prepare('update devices set last_seq = ? where device_id = ?'),
    eventsById: inList('select id, hub_seq, device_id, device_seq from events where id in (:list)'),
    eventsBySeq: inList('select hub_seq, device_seq from events where device_id = ? and device_seq in (:list)'),
    rejectionsBySeq: inList('select * from rejections where device_id = ? and device_seq in (:list)'),
    cases: inList('select case_id, view, involved, last_hub_seq from cases where case_id in (:list)'),
    takenCaseNos: inList('select case_no from cases where case_no in (:list)').pluck(),
    presentBlobs: inList('select sha256 from blobs where sha256 in (:list)').pluck(),
    earlierEvents: db.prepare('select hub_seq from events where case_id = ? and hub_seq < ? order by hub_seq').pluck(),
    insertEvent: db.prepare(insertSql('events', EVENT_COLS, qs(EVENT_COLS))),
    insertRejection: db.prepare(insertSql('rejections', REJECTION_COLS, qs(REJECTION_COLS))),
    insertCertificate: db.prepare(insertSql('certificates', CERTIFICATE_COLS, qs(CERTIFICATE_COLS))),
    insertBlobRef: db.prepare('insert into blob_refs (sha256, case_id) values (?, ?) on conflict (sha256, case_id) do nothing'),
    insertFeed: db.prepare('insert into feed (hall_id, pos, hub_seq) values (?, ?, ?)'),
    upsertCase: db.prepare(`${insertSql('cases', CASE_COLS, qs(CASE_COLS))} on conflict (case_id) do update set ${CASE_UPDATE}`),
  };
}

const prepared = new WeakMap<SQLite.Database, ReturnType<typeof sqliteStatements>>();

function sqliteTx(db: SQLite.Database): IngestTx {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = sqliteStatements(db)));
  const st = s;
  const json = (list: readonly unknown[]) => JSON.stringify(list);
  return {
    lockCounter: async (name) => {
      // Writing first keeps the lock order of the Kysely version; BEGIN IMMEDIATE already holds it.
      st.touchCounter.run(name);
      let value = st.counter.get(name) as number | undefined;
      if (value === undefined) {
        st.makeCounter.run(name);
        value = st.counter.get(name) as number;
      }
      return Number(value);
    },
    devices: async (ids) => st.devices.all(json(ids)) as { device_id: string; last_seq: number; revoked_at: string | null }[],
    eventsById: async (ids) => (ids.length ? (st.eventsById.all(json(ids)) as KnownEventRow[]) : []),
    eventsBySeq: async (deviceId, seqs) => (seqs.length ? (st.eventsBySeq.all(deviceId, json(seqs)) as { hub_seq: number; device_seq: number }[]) : []),
    rejectionsBySeq: async (deviceId, seqs) => (seqs.length ? (st.rejectionsBySeq.all(deviceId, json(seqs)) as RejectionTable[]) : []),
    cases: async (ids) => (ids.length ? (st.cases.all(json(ids)) as CaseStateRow[]) : []),
    takenCaseNos: async (nos) => (nos.length ? (st.takenCaseNos.all(json(nos)) as string[]) : []),
    presentBlobs: async (shas) => (shas.length ? (st.presentBlobs.all(json(shas)) as string[]) : []),
    earlierEvents: async (caseId, upTo) => st.earlierEvents.all(caseId, upTo) as number[],
    insertEvents: async (rows) => {
      for (const r of rows) st.insertEvent.run(r.hub_seq, r.id, r.device_id, r.device_seq, r.case_id, r.type, r.body, r.received_at);
    },
    insertRejections: async (rows) => {
      for (const r of rows) st.insertRejection.run(r.device_id, r.device_seq, r.event_id, r.code, r.message, r.at);
    },
    insertCertificates: async (rows) => {
      for (const r of rows) st.insertCertificate.run(r.certificate_id, r.case_id, r.body, r.signature, r.key_id, r.status, r.issued_at);
    },
    insertBlobRefs: async (rows) => {
      for (const r of rows) st.insertBlobRef.run(r.sha256, r.case_id);
    },
    insertFeed: async (rows) => {
      for (const r of rows) st.insertFeed.run(r.hall_id, r.pos, r.hub_seq);
    },
    upsertCases: async (rows) => {
      for (const r of rows)
        st.upsertCase.run(r.case_id, r.case_no, r.state, r.item_code, r.intake_hall_id, r.home_hall_id, r.delivery_hall_id, r.involved, r.view, r.last_hub_seq, r.updated_at);
    },
    setCounters: async (values) => {
      for (const [name, value] of values) st.setCounter.run(value, name);
    },
    setLastSeqs: async (values) => {
      for (const [deviceId, seq] of values) st.setLastSeq.run(seq, deviceId);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: named statements, parsed and planned once per connection. Rows go in as multi-row
// VALUES of 256, then of 128, 64 … 1 for the rest: a few statement shapes per table, each row's
// values plain parameters (cheaper for the server than unpacking JSON or arrays, and for node-pg
// than escaping them).

const PG = {
  touchCounter: 'select value from counters where name = $1 for update',
  makeCounter: 'insert into counters (name, value) values ($1, 0) on conflict (name) do nothing',
  setCounters: 'update counters c set value = v.value from unnest($1::text[], $2::bigint[]) as v(name, value) where c.name = v.name',
  devices: 'select device_id, last_seq, revoked_at from devices where device_id = any($1::text[])',
  setLastSeqs: 'update devices d set last_seq = v.seq from unnest($1::text[], $2::bigint[]) as v(id, seq) where d.device_id = v.id',
  eventsById: 'select id, hub_seq, device_id, device_seq from events where id = any($1::text[])',
  eventsBySeq: 'select hub_seq, device_seq from events where device_id = $1 and device_seq = any($2::bigint[])',
  rejectionsBySeq: 'select * from rejections where device_id = $1 and device_seq = any($2::bigint[])',
  cases: 'select case_id, view, involved, last_hub_seq from cases where case_id = any($1::text[])',
  takenCaseNos: 'select case_no from cases where case_no = any($1::text[])',
  presentBlobs: 'select sha256 from blobs where sha256 = any($1::text[])',
  earlierEvents: 'select hub_seq from events where case_id = $1 and hub_seq < $2 order by hub_seq',
} as const;

interface PgInsert {
  table: string;
  cols: readonly string[];
  suffix: string;
}
const PG_INSERTS = {
  events: { table: 'events', cols: EVENT_COLS, suffix: '' },
  rejections: { table: 'rejections', cols: REJECTION_COLS, suffix: '' },
  certificates: { table: 'certificates', cols: CERTIFICATE_COLS, suffix: '' },
  blobRefs: { table: 'blob_refs', cols: ['sha256', 'case_id'], suffix: ' on conflict (sha256, case_id) do nothing' },
  feed: { table: 'feed', cols: ['hall_id', 'pos', 'hub_seq'], suffix: '' },
  cases: { table: 'cases', cols: CASE_COLS, suffix: ` on conflict (case_id) do update set ${CASE_UPDATE}` },
} satisfies Record<string, PgInsert>;
const CHUNK_ROWS = [256, 128, 64, 32, 16, 8, 4, 2, 1];
const insertTexts = new Map<string, string>();
function insertText(ins: PgInsert, rows: number): string {
  const key = `${ins.table}:${rows}`;
  let text = insertTexts.get(key);
  if (!text) {
    const n = ins.cols.length;
    const tuples = Array.from({ length: rows }, (_, r) => `(${ins.cols.map((_, c) => `$${r * n + c + 1}`).join(', ')})`);
    text = `insert into ${ins.table} (${ins.cols.join(', ')}) values ${tuples.join(', ')}${ins.suffix}`;
    insertTexts.set(key, text);
  }
  return text;
}

/**
 * PostgreSQL plans from table statistics; for tables that grew fast since their last ANALYZE (a
 * new hub, a burst of pushes) it guesses a hundred rows and may sort or hash far more than a
 * page (seen on the feed query before it was written to need no statistics: pull.ts).
 * Autovacuum catches up within a minute or so; until then the hub analyzes the tables itself
 * whenever they grew by a fifth (never more than one at a time; ANALYZE blocks no writer).
 */
const growth = new WeakMap<pg.Pool, { since: number; total: number; running: boolean }>();
function keepStatistics(pool: pg.Pool, stored: number): void {
  const g = growth.get(pool) ?? { since: 0, total: 0, running: false };
  growth.set(pool, g);
  g.since += stored;
  g.total += stored;
  if (g.running || g.since < Math.max(2000, g.total / 5)) return;
  g.running = true;
  g.since = 0;
  void pool
    .query('analyze events, feed, cases')
    .catch(() => undefined)
    .finally(() => (g.running = false));
}

function pgTx(client: pg.PoolClient): IngestTx & { storedEvents: number } {
  const q = async <R extends pg.QueryResultRow>(name: keyof typeof PG, values: unknown[]): Promise<R[]> =>
    (await client.query<R>({ name: `tongban_${name}`, text: PG[name], values })).rows;
  const insert = async (ins: PgInsert, rows: readonly object[]) => {
    for (let i = 0; i < rows.length; ) {
      const n = CHUNK_ROWS.find((c) => c <= rows.length - i)!;
      const values: unknown[] = [];
      for (const row of rows.slice(i, i + n)) for (const col of ins.cols) values.push((row as Record<string, unknown>)[col]);
      await client.query({ name: `tongban_ins_${ins.table}_${n}`, text: insertText(ins, n), values });
      i += n;
    }
  };
  const tx: IngestTx & { storedEvents: number } = {
    storedEvents: 0,
    lockCounter: async (name) => {
      let row = (await q<{ value: number }>('touchCounter', [name]))[0];
      if (!row) {
        await q('makeCounter', [name]);
        row = (await q<{ value: number }>('touchCounter', [name]))[0]!;
      }
      return Number(row.value);
    },
    devices: (ids) => q('devices', [ids]),
    eventsById: async (ids) => (ids.length ? q('eventsById', [ids]) : []),
    eventsBySeq: async (deviceId, seqs) => (seqs.length ? q('eventsBySeq', [deviceId, seqs]) : []),
    rejectionsBySeq: async (deviceId, seqs) => (seqs.length ? q('rejectionsBySeq', [deviceId, seqs]) : []),
    cases: async (ids) => (ids.length ? q('cases', [ids]) : []),
    takenCaseNos: async (nos) => (nos.length ? (await q<{ case_no: string }>('takenCaseNos', [nos])).map((r) => r.case_no) : []),
    presentBlobs: async (shas) => (shas.length ? (await q<{ sha256: string }>('presentBlobs', [shas])).map((r) => r.sha256) : []),
    earlierEvents: async (caseId, upTo) => (await q<{ hub_seq: number }>('earlierEvents', [caseId, upTo])).map((r) => Number(r.hub_seq)),
    insertEvents: (rows) => {
      tx.storedEvents += rows.length;
      return insert(PG_INSERTS.events, rows);
    },
    insertRejections: (rows) => insert(PG_INSERTS.rejections, rows),
    insertCertificates: (rows) => insert(PG_INSERTS.certificates, rows),
    insertBlobRefs: (rows) => insert(PG_INSERTS.blobRefs, rows),
    insertFeed: (rows) => insert(PG_INSERTS.feed, rows),
    upsertCases: (rows) => insert(PG_INSERTS.cases, rows),
    setCounters: async (values) => {
      if (values.size) await q('setCounters', [[...values.keys()], [...values.values()]]);
    },
    setLastSeqs: async (values) => {
      if (values.size) await q('setLastSeqs', [[...values.keys()], [...values.values()]]);
    },
  };
  return tx;
}
