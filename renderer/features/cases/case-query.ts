// The case list's reads from the local store: ids in index order (keys only, never whole cases),
// the ids each filter keeps, and full rows only for the window on screen.
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { CaseState } from '../../../shared/case/states';
import { maskIdNumberByType } from '../../../shared/validators';
import { db, type CaseRow } from '../../data/db';
import { HALL_INDEX, intersect, parseHallFilter, searchPrefixes, type CaseFilters } from './case-filters';
import { caseDeadline, matchesDeadlineFilter, OPEN_STATES, type CaseDeadline } from './deadline';
import { caseIdsByIndex, caseRowsByIndex, exactRange, prefixRange, watchCases } from './raw-index';

/** What the deadline needs besides the case: the calendar, the catalog's promised days, today. */
export interface DeadlineContext {
  calendar: WorkingCalendar;
  promisedDays: ReadonlyMap<string, number>;
  itemNames: ReadonlyMap<string, string>;
  now: Date;
}

/** One line of the list: what the table shows, nothing more (no form, no history). */
export interface CaseListItem {
  caseId: string;
  caseNo: string;
  applicantName: string;
  idMasked: string;
  itemName: string;
  state: CaseState;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  pending: number;
  deadline: CaseDeadline | null;
}

/** Every case id, newest first: one getAllKeys over the receivedAt index. */
export async function newestFirstIds(): Promise<string[]> {
  await watchCases();
  return (await caseIdsByIndex('receivedAt')).reverse();
}

async function keySet(...reads: Promise<string[]>[]): Promise<Set<string>> {
  return new Set((await Promise.all(reads)).flat());
}

function searchSet(input: string): Promise<Set<string>> | null {
  const p = searchPrefixes(input);
  if (!p) return null;
  return keySet(
    caseIdsByIndex('caseNo', prefixRange(p.caseNo)),
    caseIdsByIndex('applicantName', prefixRange(p.name)),
    ...p.idNumbers.map((n) => caseIdsByIndex('idNumber', prefixRange(n))),
  );
}

/** The ids that the search, state, item and hall filters keep; null when none is set. */
export async function indexFilterSet(f: CaseFilters): Promise<Set<string> | null> {
  await watchCases();
  const hall = parseHallFilter(f.hall);
  const sets = await Promise.all([
    searchSet(f.search),
    f.states.length > 0 ? keySet(...f.states.map((s) => caseIdsByIndex('state', exactRange(s)))) : null,
    f.itemCode ? keySet(caseIdsByIndex('itemCode', exactRange(f.itemCode))) : null,
    hall ? keySet(caseIdsByIndex(HALL_INDEX[hall.role], exactRange(hall.hallId))) : null,
  ]);
  return intersect(sets);
}

/** Below this many candidates the deadline filter reads them one by one; above, whole states. */
const READ_BY_KEY_BELOW = 2000;

/**
 * The ids every filter keeps. The deadline filter needs each open case's receivedAt and pauses,
 * which no index holds: it reads the open cases (one getAll per open state, or just the
 * candidates when the other filters left few), keeps the ids that match, and drops the rows.
 */
export async function filteredIdSet(f: CaseFilters, ctx: DeadlineContext): Promise<Set<string> | null> {
  const byIndex = await indexFilterSet(f);
  const deadline = f.deadline;
  if (!deadline) return byIndex;
  const keep = new Set<string>();
  const consider = (row: CaseRow | undefined) => {
    if (row && OPEN_STATES.includes(row.state as CaseState) && (byIndex === null || byIndex.has(row.caseId)) && matchesDeadlineFilter(deadline, deadlineOf(row, ctx))) {
      keep.add(row.caseId);
    }
  };
  if (byIndex !== null && byIndex.size < READ_BY_KEY_BELOW) {
    for (const row of await db().cases.bulkGet([...byIndex])) consider(row);
    return keep;
  }
  for (const state of OPEN_STATES) {
    for (const row of await caseRowsByIndex('state', exactRange(state))) consider(row);
  }
  return keep;
}

function deadlineOf(row: CaseRow, ctx: DeadlineContext): CaseDeadline | null {
  return caseDeadline(row.view, ctx.calendar, ctx.promisedDays.get(row.itemCode), ctx.now);
}

export function toListItem(row: CaseRow, ctx: DeadlineContext): CaseListItem {
  const v = row.view;
  return {
    caseId: row.caseId,
    caseNo: row.caseNo,
    applicantName: row.applicantName,
    idMasked: maskIdNumberByType(v.applicant.idType, v.applicant.idNumber),
    itemName: v.itemName ?? ctx.itemNames.get(row.itemCode) ?? row.itemCode,
    state: v.state,
    intakeHallId: row.intakeHallId,
    homeHallId: row.homeHallId,
    deliveryHallId: row.deliveryHallId,
    receivedAt: row.receivedAt,
    pending: row.pending,
    deadline: deadlineOf(row, ctx),
  };
}

/** The rows of one window of the list, in the order of `ids`. */
export async function loadListItems(ids: readonly string[], ctx: DeadlineContext): Promise<Map<string, CaseListItem>> {
  const rows = await db().cases.bulkGet([...ids]);
  const out = new Map<string, CaseListItem>();
  for (const row of rows) if (row) out.set(row.caseId, toListItem(row, ctx));
  return out;
}
