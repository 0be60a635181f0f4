// The case list's live state: every id newest first and the ids the filters keep, computed from the
// cases in memory as last read (case-keys.ts), and the rows of the window on screen (a live query,
// drawn in a transition).
// The list never waits for a read of the store to draw what it has: while a new counter's snapshot
// writes a page every few hundred milliseconds, a read waits for each write, and a live query that
// reads what every write changes would run again before it ever answered.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQueryInTransition } from '../../data/use-live-transition';
import { keepOrdered, type CaseFilters } from './case-filters';
import { caseKeyIndex, currentCaseKeys, onCaseKeys, type CaseKeysSnapshot } from './case-keys';
import { deadlineIdSet, indexFilterSet, loadListItems, type CaseListItem, type DeadlineContext } from './case-query';
import { keepUnchanged } from './list-item';

const NOT_YET: CaseKeysSnapshot = { index: null, version: 0 };

/**
 * The cases in memory as last read, and their version (a new one after every read that changed
 * them). A change is drawn in a transition: React draws the list again in slices the page can
 * interrupt, and a keystroke in the search box never waits for a download's change. With
 * `firstLater`, the first too: the case list's frame and search box draw in the click's task, its
 * ids a pass after (their order, mended while a download runs, was some 10–15 ms of that task).
 * Without, the first render has what is in memory (a count drawn at once, not a pass later).
 */
export function useCaseKeys(firstLater = false): CaseKeysSnapshot {
  const [keys, setKeys] = useState(firstLater ? NOT_YET : currentCaseKeys);
  useEffect(() => {
    const update = () => startTransition(() => setKeys(currentCaseKeys()));
    // What is in memory now (and a read that finished between the first draw and this subscription).
    update();
    return onCaseKeys(update);
  }, []);
  return keys;
}

export interface CaseListIds {
  /** The ids to show, newest first; undefined on the first render and until the first read finishes. */
  ids: readonly string[] | undefined;
  /** All cases on this counter, whatever the filters. */
  total: number | undefined;
  /** The filters' result is still being computed for the latest filters. */
  busy: boolean;
}

export function useCaseListIds(filters: CaseFilters, ctx: DeadlineContext): CaseListIds {
  const { index, version } = useCaseKeys(true);
  // A new search or filter also reads what the log gained (a read that finds nothing new changes
  // nothing); the list answers at once from what it has, and again if the read brings more.
  useEffect(() => void caseKeyIndex().catch(() => undefined), [filters]);
  // The same array while the order holds (case-key-index.ts), so the memos below hold too.
  const ordered = useMemo(() => (version > 0 ? index?.newestFirst() : undefined), [index, version]);
  const byIndex = useMemo(() => (index && version > 0 ? indexFilterSet(index, filters) : undefined), [index, version, filters]);
  const deadline = filters.deadline;
  const byDeadline = useLiveQueryInTransition(
    async () => (deadline && byIndex !== undefined ? { filters, set: await deadlineIdSet(deadline, byIndex, ctx) } : null),
    // The calendar and today matter only to the deadline filter; the version, so it follows the cases.
    [filters, byIndex, deadline ? ctx : null, deadline ? version : 0],
  );
  const set = deadline ? (byDeadline?.filters === filters ? byDeadline.set : undefined) : byIndex;
  const ids = useMemo(() => (ordered && set !== undefined ? keepOrdered(ordered, set) : undefined), [ordered, set]);
  return { ids, total: ordered?.length, busy: set === undefined && ordered !== undefined };
}

/**
 * The rows of ids[start, end), live; the previous window stays shown while the next one loads, and
 * a line that did not change keeps its object (keepUnchanged), so its row is not drawn again.
 */
export function useWindowRows(ids: readonly string[], start: number, end: number, ctx: DeadlineContext): ReadonlyMap<string, CaseListItem> {
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
  const { index, version } = useCaseKeys();
  return useMemo(() => (version > 0 ? (index?.headCount ?? 0) : 0), [index, version]);
}
