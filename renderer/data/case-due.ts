// A case's promised date as an index key, so lists and queues find the cases at risk or overdue
// without reading every case: 'YYYY-MM-DD' while the promise runs, 'P<n>' while an open correction
// stops the clock with n working days left, '~' when it cannot be counted, nothing once decided.
import type { CalendarYear } from '../../shared/calendar/calendar-data';
import { AT_RISK_WORKING_DAYS, WorkingCalendar } from '../../shared/calendar/working-days';
import type { CaseView } from '../../shared/case/projection';
import type { CaseState } from '../../shared/case/states';

/** States in which the promise still runs: the home hall has not decided yet. */
export const OPEN_STATES: readonly CaseState[] = ['received', 'in_review', 'needs_correction'];

export type DueInput = Pick<CaseView, 'state' | 'receivedAt' | 'promisedDays' | 'pauses'>;

export function dueKey(view: DueInput, calendar: WorkingCalendar, catalogDays: number | undefined): string | undefined {
  if (!OPEN_STATES.includes(view.state)) return undefined;
  const promisedDays = view.promisedDays ?? catalogDays;
  if (promisedDays === undefined) return UNKNOWN_DUE;
  try {
    const d = calendar.computeDeadline({ acceptedAt: view.receivedAt, promisedDays, pauses: view.pauses });
    return d.dueDate ?? `P${Math.max(0, promisedDays - d.countedDays.length)}`;
  } catch {
    return UNKNOWN_DUE;
  }
}

/** An open case whose promise cannot be counted: kept in the queues' indexes, sorted last. */
export const UNKNOWN_DUE = '~';

/** Paused keys whose frozen remainder makes a case at risk (AT_RISK_WORKING_DAYS or fewer). */
export const PAUSED_AT_RISK: readonly string[] = Array.from({ length: AT_RISK_WORKING_DAYS + 1 }, (_, n) => `P${n}`);

/** The calendar from stored years; data that contradict themselves count weekends and fixed holidays. */
export function calendarOf(years: readonly CalendarYear[]): WorkingCalendar {
  try {
    return new WorkingCalendar(years);
  } catch {
    return new WorkingCalendar([]);
  }
}

/** Sets (or clears) a stored row's key from its view. */
export function setDue(row: { view: CaseView; itemCode: string; due?: string }, calendar: WorkingCalendar, catalogDays: ReadonlyMap<string, number>): void {
  const due = dueKey(row.view, calendar, catalogDays.get(row.itemCode));
  if (due === undefined) delete row.due;
  else row.due = due;
}
