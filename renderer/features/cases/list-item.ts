// One line of the case list and the queues, from a stored case row: what the tables show, with the
// deadline counted on the calendar. Free of IndexedDB, so the pure parts can be tested in Node.
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { CaseState } from '../../../shared/case/states';
import { maskIdNumberByType } from '../../../shared/validators';
import type { CaseRow } from '../../data/db';
import { caseDeadline, type CaseDeadline } from './deadline';

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

export function deadlineOf(row: CaseRow, ctx: DeadlineContext): CaseDeadline | null {
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
