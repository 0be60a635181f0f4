// Pull: a device's feed from its cursor. A hall device reads its hall's feed (positions), a region
// device the whole log (hubSeq, gapless in commit order). The stored events are JSON already
// (written once at push): the reply is spliced from them, never parsed and written again.
import type SQLite from 'better-sqlite3';
import { DEFAULT_PULL_LIMIT } from '../../shared/protocol/wire';
import type { NativeStore } from '../store/db';
import type { DeviceTable } from '../store/schema';

type Reader = Pick<DeviceTable, 'hall_id' | 'scope'>;

/** One page of a feed: the PullResponse as JSON text, and what it holds. */
export interface PullPage {
  /** `{"events":[…],"cursor":…,"more":…}`, exactly what JSON.stringify of the response gives. */
  json: string;
  count: number;
  cursor: number;
  more: boolean;
}

const SQL = {
  region: 'select hub_seq, body from events where hub_seq > ? order by hub_seq limit ?',
  hall: 'select f.pos, e.body from feed f join events e on e.hub_seq = f.hub_seq where f.hall_id = ? and f.pos > ? order by f.pos limit ?',
  head: 'select value from counters where name = ?',
};
/**
 * PostgreSQL's planner, estimating many feed rows, may hash-join and then sort whole pages of
 * event bodies (on disk, past work_mem). Asked for each body by the feed's own order, it walks
 * the feed's key in order and stops at the limit, whatever its statistics say.
 */
const PG_HALL = 'select f.pos, (select e.body from events e where e.hub_seq = f.hub_seq) from feed f where f.hall_id = ? and f.pos > ? order by f.pos limit ?';
const pgSql = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

const statements = new WeakMap<SQLite.Database, Record<keyof typeof SQL, SQLite.Statement>>();
function sqliteStatements(db: SQLite.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      region: db.prepare(SQL.region).raw(),
      hall: db.prepare(SQL.hall).raw(),
      head: db.prepare(SQL.head).pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

async function rows(native: NativeStore, name: 'region' | 'hall', params: unknown[]): Promise<[number, string][]> {
  if (native.dialect === 'sqlite') return sqliteStatements(native.reader)[name].all(...params) as [number, string][];
  const text = pgSql(name === 'hall' ? PG_HALL : SQL[name]);
  const r = await native.pool.query<[number, string]>({ name: `tongban_pull_${name}`, text, values: params, rowMode: 'array' });
  return r.rows;
}

export async function pullPage(native: NativeStore, device: Reader, cursor: number, limit = DEFAULT_PULL_LIMIT): Promise<PullPage> {
  const found = device.scope === 'region' ? await rows(native, 'region', [cursor, limit + 1]) : await rows(native, 'hall', [device.hall_id, cursor, limit + 1]);
  const more = found.length > limit;
  const count = more ? limit : found.length;
  let events = '';
  for (let i = 0; i < count; i++) events += i ? `,${found[i]![1]}` : found[i]![1];
  const next = count ? Number(found[count - 1]![0]) : cursor;
  return { json: `{"events":[${events}],"cursor":${next},"more":${more}}`, count, cursor: next, more };
}

/** The current head of a device's feed (what a poke announces). */
export async function feedHead(native: NativeStore, device: Reader): Promise<number> {
  const name = device.scope === 'region' ? 'hub_seq' : `feed:${device.hall_id}`;
  if (native.dialect === 'sqlite') return Number(sqliteStatements(native.reader).head.get(name) ?? 0);
  const r = await native.pool.query<[number]>({ name: 'tongban_feed_head', text: pgSql(SQL.head), values: [name], rowMode: 'array' });
  return r.rows[0] ? Number(r.rows[0][0]) : 0;
}
