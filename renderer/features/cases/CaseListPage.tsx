// 办件: the cases of this hall, newest first, live from the local store. Type to search by case
// number, applicant name or ID number; arrows move, Enter opens.
import { Typography, type InputRef } from 'antd';
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { isFiltered, NO_FILTERS, type CaseFilters } from './case-filters';
import { CaseFilterBar } from './CaseFilterBar';
import { isNavKey, moveSelection } from './list-window';
import { useCaseListIds, useUnstoredCount } from './use-case-list';
import { useCatalog, useDeadlineContext } from './use-reference';
import { VirtualCaseTable } from './VirtualCaseTable';
import { NO_IDS } from './packed-ids';
import { Later } from '../../ui/Later';

/** `value` once it has held for `ms`; the list's answer to it is drawn in a transition, in slices. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => startTransition(() => setV(value)), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function CaseListPage({ navigate }: PageProps) {
  const { t } = useTranslation();
  // The list comes back as the clerk left it after opening a case: the frame keeps it mounted for
  // the login (App.tsx), so its state is the memory; the next login starts a new frame and finds
  // no search of the last person's (which may be an ID number).
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const [selected, setSelected] = useState(0);
  const [pageRows, setPageRows] = useState(10);
  const search = useRef<InputRef>(null);
  const ctx = useDeadlineContext();
  const catalog = useCatalog();
  const debouncedSearch = useDebounced(filters.search, 150);
  const query = useDebouncedFilters(filters, debouncedSearch);
  const { ids, total, busy } = useCaseListIds(query, ctx);
  const unstored = useUnstoredCount();
  const count = ids?.length ?? 0;
  const current = Math.min(selected, Math.max(0, count - 1));

  // The search box has the keys whenever the list is shown: on opening, and on coming back to it
  // (effects run again each time the kept list shows).
  useEffect(() => search.current?.focus(), []);

  // Enter typed before the search settled opens the first case the settled search finds, never
  // the one the previous search had selected.
  const settled = query.search === filters.search && !busy && ids !== undefined;
  // An Enter pressed before the search settled: a new object each time, opened once (the list is
  // kept mounted while the case shows, and must not open it again when shown).
  const [openRequest, setOpenRequest] = useState<object | null>(null);
  const opened = useRef<object | null>(null);
  const open = useCallback((caseId: string) => navigate('case', caseId), [navigate]);
  useEffect(() => {
    if (openRequest && opened.current !== openRequest && settled && ids?.at(current)) {
      opened.current = openRequest;
      open(ids.at(current)!);
    }
  }, [openRequest, settled, ids, current, open]);

  const changeFilters = useCallback((next: CaseFilters) => {
    setFilters(next);
    setSelected(0);
    setOpenRequest(null);
  }, []);
  const onKeyDown = (e: KeyboardEvent, fromSearch: boolean) => {
    // In the search box Home and End move the text cursor, not the selection.
    if (isNavKey(e.key) && !(fromSearch && (e.key === 'Home' || e.key === 'End'))) {
      e.preventDefault();
      setSelected(moveSelection(e.key, current, count, pageRows));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!settled) setOpenRequest({});
      else if (ids?.at(current)) open(ids.at(current)!);
    }
  };

  // The filter bar takes the search box's keys through a function that stays the same (so the bar,
  // memoised, is not drawn again with the list) and calls the latest onKeyDown.
  const latestKeyDown = useRef(onKeyDown);
  useLayoutEffect(() => {
    latestKeyDown.current = onKeyDown;
  });
  const onSearchKeyDown = useCallback((e: KeyboardEvent) => latestKeyDown.current(e, true), []);

  const summary = ids === undefined ? t('cases.loadingAll') : isFiltered(query) ? t('cases.found', { count, total: total ?? 0 }) : t('cases.total', { count });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 420 }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Typography.Text type="secondary" role="status" aria-label={t('cases.count')}>
          {summary}
          {ids !== undefined && !settled ? t('cases.filtering') : ''}
          {query.deadline && unstored > 0 ? t('cases.deadlineUnstored', { count: unstored }) : ''}
        </Typography.Text>
      </div>
      <CaseFilterBar value={filters} onChange={changeFilters} catalog={catalog} searchRef={search} onSearchKeyDown={onSearchKeyDown} />
      {/* The rows draw just after the title and the filters (the search box takes the keys at once). */}
      <Later>
        <VirtualCaseTable
          ids={ids ?? NO_IDS}
          ctx={ctx}
          selected={current}
          onSelect={setSelected}
          onOpen={open}
          onKeyDown={(e) => onKeyDown(e, false)}
          onViewportRows={setPageRows}
          emptyText={ids === undefined ? t('cases.loading') : isFiltered(query) ? t('cases.noMatch') : t('cases.none')}
        />
      </Later>
      <Typography.Text type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('cases.keys')}
      </Typography.Text>
    </div>
  );
}

/** The filters as queried: the search text settles for a moment first, the selects apply at once. */
function useDebouncedFilters(filters: CaseFilters, search: string): CaseFilters {
  const { states, itemCode, hall, deadline } = filters;
  return useMemo(() => ({ search, states, itemCode, hall, deadline }), [search, states, itemCode, hall, deadline]);
}
