// The case list's live state: every id newest first (keys only), the ids the filters keep, and the
// rows of the window on screen. Each part is its own live query, so a sync that touches one case
// reloads keys and the visible window, never 200,000 cases.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { keepOrdered, type CaseFilters } from './case-filters';
import { filteredIdSet, loadListItems, newestFirstIds, unstoredCount, type CaseListItem, type DeadlineContext } from './case-query';
import { keepUnchanged } from './list-item';

export interface CaseListIds {
  /** The ids to show, newest first; undefined until the first read finishes. */
  ids: readonly string[] | undefined;
  /** All cases on this counter, whatever the filters. */
  total: number | undefined;
  /** The filters' result is still being computed for the latest filters. */
  busy: boolean;
}

export function useCaseListIds(filters: CaseFilters, ctx: DeadlineContext): CaseListIds {
  // The same array while the order holds (case-key-index.ts), so the memo below holds too.
  const ordered = useLiveQuery(newestFirstIds, []);
  const deadlineCtx = filters.deadline ? ctx : null;
  const filtered = useLiveQuery(
    async () => ({ filters, set: await filteredIdSet(filters, ctx) }),
    // The calendar and today matter only to the deadline filter.
    [filters, deadlineCtx],
  );
  const ids = useMemo(() => (ordered && filtered ? keepOrdered(ordered, filtered.set) : undefined), [ordered, filtered]);
  return { ids, total: ordered?.length, busy: filtered?.filters !== filters };
}

/**
 * The rows of ids[start, end), live; the previous window stays shown while the next one loads, and
 * a line that did not change keeps its object (keepUnchanged), so its row is not drawn again.
 */
export function useWindowRows(ids: readonly string[], start: number, end: number, ctx: DeadlineContext): ReadonlyMap<string, CaseListItem> {
  const previous = useRef<ReadonlyMap<string, CaseListItem>>(EMPTY);
  const rows = useLiveQuery(async () => {
    const next = keepUnchanged(previous.current, await loadListItems(ids.slice(start, end), ctx));
    previous.current = next;
    return next;
  }, [ids, start, end, ctx]);
  return rows ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, CaseListItem> = new Map();

/** How many listed cases are not stored whole yet (0 once a new counter's snapshot is in). */
export function useUnstoredCount(): number {
  return useLiveQuery(unstoredCount, [], 0);
}
