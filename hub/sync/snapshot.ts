// The case snapshot (docs/protocol-extensions.md, "Case snapshot"): a page of the cases in a
// device's feed, in case id order, each with every event the hub stored for it, and the head of the
// feed read before the page. The events come from the same rows pull serves (pull.ts), spliced as
// the stored JSON, never parsed and written again. One case alone (GET /api/v1/snapshot/cases/{id})
// comes the same way, as a page holding just it.
//
// Why it is consistent: the feed head is read first, in its own statement, and a hall's feed head
// moves in the transaction that writes the feed rows (hub/sync/ingest.ts). Every event at or before
// the head is committed before the page is read, so it is in the page for its case; the one
// statement that reads a page reads each case's events at one moment. A case that joins the
// hall's feed after its page was read has all its events in the feed after the head (backfill), so
// pulling from the head brings it whole; every other event after the head is in the page or newer
// than its case's hubSeq there.
import type SQLite from 'better-sqlite3';
import type { NativeStore } from '../store/db';
import type { DeviceTable } from '../store/schema';
import { feedHead } from './pull';

type Reader = Pick<DeviceTable, 'hall_id' | 'scope'>;

export interface SnapshotPageJson {
  /** `{"cursor":…,"cases":[{"caseId":…,"hubSeq":…,"events":[…]}],"after":…,"more":…}` */
  json: string;
  cases: number;
  events: number;
}

/** Which cases a statement reads: a page after a case id, or one case by its id. */
type Which = 'page' | 'case';
type Scope = 'hall' | 'region';

/**
 * The cases read (a page, with one more case to learn whether there are more; or one case by id)
 * and their events, in order. A hall's cases are those it is involved in: `involved` is a JSON
 * array of hall ids.
 */
function casesSql(pick: Which, scope: Scope, dialect: 'sqlite' | 'postgres'): string {
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const hall = scope === 'hall' ? ` and ${dialect === 'sqlite' ? 'instr' : 'strpos'}(involved, ${p(2)}) > 0` : '';
  const which = pick === 'page' ? `case_id > ${p(1)}${hall} order by case_id limit ${p(scope === 'hall' ? 3 : 2)}` : `case_id = ${p(1)}${hall}`;
  return `select c.case_id, e.hub_seq, e.body from (select case_id from cases where ${which}) c join events e on e.case_id = c.case_id order by c.case_id, e.hub_seq`;
}

type Name = `${Which}_${Scope}`;
const statements = new WeakMap<SQLite.Database, Record<Name, SQLite.Statement>>();
function sqliteStatement(db: SQLite.Database, name: Name): SQLite.Statement {
  let s = statements.get(db);
  if (!s) {
    const prepare = (pick: Which, scope: Scope) => db.prepare(casesSql(pick, scope, 'sqlite')).raw();
    s = { page_hall: prepare('page', 'hall'), page_region: prepare('page', 'region'), case_hall: prepare('case', 'hall'), case_region: prepare('case', 'region') };
    statements.set(db, s);
  }
  return s[name];
}

/** The rows of a page (`key` the previous page's last case id, `limit` cases at most) or of one case (`key` its id). */
async function rows(native: NativeStore, device: Reader, pick: Which, key: string, limit: number): Promise<[string, number, string][]> {
  const scope: Scope = device.scope === 'region' ? 'region' : 'hall';
  const params: unknown[] = [key];
  if (scope === 'hall') params.push(JSON.stringify(device.hall_id));
  if (pick === 'page') params.push(limit);
  if (native.dialect === 'sqlite') return sqliteStatement(native.reader, `${pick}_${scope}`).all(...params) as [string, number, string][];
  const r = await native.pool.query<[string, number, string]>({ name: `tongban_snapshot_${pick}_${scope}`, text: casesSql(pick, scope, 'postgres'), values: params, rowMode: 'array' });
  return r.rows;
}

/** Splices the rows into the answer: the cases up to `limit`, each with its events as stored. */
function splice(cursor: number, found: readonly [string, number, string][], limit: number): SnapshotPageJson {
  let json = '';
  let cases = 0;
  let events = 0;
  let current: string | null = null;
  let last = '';
  let lastSeq = 0;
  let more = false;
  for (const [caseId, hubSeq, body] of found) {
    if (caseId !== current) {
      if (cases === limit) {
        more = true;
        break;
      }
      if (current !== null) json += `],"hubSeq":${lastSeq}},`;
      json += `{"caseId":${JSON.stringify(caseId)},"events":[`;
      current = caseId;
      last = caseId;
      cases += 1;
    } else json += ',';
    json += body;
    lastSeq = Number(hubSeq);
    events += 1;
  }
  if (current !== null) json += `],"hubSeq":${lastSeq}}`;
  return { json: `{"cursor":${cursor},"cases":[${json}],"after":${cases ? JSON.stringify(last) : 'null'},"more":${more}}`, cases, events };
}

export async function snapshotPage(native: NativeStore, device: Reader, after: string | undefined, limit: number): Promise<SnapshotPageJson> {
  // First the head, then the page: see the note at the top.
  const cursor = await feedHead(native, device);
  return splice(cursor, await rows(native, device, 'page', after ?? '', limit + 1), limit);
}

/**
 * One case whole, as a page holding just it (`GET /api/v1/snapshot/cases/{caseId}`), consistent
 * with its cursor as every page is; null when the hub has no such case in the device's scope.
 */
export async function snapshotCase(native: NativeStore, device: Reader, caseId: string): Promise<SnapshotPageJson | null> {
  const cursor = await feedHead(native, device);
  const page = splice(cursor, await rows(native, device, 'case', caseId, 1), 1);
  return page.cases ? page : null;
}
