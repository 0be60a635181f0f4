// The case list's reads from the local store: ids in index order (keys only, never whole cases),
// the ids each filter keeps, and full rows only for the window on screen.
import { db, type CaseRow } from '../../data/db';
import {
  HALL_INDEX,
  intersect,
  parseHallFilter,
  searchPrefixes,
  type CaseFilters,
} from './case-filters';
import { PAUSED_AT_RISK } from '../../data/case-due';
import { CASE_SET } from '../../data/case-rows';
import { matchesDeadlineFilter } from './deadline';
import { deadlineOf, toListItem, type CaseListItem, type DeadlineContext } from './list-item';

export { toListItem, type CaseListItem, type DeadlineContext };
import { beijingDate } from './format';
import { allCaseIdsByIndex, caseIdsByIndex, caseRowsByIndex, exactRange, watchCases } from './raw-index';
import { caseKeyIndex } from './case-keys';

/**
 * Every case id, newest first, through the receivedAt index (in slices). At 200,000 cases a read
 * takes the store a good part of a second and keeps writers waiting meanwhile, so reads after
 * changes are spaced: the next starts no sooner than four times the last one's length after it
 * (250 ms at least), and changes meanwhile share it. A new counter storing its snapshot page after
 * page, or a busy hall's feed, then costs the list a few reads, not one per page.
 */
export async function newestFirstIds(): Promise<string[]> {
  // Which cases there are changes only with this row (renderer/data/case-rows.ts): a change of a
  // listed case needs no new read of every id.
  await db().meta.get(CASE_SET);
  return spacedRead();
}

let inFlight: Promise<unknown> = Promise.resolve();
let queued: Promise<string[]> | null = null;
let readyAt = 0;
function spacedRead(): Promise<string[]> {
  queued ??= (async () => {
    await inFlight.catch(() => undefined);
    const wait = readyAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // A change from here on is not in this read: it queues the next.
    queued = null;
    const started = performance.now();
    const read = allCaseIdsByIndex('receivedAt');
    inFlight = read;
    const ids = await read;
    readyAt = Date.now() + Math.max(250, 4 * (performance.now() - started));
    return ids.reverse();
  })();
  return queued;
}

async function keySet(...reads: Promise<string[]>[]): Promise<Set<string>> {
  return new Set((await Promise.all(reads)).flat());
}

/** The cases the search box finds: its prefixes over the search keys in memory (case-keys.ts). */
async function searchSet(input: string): Promise<Set<string> | null> {
  const p = searchPrefixes(input);
  if (!p) return null;
  return (await caseKeyIndex()).search(p);
}

/** The ids that the search, state, item and hall filters keep; null when none is set. */
export async function indexFilterSet(f: CaseFilters): Promise<Set<string> | null> {
  await watchCases();
  const hall = parseHallFilter(f.hall);
  const sets = await Promise.all([
    searchSet(f.search),
    f.states.length > 0
      ? keySet(...f.states.map((s) => caseIdsByIndex('state', exactRange(s))))
      : null,
    f.itemCode ? keySet(caseIdsByIndex('itemCode', exactRange(f.itemCode))) : null,
    hall ? keySet(caseIdsByIndex(HALL_INDEX[hall.role], exactRange(hall.hallId))) : null,
  ]);
  return intersect(sets);
}

/**
 * The ids every filter keeps. The deadline filter reads the promised-date index: a due date before
 * today is overdue by the key alone (ids only, no rows read); the few cases due within the next
 * weeks, or paused with little left, are read and checked exactly on the calendar.
 */
export async function filteredIdSet(
  f: CaseFilters,
  ctx: DeadlineContext,
): Promise<Set<string> | null> {
  // When the list's query starts (after the search box's pause): the counter benchmark times from here.
  performance.mark('tongban:case-query');
  const byIndex = await indexFilterSet(f);
  const deadline = f.deadline;
  if (!deadline) return byIndex;
  const keep = new Set<string>();
  const today = beijingDate(ctx.now);
  if (deadline !== 'at_risk') {
    for (const id of await caseIdsByIndex('due', IDBKeyRange.upperBound(today, true)))
      if (byIndex === null || byIndex.has(id)) keep.add(id);
  }
  if (deadline !== 'overdue') {
    for (const row of await atRiskCandidates(ctx.now)) {
      if (
        (byIndex === null || byIndex.has(row.caseId)) &&
        matchesDeadlineFilter('at_risk', deadlineOf(row, ctx))
      )
        keep.add(row.caseId);
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

/** The rows of one window of the list, in the order of `ids`. */
export async function loadListItems(
  ids: readonly string[],
  ctx: DeadlineContext,
): Promise<Map<string, CaseListItem>> {
  const rows = await db().cases.bulkGet([...ids]);
  const out = new Map<string, CaseListItem>();
  for (const row of rows) if (row) out.set(row.caseId, toListItem(row, ctx));
  return out;
}
