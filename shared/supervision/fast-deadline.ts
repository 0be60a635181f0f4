// A case's promise counted on the working-day index, for 200,000 cases at a time: the same rule as
// WorkingCalendar.computeDeadline and riskLevel (shared/calendar, DESIGN.md "Deadlines"), in a few
// index look-ups instead of a walk over the days. supervision-day-index.test.ts holds the two equal.
//
// A pause (the case waiting for the applicant's correction) covers the working days whose end it
// spans: from the Beijing day it began up to, not including, the day it ended; an open one covers
// every day from its first on.
import { AT_RISK_WORKING_DAYS, type RiskLevel } from '../calendar/working-days';
import type { WorkingDayIndex } from './day-index';

/** A pause as Beijing day numbers: [first, end); end null while the applicant has not resubmitted. */
export type PauseDays = readonly [first: number, end: number | null];

interface Range {
  first: number;
  end: number;
}

function ranges(pauses: readonly PauseDays[]): Range[] {
  return pauses.map(([first, end]) => ({ first, end: end ?? Infinity })).sort((a, b) => a.first - b.first);
}

/** Working days in (a, b] that no pause covers. */
export function countedBetween(index: WorkingDayIndex, a: number, b: number, pauses: readonly PauseDays[] | undefined): number {
  if (b <= a) return 0;
  let n = index.between(a, b);
  if (!pauses) return n;
  let reached = a; // the days up to here are accounted for
  for (const r of ranges(pauses)) {
    const lo = Math.max(reached, r.first - 1);
    const hi = Math.min(b, r.end - 1);
    if (hi > lo) {
      n -= index.between(lo, hi);
      reached = hi;
    }
  }
  return n;
}

export interface FastDeadline {
  /** The promised day's number; null while an open pause stopped the clock before it. */
  due: number | null;
  /** Working days counted toward the promise by the due day, or by the pause that stopped the clock. */
  counted: number;
}

export function fastDeadline(index: WorkingDayIndex, accepted: number, promised: number, pauses: readonly PauseDays[] | undefined): FastDeadline {
  if (!pauses || promised === 0) return { due: index.addWorkingDays(accepted, promised), counted: promised };
  let left = promised;
  let cursor = accepted; // the last day accounted for
  for (const r of ranges(pauses)) {
    if (r.first - 1 > cursor) {
      const free = index.between(cursor, r.first - 1);
      if (free >= left) return { due: index.addWorkingDays(cursor, left), counted: promised };
      left -= free;
    }
    if (r.end === Infinity) return { due: null, counted: promised - left };
    cursor = Math.max(cursor, r.end - 1);
  }
  return { due: index.addWorkingDays(cursor, left), counted: promised };
}

/** As riskLevel: overdue after the due day; at risk with AT_RISK_WORKING_DAYS or fewer left. */
export function fastRisk(index: WorkingDayIndex, accepted: number, promised: number, pauses: readonly PauseDays[] | undefined, d: FastDeadline, today: number): RiskLevel {
  if (d.due === null) return promised - d.counted <= AT_RISK_WORKING_DAYS ? 'at_risk' : 'ok';
  if (today > d.due) return 'overdue';
  const used = countedBetween(index, accepted, today, pauses);
  return promised - used <= AT_RISK_WORKING_DAYS ? 'at_risk' : 'ok';
}
