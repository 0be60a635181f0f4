// The dashboard's fast working-day counts agree with the official calendar they are read from,
// inside their span and outside it, and the fast risk path agrees with the calendar's own deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, type FigureContext } from '../../../../shared/supervision/dashboard';
import { dayOf, isoOfDay, WorkingDayIndex } from '../../../../shared/supervision/day-index';
import type { CaseFact } from '../../../../shared/supervision/case-fact';
import { fastDeadline, fastRisk, type PauseDays } from '../../../../shared/supervision/fast-deadline';
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

describe('the promise counted on the index', () => {
  const dayIn2026 = fc.integer({ min: dayOf('2026-01-01'), max: dayOf('2026-12-31') });
  // Pauses as (days after acceptance it began, days it lasted or null while open); up to three.
  const pauses = fc.array(fc.tuple(fc.integer({ min: -2, max: 30 }), fc.option(fc.integer({ min: 0, max: 12 }), { nil: null })), { maxLength: 3 });

  it('gives the calendar’s due date, pause and risk for any acceptance, promise, correction rounds and today', () => {
    fc.assert(
      fc.property(dayIn2026, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }), pauses, (accepted, promised, later, raw) => {
        const today = accepted + later;
        // An open pause can only be the last one; none ends after today.
        const ps: PauseDays[] = raw
          .map(([from, len], i): PauseDays => [accepted + from, len === null && i === raw.length - 1 ? null : Math.min(today, accepted + from + (len ?? 0))])
          .filter(([first, end]) => first <= today && (end === null || end >= first));
        const at = (d: number) => `${isoOfDay(d)}T02:00:00.000Z`;
        const expected = calendar.computeDeadline({
          acceptedAt: at(accepted),
          promisedDays: promised,
          pauses: ps.map(([first, end]) => ({ from: at(first), ...(end === null ? {} : { to: at(end) }) })),
        });
        const d = fastDeadline(index, accepted, promised, ps.length ? ps : undefined);
        expect(d.due === null ? null : isoOfDay(d.due)).toBe(expected.dueDate);
        if (d.due === null) expect(d.counted).toBe(expected.countedDays.length);
        const risk = fastRisk(index, accepted, promised, ps.length ? ps : undefined, d, today);
        expect(risk).toBe(calendar.riskLevel(expected, `${isoOfDay(today)}T12:00:00+08:00`));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a case in review as the dashboard counts it', () => {
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
      receivedAt: '2026-11-16T02:00:00.000Z',
      receivedDay: dayOf('2026-11-16'),
      promisedDays: 5,
      deliveredDay: null,
      openFlags: 0,
    };
    const ctx: FigureContext = { today: '2026-11-23', index, promisedDays: new Map() };
    // Due Mon 11-23 (17, 18, 19, 20, 23): on the day itself, at risk; the day after, overdue.
    expect(computeDashboard([fact], { from: null, to: null, halls: [] }, ctx).risk).toEqual({ at_risk: 1, overdue: 0 });
    expect(computeDashboard([fact], { from: null, to: null, halls: [] }, { ...ctx, today: '2026-11-24' }).risk).toEqual({ at_risk: 0, overdue: 1 });
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
          ...(ranges.length ? { pauses: ranges.map((r): PauseDays => [r.first, r.end]) } : {}),
        };
        const ctx: FigureContext = { today: '2026-11-26', index, promisedDays: new Map() };
        expect(computeDashboard([fact], { from: null, to: null, halls: [] }, ctx).durations.all.mean).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
