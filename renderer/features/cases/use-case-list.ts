// The case list's live state: the ids the filters keep, newest first, from the list's worker
// (case-list-client.ts: the cases in memory live there, not on the page's heap), and the rows of the
// window on screen (a live query, drawn in a transition).
// The list never waits for a read of the store to draw what it has: while a new counter's snapshot
// writes a page every few hundred milliseconds, a read waits for each write, and a live query that
// reads what every write changes would run again before it ever answered.
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { db } from '../../data/db';
import { useLiveQueryInTransition } from '../../data/use-live-transition';
import type { CaseFilters } from './case-filters';
import { caseHeads, caseKeysState, NOTHING_YET, onCaseKeysState, queryCaseList } from './case-list-client';
import type { CaseKeysState } from './case-list-service';
import { headListItem, keepUnchanged, toListItem, type CaseListItem, type DeadlineContext } from './list-item';
import type { CaseIds, PackedIds } from './packed-ids';

/**
 * The cases in memory as the list's worker last told (case-list-client.ts), with their version (a
 * new one after every read that changed them). A change is drawn in a transition: React draws the
 * list again in slices the page can interrupt, and a keystroke in the search box never waits for a
 * download's change. With `firstLater`, the first too: the case list's frame and search box draw in
 * the click's task, its ids a pass after. Without, the first render has what is known now (a count
 * drawn at once, not a pass later).
 */
export function useCaseKeys(firstLater = false): CaseKeysState {
  const [keys, setKeys] = useState(firstLater ? NOTHING_YET : caseKeysState);
  useEffect(() => {
    const update = () => startTransition(() => setKeys(caseKeysState()));
    // What is known now (and a change told between the first draw and this subscription).
    update();
    return onCaseKeysState(update);
  }, []);
  return keys;
}

export interface CaseListIds {
  /** The ids to show, newest first; undefined until the first answer. */
  ids: CaseIds | undefined;
  /** All cases on this counter, whatever the filters. */
  total: number | undefined;
  /** The ids shown are not (yet) the answer for the latest filters. */
  busy: boolean;
}

interface Shown {
  /** The order the queries were asked in: a later one's answer is never replaced by an earlier one's. */
  asked: number;
  filters: CaseFilters;
  ids: PackedIds;
  /** The worker's name for these ids: asked again, it sends them only if they changed. */
  token: number;
  total: number;
}

/**
 * The list's ids for `filters`, from the list's worker: asked again for every new version of the
 * cases in memory and every new filter. The answer shown is the one asked last that has come: while
 * a new counter downloads, the versions come faster than a busy worker answers, and an answer is
 * not dropped for being of an older version (the list would never settle), only for having been
 * asked before the one shown.
 */
export function useCaseListIds(filters: CaseFilters, ctx: DeadlineContext): CaseListIds {
  const { version } = useCaseKeys(true);
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const asked = useRef(0);
  // The answer on screen, for the next query to say it has it (set before the effect below runs).
  const latest = useRef(shown);
  useLayoutEffect(() => {
    latest.current = shown;
  });
  // The calendar, catalog and today matter only to the deadline filter.
  const deadlineCtx = filters.deadline ? ctx : null;
  useEffect(() => {
    if (version === 0) return;
    const n = ++asked.current;
    const have = latest.current;
    queryCaseList(filters, (deadlineCtx ?? ctx).now.getTime(), have?.token).then(
      (a) =>
        startTransition(() =>
          setShown((prev) => {
            if (prev && prev.asked > n) return prev;
            // Unchanged: the ids the query said it had (the worker checked they are the same).
            const ids = a.ids ?? (have?.token === a.token ? have.ids : undefined);
            return ids ? { asked: n, filters, ids, token: a.token, total: a.total } : prev;
          }),
        ),
      (e: unknown) => console.warn('办件列表查询失败', e),
    );
    // ctx stands in deadlineCtx when the deadline filter is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters, version, deadlineCtx]);
  return { ids: shown?.ids, total: shown?.total, busy: shown !== undefined && shown.filters !== filters };
}

/**
 * The lines of one window of the list, in the order of `ids`: from the stored rows, and from the
 * heads of the cases a new counter lists before their rows are stored (the list's worker has them).
 */
export async function loadListItems(ids: readonly string[], ctx: DeadlineContext): Promise<Map<string, CaseListItem>> {
  const rows = await db().cases.bulkGet([...ids]);
  const missing = ids.filter((_, i) => !rows[i]);
  // The list's worker failed meanwhile (it is started again): the stored rows are drawn, the heads at the next change.
  const heads = missing.length ? await caseHeads(missing).catch(() => null) : null;
  const out = new Map<string, CaseListItem>();
  for (const [i, row] of rows.entries()) {
    if (row) out.set(row.caseId, toListItem(row, ctx));
    else {
      const head = heads?.get(ids[i]!);
      if (head) out.set(head.caseId, headListItem(head, ctx));
    }
  }
  return out;
}

/**
 * The rows of ids[start, end), live; the previous window stays shown while the next one loads, and
 * a line that did not change keeps its object (keepUnchanged), so its row is not drawn again.
 */
export function useWindowRows(ids: CaseIds, start: number, end: number, ctx: DeadlineContext): ReadonlyMap<string, CaseListItem> {
  const previous = useRef<ReadonlyMap<string, CaseListItem>>(EMPTY);
  const rows = useLiveQueryInTransition(async () => {
    const next = keepUnchanged(previous.current, await loadListItems(ids.slice(start, end), ctx));
    previous.current = next;
    return next;
  }, [ids, start, end, ctx]);
  return rows ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, CaseListItem> = new Map();

/** How many listed cases are not stored whole yet (0 once a new counter's snapshot is in). */
export function useUnstoredCount(): number {
  return useCaseKeys().headCount;
}
