// The dashboard's fast working-day counts agree with the official calendar they are read from,
// inside their span and outside it, and the fast risk path agrees with the calendar's own deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, type FigureContext } from '../../../../shared/supervision/dashboard';
import { dayOf, isoOfDay, WorkingDayIndex } from '../../../../shared/supervision/day-index';
import type { CaseFact } from '../../../../shared/supervision/case-fact';
import { calendar } from './supervision-fixture';

const first = dayOf('2025-06-01');
const last = dayOf('2027-06-30');
const index = new WorkingDayIndex(calendar, first, last);
const day = fc.integer({ min: first - 200, max: last + 200 });

describe('WorkingDayIndex', () => {
  it('counts working days in (a, b] as the calendar does', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(index.between(a, b)).toBe(calendar.workingDaysBetween(isoOfDay(a), isoOfDay(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the n-th working day after a day as the calendar does', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (a, n) => {
        expect(isoOfDay(index.addWorkingDays(a, n))).toBe(calendar.addWorkingDays(isoOfDay(a), n));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an empty span', () => {
    expect(() => new WorkingDayIndex(calendar, 10, 9)).toThrow(/span/);
  });
});

describe('risk without a correction round', () => {
  it('is what the calendar says for any acceptance, promise and today', () => {
    const dayIn2026 = fc.integer({ min: dayOf('2026-01-01'), max: dayOf('2026-12-31') });
    fc.assert(
      fc.property(dayIn2026, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }), (accepted, promised, later) => {
        const today = isoOfDay(accepted + later);
        const receivedAt = `${isoOfDay(accepted)}T02:00:00.000Z`;
        const fact: CaseFact = {
          caseId: 'c',
          caseNo: 'n',
          applicantName: '李静',
          state: 'in_review',
          itemCode: 'i',
          itemName: 'i',
          intakeHallId: 'TJ',
          homeHallId: 'BJ',
          deliveryHallId: 'TJ',
          receivedAt,
          receivedDay: accepted,
          promisedDays: promised,
          deliveredDay: null,
          openFlags: 0,
        };
        const ctx: FigureContext = { today, calendar, index, promisedDays: new Map() };
        const d = computeDashboard([fact], { from: null, to: null, halls: [] }, ctx);
        const expected = calendar.riskLevel(calendar.computeDeadline({ acceptedAt: receivedAt, promisedDays: promised }), `${today}T12:00:00+08:00`);
        const got = d.risk.overdue ? 'overdue' : d.risk.at_risk ? 'at_risk' : 'ok';
        expect(got).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('intake-to-handover duration with correction rounds', () => {
  it('counts the working days after acceptance up to handover whose end no pause covers', () => {
    const start = dayOf('2026-01-05');
    const pause = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(pause, { maxLength: 3 }), (length, pauses) => {
        const delivered = start + length;
        const ranges = pauses.map(([from, len]) => ({ first: start + from, end: start + from + len }));
        let expected = 0;
        for (let d = start + 1; d <= delivered; d++) {
          // A pause from day P to day R covers the ends of days P … R−1 (shared/calendar's rule).
          if (calendar.isWorkingDay(isoOfDay(d)) && !ranges.some((r) => r.first <= d && d < r.end)) expected += 1;
        }
        const fact: CaseFact = {
          caseId: 'c',
          caseNo: 'n',
          applicantName: '李静',
          state: 'delivered',
          itemCode: 'i',
          itemName: 'i',
          intakeHallId: 'TJ',
          homeHallId: 'BJ',
          deliveryHallId: 'TJ',
          receivedAt: `${isoOfDay(start)}T02:00:00.000Z`,
          receivedDay: start,
          promisedDays: 5,
          deliveredDay: delivered,
          openFlags: 0,
          ...(ranges.length ? { pauses: ranges.map((r) => ({ from: `${isoOfDay(r.first)}T02:00:00.000Z`, to: `${isoOfDay(r.end)}T02:00:00.000Z` })) } : {}),
        };
        const ctx: FigureContext = { today: '2026-11-26', calendar, index, promisedDays: new Map() };
        expect(computeDashboard([fact], { from: null, to: null, halls: [] }, ctx).durations.all.mean).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
