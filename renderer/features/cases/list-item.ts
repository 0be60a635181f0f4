// One line of the case list and the queues, from a stored case row: what the tables show, with the
// deadline counted on the calendar. Free of IndexedDB, so the pure parts can be tested in Node.
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { Catalog } from '../../../shared/catalog/item-schema';
import type { CaseState } from '../../../shared/case/states';
import { maskIdNumberByType } from '../../../shared/validators';
import type { CaseRow } from '../../data/db';
import type { HeadRecord } from './case-key-index';
import { caseDeadline, type CaseDeadline } from './deadline';

/** What the deadline needs besides the case: the calendar, the catalog's promised days, today. */
export interface DeadlineContext {
  calendar: WorkingCalendar;
  promisedDays: ReadonlyMap<string, number>;
  itemNames: ReadonlyMap<string, string>;
  now: Date;
}

/** The context from the stored catalog (null: none yet) and calendar, as of `now`. */
export function deadlineContext(catalog: Catalog | null, calendar: WorkingCalendar, now: Date): DeadlineContext {
  const promisedDays = new Map<string, number>();
  const itemNames = new Map<string, string>();
  for (const item of catalog?.items ?? []) {
    promisedDays.set(item.code, item.promisedDays);
    itemNames.set(item.code, item.name);
  }
  return { calendar, promisedDays, itemNames, now };
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

/**
 * The line of a case known by its head only (its row not stored yet): the same fields, from what
 * the hub's head gave; nothing of ours waits on it (a case is stored before anything is done to it).
 */
export function headListItem(h: HeadRecord, ctx: DeadlineContext): CaseListItem {
  const { line } = h;
  const view = { state: h.state as CaseState, receivedAt: h.receivedAt, pauses: line.pauses, ...(line.promisedDays !== undefined ? { promisedDays: line.promisedDays } : {}) };
  return {
    caseId: h.caseId,
    caseNo: h.caseNo,
    applicantName: h.applicantName,
    idMasked: maskIdNumberByType(line.idType, h.idNumber),
    itemName: line.itemName ?? ctx.itemNames.get(h.itemCode) ?? h.itemCode,
    state: h.state as CaseState,
    intakeHallId: h.intakeHallId,
    homeHallId: h.homeHallId,
    deliveryHallId: h.deliveryHallId,
    receivedAt: h.receivedAt,
    pending: 0,
    deadline: caseDeadline(view, ctx.calendar, ctx.promisedDays.get(h.itemCode), ctx.now),
  };
}

/** Same fields with the same values; with `nested`, a field that is an object is compared so too (one level). */
function sameFields(a: object, b: object, nested: boolean): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => {
    const u = x[k];
    const v = y[k];
    return u === v || (nested && typeof u === 'object' && typeof v === 'object' && u !== null && v !== null && sameFields(u, v, false));
  });
}

/**
 * Whether two lines show the same, field by field and the deadline's fields too (a field added to
 * the line is compared without a change here): a row given the earlier one again is not drawn again.
 */
export const sameListItem = (a: CaseListItem, b: CaseListItem): boolean => sameFields(a, b, true);

/**
 * The lines of a new read with each unchanged one replaced by the earlier object, and the earlier
 * map itself when nothing changed: the rows on screen draw again only where a case changed (a
 * new counter's list is read again for every page of its snapshot).
 */
export function keepUnchanged(before: ReadonlyMap<string, CaseListItem>, after: ReadonlyMap<string, CaseListItem>): ReadonlyMap<string, CaseListItem> {
  let changed = before.size !== after.size;
  const out = new Map<string, CaseListItem>();
  for (const [id, item] of after) {
    const old = before.get(id);
    if (old && sameListItem(old, item)) out.set(id, old);
    else {
      out.set(id, item);
      changed = true;
    }
  }
  return changed ? out : before;
}
