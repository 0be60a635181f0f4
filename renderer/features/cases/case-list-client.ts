// The page's side of the case list's worker (case-list-worker.ts): one worker for the page's life,
// requests answered by id, and the state of the cases in memory as the worker last told it.
import { WorkerCalls } from '../../data/worker-calls';
import { t } from '../../i18n';
import type { CaseFilters } from './case-filters';
import type { ColumnFilters, HeadRecord } from './case-key-index';
import type { CaseKeysState, ListAnswer, ListReply, ListRequest } from './case-list-service';
import { PackedIds } from './packed-ids';

/** Before the worker's first read. */
export const NOTHING_YET: CaseKeysState = { version: 0, total: 0, headCount: 0 };

let state = NOTHING_YET;
const listeners = new Set<() => void>();

const calls = new WorkerCalls<ListRequest, Extract<ListReply, { kind: 'keys' }>>(
  () => new Worker(new URL('./case-list-worker.ts', import.meta.url), { type: 'module', name: 'tongban-case-list' }),
  (m) => {
    state = { version: m.version, total: m.total, headCount: m.headCount };
    for (const l of listeners) l();
  },
  (reason) => t('cases.listFailed', { reason }),
  () => restart(),
);

/** Starts of a new worker after a failure, this page's life: a few, not a loop on a script that cannot load. */
let restarts = 0;
function restart(): void {
  if (restarts++ < 3) setTimeout(() => calls.ensure(), 1000);
  else console.warn('办件列表程序多次出错，不再重启');
}

/**
 * Starts the worker once the counter is enrolled (App.tsx), so it reads the cases while the login
 * screen is on (the list would otherwise wait for them), and follows the store from then on, for
 * the page's life.
 */
export function startCaseList(): void {
  calls.ensure();
}

/** The cases in memory as the worker last told: version 0 until its first read. */
export function caseKeysState(): CaseKeysState {
  return state;
}

/** Called whenever the worker tells of a read that changed the cases in memory. */
export function onCaseKeysState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface CaseListAnswer {
  /** Absent: the ids of the answer `token` names, which the caller said it has. */
  ids?: PackedIds;
  token: number;
  total: number;
  version: number;
}

/**
 * The list's ids for `filters`, newest first; `now` is today for the deadline filter. `have`: the
 * token of the answer the caller shows (the same ids are not sent again).
 */
export async function queryCaseList(filters: CaseFilters, now: number, have?: number): Promise<CaseListAnswer> {
  // When the list's query starts (after the search box's pause): the counter benchmark times from here.
  performance.mark('tongban:case-query');
  const a = await calls.call<ListAnswer>({ kind: 'query', filters, now, ...(have === undefined ? {} : { have }) });
  return { ...(a.ids ? { ids: new PackedIds(a.ids) } : {}), token: a.token, total: a.total, version: a.version };
}

/**
 * The heads of cases known by their head only (not stored yet), by id; the others are left out.
 * `fresh`: after a read of what the list log gained (a case page's lookup), not from the cases as
 * last read (the list's rows, which ask at every change).
 */
export async function caseHeads(ids: readonly string[], fresh = false): Promise<Map<string, HeadRecord>> {
  const heads = await calls.call<(HeadRecord | null)[]>({ kind: 'heads', ids: [...ids], fresh });
  const out = new Map<string, HeadRecord>();
  for (const h of heads) if (h) out.set(h.caseId, h);
  return out;
}

/** The ids the state, item and hall filters keep. */
export function caseIdsWhere(filter: ColumnFilters): Promise<string[]> {
  return calls.call<string[]>({ kind: 'where', filter });
}
