// What the case list's worker (case-list-worker.ts) answers, free of the worker itself so the unit
// tests run it in Node: the list's ids for a set of filters (search, state, item, hall, deadline),
// packed for the page (packed-ids.ts), the heads of cases not stored yet, and the ids a state
// filter keeps. The cases in memory (case-keys.ts) live here, in the worker's heap: at 200,000
// cases they were some 90 MB on the page's, and its collections (40–90 ms pauses, inside whatever
// task allocated last) were most of the page's long tasks while a new counter downloads.
import { calendarOf } from '../../data/case-due';
import { db } from '../../data/db';
import type { WorkerCallReply } from '../../data/worker-calls';
import type { CaseFilters } from './case-filters';
import { keepOrdered } from './case-filters';
import type { ColumnFilters, HeadRecord } from './case-key-index';
import { caseKeyIndex, currentCaseKeys } from './case-keys';
import { deadlineIdSet, indexFilterSet } from './case-query';
import { deadlineContext } from './list-item';
import { packIds, transferables, type PackedIdBuffers } from './packed-ids';

/** The cases in memory as the page is told of them: a new version after every read that changed them. */
export interface CaseKeysState {
  version: number;
  /** Cases on this counter. */
  total: number;
  /** Of those, known by their head only (listed, their rows not stored yet). */
  headCount: number;
}

export type ListRequest =
  /**
   * `now`: today for the deadline filter (milliseconds). `have`: the token of the answer the page
   * shows, if any: when the ids have not changed since, they are not sent again.
   */
  | { kind: 'query'; filters: CaseFilters; now: number; have?: number }
  | { kind: 'heads'; ids: string[]; fresh?: boolean }
  | { kind: 'where'; filter: ColumnFilters };

export interface ListAnswer {
  /** Absent: the same ids as the answer `token` names, which the page said it has. */
  ids?: PackedIdBuffers;
  /** Names these ids: the page says it has them with its next query. */
  token: number;
  /** Every case, whatever the filters. */
  total: number;
  /** The version of the cases the answer is from. */
  version: number;
}

export type ListReply = ({ kind: 'keys' } & CaseKeysState) | WorkerCallReply;

/** The cases in memory as last read; the first read when there is none yet. A read of what the log gained starts meanwhile. */
async function index() {
  const read = caseKeyIndex();
  const last = currentCaseKeys().index;
  if (!last) return read;
  // Its failure is logged by the reader that follows the log; answered from the last read meanwhile.
  read.catch(() => undefined);
  return last;
}

/** The calendar and catalog as stored, for the deadline filter. */
async function storedContext(now: Date) {
  const [years, catalog] = await Promise.all([db().calendar.toArray(), db().catalog.get('current')]);
  return deadlineContext(catalog?.catalog ?? null, calendarOf(years), now);
}

/** The last answer's ids, its query and its token. */
let last: { token: number; query: string; ids: readonly string[] } | null = null;
let tokens = 0;

/** The same ids in the same order (the same array, while the order holds and no filter is set). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The list's ids for `filters`, newest received first. While a new counter's snapshot stores its
 * cases, the list asks again at every change of them (four times a second) and the order mostly
 * holds: the ids the page has (`have`) are then not packed and sent again.
 */
export async function answerQuery(filters: CaseFilters, now: number, have?: number): Promise<ListAnswer> {
  const keys = await index();
  const version = currentCaseKeys().version;
  const ordered = keys.newestFirst();
  let keep = indexFilterSet(keys, filters);
  if (filters.deadline) keep = await deadlineIdSet(filters.deadline, keep, await storedContext(new Date(now)));
  const ids = keepOrdered(ordered, keep);
  const query = JSON.stringify([filters, filters.deadline ? now : null]);
  if (last && have === last.token && last.query === query && sameIds(last.ids, ids)) return { token: last.token, total: ordered.length, version };
  last = { token: ++tokens, query, ids };
  return { ids: packIds(ids), token: last.token, total: ordered.length, version };
}

/** The heads of the cases known by their head only, by id (null for the others). */
export async function answerHeads(ids: readonly string[], fresh = false): Promise<(HeadRecord | null)[]> {
  const keys = fresh ? await caseKeyIndex() : await index();
  return ids.map((id) => keys.head(id) ?? null);
}

/** The ids the state, item and hall filters keep (every case when none is set), after a read of what the log gained. */
export async function answerWhere(filter: ColumnFilters): Promise<string[]> {
  const keys = await caseKeyIndex();
  return [...(keys.filter(filter) ?? keys.newestFirst())];
}

/** The answer to one request of the page, and the buffers to transfer with it. */
export async function answer(req: ListRequest): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  switch (req.kind) {
    case 'query': {
      const value = await answerQuery(req.filters, req.now, req.have);
      return { value, transfer: value.ids ? transferables(value.ids) : [] };
    }
    case 'heads':
      return { value: await answerHeads(req.ids, req.fresh), transfer: [] };
    case 'where':
      return { value: await answerWhere(req.filter), transfer: [] };
  }
}

/** The state the page is told after a read that changed the cases. */
export function keysState(): CaseKeysState {
  const { index: keys, version } = currentCaseKeys();
  return { version, total: keys?.size ?? 0, headCount: keys?.headCount ?? 0 };
}
