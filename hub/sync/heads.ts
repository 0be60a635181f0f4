// The case heads (docs/protocol-extensions.md, "Case heads"): a page of the cases in a device's
// feed, in case id order, each as the case list shows it (shared/sync/heads.ts, CaseHead), read
// from the hub's `cases` table: its columns, and the few fields of the stored projection (`view`)
// the list needs. The database writes each head's JSON itself (the view is never parsed in
// JavaScript, nor are the heads stringified again): SQLite's `->` gives a field of the view as JSON
// text, PostgreSQL's jsonb `->` as jsonb; a field the view lacks is NULL, which drops the optional
// ones (`itemName`, `promisedDays`) from the text. Heads promise no consistency with the feed.
import type SQLite from 'better-sqlite3';
import type { NativeStore } from '../store/db';
import type { DeviceTable } from '../store/schema';

type Reader = Pick<DeviceTable, 'hall_id' | 'scope'>;
type Scope = 'hall' | 'region';

export interface HeadsPageJson {
  /** `{"heads":[CaseHead…],"after":…,"more":…}` */
  json: string;
  heads: number;
}

/**
 * One head as JSON text. `col` quotes a column as a JSON string, `field` gives a field of the view
 * as JSON text (NULL when absent). The fields every view has fall back to "" (or []) all the same,
 * so one odd row never turns a whole page into nonsense.
 */
function headJson(col: (c: string) => string, field: (path: string[]) => string): string {
  const text = (name: string, path: string[]) => `',"${name}":' || coalesce(${field(path)}, '""')`;
  return [
    `'{"caseId":' || ${col('case_id')}`,
    `',"caseNo":' || ${col('case_no')}`,
    `',"state":' || ${col('state')}`,
    `',"itemCode":' || ${col('item_code')}`,
    // A JSON null (an older view's) is dropped as an absent field is.
    `coalesce(',"itemName":' || nullif(${field(['itemName'])}, 'null'), '')`,
    `coalesce(',"promisedDays":' || nullif(${field(['promisedDays'])}, 'null'), '')`,
    text('applicantName', ['applicant', 'name']),
    text('idType', ['applicant', 'idType']),
    text('idNumber', ['applicant', 'idNumber']),
    `',"intakeHallId":' || ${col('intake_hall_id')}`,
    `',"homeHallId":' || ${col('home_hall_id')}`,
    `',"deliveryHallId":' || ${col('delivery_hall_id')}`,
    text('receivedAt', ['receivedAt']),
    `',"pauses":' || coalesce(${field(['pauses'])}, '[]') || '}'`,
  ].join(' || ');
}

/** The heads of a page, one more than asked for, to learn whether there are more. */
function headsSql(scope: Scope, dialect: 'sqlite' | 'postgres'): string {
  if (dialect === 'sqlite') {
    const hall = scope === 'hall' ? ' and instr(involved, ?) > 0' : '';
    const json = headJson(
      (c) => `json_quote(${c})`,
      (path) => `(view -> '$.${path.join('.')}')`,
    );
    return `select case_id, ${json} from cases where case_id > ?${hall} order by case_id limit ?`;
  }
  // The view is text: cast once per row to jsonb, then each field is a lookup.
  const hall = scope === 'hall' ? ' and strpos(involved, $2) > 0' : '';
  const json = headJson(
    (c) => `to_json(${c})::text`,
    (path) => `(v #> '{${path.join(',')}}')::text`,
  );
  return (
    `select case_id, ${json} from (select case_id, case_no, state, item_code, intake_hall_id, home_hall_id, delivery_hall_id, view::jsonb as v ` +
    `from cases where case_id > $1${hall} order by case_id limit ${scope === 'hall' ? '$3' : '$2'}) c order by case_id`
  );
}

const statements = new WeakMap<SQLite.Database, Record<Scope, SQLite.Statement>>();
function sqliteStatement(db: SQLite.Database, scope: Scope): SQLite.Statement {
  let s = statements.get(db);
  if (!s) {
    s = { hall: db.prepare(headsSql('hall', 'sqlite')).raw(), region: db.prepare(headsSql('region', 'sqlite')).raw() };
    statements.set(db, s);
  }
  return s[scope];
}

async function rows(native: NativeStore, device: Reader, after: string, limit: number): Promise<[string, string][]> {
  const scope: Scope = device.scope === 'region' ? 'region' : 'hall';
  const params = scope === 'hall' ? [after, JSON.stringify(device.hall_id), limit] : [after, limit];
  if (native.dialect === 'sqlite') return sqliteStatement(native.reader, scope).all(...params) as [string, string][];
  const r = await native.pool.query<[string, string]>({ name: `tongban_heads_${scope}`, text: headsSql(scope, 'postgres'), values: params, rowMode: 'array' });
  return r.rows;
}

/** `GET /api/v1/snapshot/heads`: up to `limit` heads after the case id `after` ('' for the first page). */
export async function headsPage(native: NativeStore, device: Reader, after: string | undefined, limit: number): Promise<HeadsPageJson> {
  const found = await rows(native, device, after ?? '', limit + 1);
  const more = found.length > limit;
  const count = more ? limit : found.length;
  let json = '';
  for (let i = 0; i < count; i++) json += i ? `,${found[i]![1]}` : found[i]![1];
  const last = count ? JSON.stringify(found[count - 1]![0]) : 'null';
  return { json: `{"heads":[${json}],"after":${last},"more":${more}}`, heads: count };
}
