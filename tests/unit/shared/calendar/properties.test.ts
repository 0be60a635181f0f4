// Properties of the working-day arithmetic and the deadline rule, over random dates and pauses.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../../shared/calendar/calendar-data';
import { WorkingCalendar, beijingDay } from '../../../../shared/calendar/working-days';

const load = (year: number) =>
  calendarYearSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../../../resources/calendar/${year}.json`, import.meta.url), 'utf8'),
    ),
  );
const cal = new WorkingCalendar([load(2025), load(2026), load(2027)]);

const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
// 2024 (no data) to 2029 (no data), so official, provisional and fallback years all come up.
const dayArb = fc.integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2029, 11, 31) / DAY });
const dateArb = dayArb.map(iso);
const nArb = fc.integer({ min: 0, max: 80 });
const runs = { numRuns: 400 };

describe('addWorkingDays and workingDaysBetween', () => {
  it('the n-th working day after d is a working day (n ≥ 1)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 80 }), (d, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(d, n))).toBe(true);
      }),
      runs,
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
      runs,
    );
  });

  it('is strictly increasing in n and composes: add(add(d, a), b) === add(d, a + b)', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, (d, a, b) => {
        expect(cal.addWorkingDays(d, a + 1) > cal.addWorkingDays(d, a)).toBe(true);
        expect(cal.addWorkingDays(cal.addWorkingDays(d, a), b)).toBe(cal.addWorkingDays(d, a + b));
      }),
      runs,
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b)).toBe(-cal.workingDaysBetween(b, a) || 0);
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(
          cal.workingDaysBetween(a, c),
        );
      }),
      runs,
    );
  });

  it('a year without data is Monday to Friday minus Jan 1, May 1–2 and Oct 1–3', () => {
    const fixed = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2028, 0, 1) / DAY, max: Date.UTC(2040, 11, 31) / DAY }),
        (day) => {
          const d = iso(day);
          const weekday = new Date(day * DAY).getUTCDay();
          const expected = weekday !== 0 && weekday !== 6 && !fixed.has(d.slice(5));
          expect(cal.isWorkingDay(d)).toBe(expected);
          expect(cal.describe(d).coverage).toBe('fallback');
        },
      ),
      runs,
    );
  });
});

// An instant in ms between 2025 and the end of 2027, and pauses near it.
const instantArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
const pauseArb = (start: number) =>
  fc
    .record({
      offset: fc.integer({ min: -5 * DAY, max: 40 * DAY }),
      length: fc.integer({ min: 0, max: 20 * DAY }),
    })
    .map(({ offset, length }) => ({
      from: new Date(start + offset).toISOString(),
      to: new Date(start + offset + length).toISOString(),
    }));

describe('computeDeadline', () => {
  it('without pauses is addWorkingDays from the Beijing day of acceptance', () => {
    fc.assert(
      fc.property(instantArb, nArb, (t, n) => {
        const acceptedAt = new Date(t).toISOString();
        const d = cal.computeDeadline({ acceptedAt, promisedDays: n });
        expect(d.dueDate).toBe(cal.addWorkingDays(beijingDay(acceptedAt), n));
        expect(d.countedDays).toHaveLength(n);
        expect(d.provisional).toBe(
          n > 0 &&
            cal.isRangeProvisional(
              iso(Date.parse(`${d.acceptedOn}T00:00:00Z`) / DAY + 1),
              d.dueDate!,
            ),
        );
      }),
      runs,
    );
  });

  it('closed pauses split the working days up to the due date into counted and waiting', () => {
    fc.assert(
      fc.property(
        instantArb.chain((t) =>
          fc.tuple(fc.constant(t), nArb, fc.array(pauseArb(t), { maxLength: 4 })),
        ),
        ([t, n, pauses]) => {
          const acceptedAt = new Date(t).toISOString();
          const d = cal.computeDeadline({ acceptedAt, promisedDays: n, pauses });
          const plain = cal.computeDeadline({ acceptedAt, promisedDays: n });
          expect(d.paused).toBe(false);
          expect(d.countedDays).toHaveLength(n);
          expect(d.dueDate! >= plain.dueDate!).toBe(true);
          // Each day is waiting exactly when some pause began on or before it and ended after it.
          const covered = (day: string) =>
            pauses.some((p) => beijingDay(p.from) <= day && day < beijingDay(p.to));
          for (const day of d.countedDays) expect(covered(day), day).toBe(false);
          for (const day of d.waitingDays) expect(covered(day), day).toBe(true);
          // Together they are every working day after acceptance up to the due date.
          const all: string[] = [];
          for (let day = d.acceptedOn; day < d.dueDate!;) {
            day = cal.addWorkingDays(day, 1);
            all.push(day);
          }
          expect([...d.countedDays, ...d.waitingDays].sort()).toEqual(n === 0 ? [] : all);
        },
      ),
      runs,
    );
  });

  it('pauses that begin and end on the same Beijing day never move the due date', () => {
    fc.assert(
      fc.property(
        instantArb,
        nArb,
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: DAY - 1 }),
            fc.integer({ min: 0, max: DAY - 1 }),
          ),
          { maxLength: 4 },
        ),
        (t, n, raw) => {
          const acceptedAt = new Date(t).toISOString();
          // Beijing midnight of the acceptance day plus k days, then two times inside that day.
          const midnight = Math.floor((t + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
          const pauses = raw.map(([k, a, b]) => ({
            from: new Date(midnight + k * DAY + Math.min(a, b)).toISOString(),
            to: new Date(midnight + k * DAY + Math.max(a, b)).toISOString(),
          }));
          const d = cal.computeDeadline({ acceptedAt, promisedDays: n, pauses });
          expect(d.dueDate).toBe(cal.computeDeadline({ acceptedAt, promisedDays: n }).dueDate);
          expect(d.waitingDays).toEqual([]);
        },
      ),
      runs,
    );
  });

  it('remaining working days fall by one per working day and reach 0 on the due date', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 30 }), (t, n) => {
        const d = cal.computeDeadline({ acceptedAt: new Date(t).toISOString(), promisedDays: n });
        const noon = (day: string) => `${day}T12:00:00+08:00`;
        expect(cal.remainingWorkingDays(d, noon(d.acceptedOn))).toBe(n);
        expect(cal.remainingWorkingDays(d, noon(d.dueDate!))).toBe(0);
        for (const [i, day] of d.countedDays.entries()) {
          expect(cal.remainingWorkingDays(d, noon(day))).toBe(n - i - 1);
        }
      }),
      runs,
    );
  });
});

describe('beijingDay', () => {
  it('gives the same day for one instant written in any zone offset', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: -12 * 4, max: 14 * 4 }), (t, quarters) => {
        const offsetMin = quarters * 15;
        const local = new Date(t + offsetMin * 60_000).toISOString().slice(0, 19);
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(beijingDay(`${local}${zone}`)).toBe(beijingDay(new Date(t)));
        expect(beijingDay(new Date(t))).toBe(
          new Date(t + 8 * 3_600_000).toISOString().slice(0, 10),
        );
      }),
      runs,
    );
  });
});
