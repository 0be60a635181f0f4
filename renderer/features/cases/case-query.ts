// The case list's queries, run in its worker (case-list-service.ts): the search and the state, item
// and hall filters over the cases in memory (case-keys.ts), and the deadline filter through the
// promised-date index; and the reads of late and at-risk cases the workbench's queues share.
import { db, type CaseRow } from '../../data/db';
import { intersect, parseHallFilter, searchPrefixes, type CaseFilters } from './case-filters';
import { PAUSED_AT_RISK } from '../../data/case-due';
import { matchesDeadlineFilter, type DeadlineFilter } from './deadline';
import { deadlineOf, toListItem, type CaseListItem, type DeadlineContext } from './list-item';

export { toListItem, type CaseListItem, type DeadlineContext };
import { beijingDay as beijingDate } from '../../../shared/calendar/working-days';
import { caseIdsByIndex, caseRowsByIndex, exactRange } from './raw-index';
import type { CaseKeyIndex } from './case-key-index';

/** The ids that the search, state, item and hall filters keep, from the cases in memory; null when none is set. */
export function indexFilterSet(index: CaseKeyIndex, f: CaseFilters): Set<string> | null {
  const p = searchPrefixes(f.search);
  return intersect([p ? index.search(p) : null, index.filter({ states: f.states, itemCode: f.itemCode, hall: parseHallFilter(f.hall) })]);
}

/**
 * The ids the deadline filter keeps among `byIndex` (every case when null), through the
 * promised-date index: a due date before today is overdue by the key alone (ids only, no rows
 * read); the few cases due within the next weeks, or paused with little left, are read and checked
 * exactly on the calendar. The reads go straight to IndexedDB: a live query that calls this re-runs
 * on its own arguments only (the caller passes the list's version of the cases).
 */
export async function deadlineIdSet(deadline: DeadlineFilter, byIndex: ReadonlySet<string> | null, ctx: DeadlineContext): Promise<Set<string>> {
  const keep = new Set<string>();
  const today = beijingDate(ctx.now);
  if (deadline !== 'at_risk') {
    for (const id of await caseIdsByIndex('due', IDBKeyRange.upperBound(today, true)))
      if (byIndex === null || byIndex.has(id)) keep.add(id);
  }
  if (deadline !== 'overdue') {
    for (const row of await atRiskCandidates(ctx.now)) {
      if ((byIndex === null || byIndex.has(row.caseId)) && matchesDeadlineFilter('at_risk', deadlineOf(row, ctx))) keep.add(row.caseId);
    }
  }
  return keep;
}

/** Calendar days after today within which a due date can still be "2 working days away" (a long holiday). */
const AT_RISK_WINDOW_DAYS = 21;

/** The open cases that may be at risk: due from today to a few weeks on, or paused with little left. */
export async function atRiskCandidates(now: Date): Promise<CaseRow[]> {
  const today = beijingDate(now);
  const until = beijingDate(new Date(now.getTime() + AT_RISK_WINDOW_DAYS * 86_400_000));
  const reads = [
    caseRowsByIndex('due', IDBKeyRange.bound(today, until)),
    ...PAUSED_AT_RISK.map((key) => caseRowsByIndex('due', exactRange(key))),
  ];
  return (await Promise.all(reads)).flat();
}

/** The open cases past their promised date: due before today (the key alone says so). */
export function overdueRows(now: Date, limit: number): Promise<CaseRow[]> {
  return db().cases.where('due').below(beijingDate(now)).limit(limit).toArray();
}
