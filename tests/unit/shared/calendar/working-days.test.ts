// Working-day arithmetic across the long holidays, adjusted Saturdays, year ends and years without data.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarYearSchema, type CalendarYear } from '../../../../shared/calendar/calendar-data';
import { WorkingCalendar, beijingDay } from '../../../../shared/calendar/working-days';

const load = (year: number) =>
  calendarYearSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../../../resources/calendar/${year}.json`, import.meta.url), 'utf8'),
    ),
  );
const cal = new WorkingCalendar([load(2025), load(2026), load(2027)]);

describe('addWorkingDays', () => {
  it('does not count the start day, and n = 0 gives the start back', () => {
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(cal.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
  });

  it('crosses the 2026 Spring Festival, counting the adjusted Saturdays before and after it', () => {
    // Fri 02-13 → Sat 02-14 (worked) → 02-15…02-23 off → 02-24, 25, 26, 27 → Sat 02-28 (worked).
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(cal.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(cal.addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('crosses the 2025 Spring Festival from the worked Sunday before it', () => {
    // Fri 01-24 → Sun 01-26 (worked) → Mon 01-27 → 01-28…02-04 off → Wed 02-05.
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(cal.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
  });

  it('crosses the 2025 National Day and Mid-Autumn (8 days) with both worked weekend days', () => {
    expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-26', 6)).toBe('2025-10-11');
    expect(cal.addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
  });

  it('crosses the 2026 National Day onto its worked Saturday', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('crosses the year end into the provisional 2027', () => {
    // Mon 2026-12-28 → 29, 30, 31 → 2027-01-01 off (statutory) → Mon 01-04, Tue 01-05.
    expect(cal.addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
    expect(cal.isRangeProvisional('2026-12-28', '2027-01-05')).toBe(true);
    expect(cal.isRangeProvisional('2026-03-02', '2026-12-31')).toBe(false);
  });

  it('crosses into 2028, a year without data, on weekends and fixed-date holidays only', () => {
    // Fri 2028-04-28 → weekend → Mon 05-01 and Tue 05-02 (劳动节, fixed) → Wed 05-03, Thu 05-04.
    expect(cal.addWorkingDays('2028-04-28', 2)).toBe('2028-05-04');
    expect(cal.describe('2028-05-02')).toMatchObject({
      working: false,
      name: '劳动节',
      coverage: 'fallback',
    });
    expect(cal.describe('2028-10-03')).toMatchObject({ working: false, name: '国庆节' });
    expect(cal.isWorkingDay('2028-10-04')).toBe(true);
    expect(cal.isProvisional(2028)).toBe(true);
  });

  it('refuses a negative or fractional count and a malformed date', () => {
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-3-2', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b]: a excluded, b included', () => {
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-03')).toBe(1);
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
  });

  it('is negative when b is before a', () => {
    expect(cal.workingDaysBetween('2026-02-28', '2026-02-13')).toBe(-6);
    expect(Object.is(cal.workingDaysBetween('2026-03-08', '2026-03-06'), 0)).toBe(true);
  });
});

describe('fallback rule', () => {
  const empty = new WorkingCalendar([]);
  it('knows weekends and the fixed-date statutory holidays, nothing lunar', () => {
    expect(empty.isWorkingDay('2026-01-01')).toBe(false);
    expect(empty.isWorkingDay('2026-02-17')).toBe(true); // 春节 is lunar: unknowable without data
    expect(empty.isWorkingDay('2026-10-02')).toBe(false);
    expect(empty.isWorkingDay('2026-10-10')).toBe(false); // an adjusted Saturday is unknowable too
    expect(empty.describe('2026-03-02')).toMatchObject({ kind: 'workday', coverage: 'fallback' });
  });
  it('gives Labour Day its second day only from 2025 (国务院令第795号)', () => {
    expect(empty.isWorkingDay('2024-05-02')).toBe(true);
    expect(empty.isWorkingDay('2025-05-02')).toBe(false);
  });
});

describe('WorkingCalendar construction', () => {
  const year = (y: number, extra: Partial<CalendarYear> = {}): CalendarYear => ({
    year: y,
    source: { title: 't', docNo: 'd', published: `${y - 1}-11-01` },
    provisional: false,
    holidays: [],
    workdays: [],
    ...extra,
  });
  it('refuses the same year twice', () => {
    expect(() => new WorkingCalendar([year(2026), year(2026)])).toThrow(/2026/);
  });
  it('refuses two years that disagree about a shared December day', () => {
    const a = year(2025, { workdays: [{ name: 'x', dates: ['2025-12-27'] }] });
    const b = year(2026, { holidays: [{ name: '元旦', dates: ['2025-12-27'] }] });
    expect(() => new WorkingCalendar([a, b])).toThrow(/2025-12-27/);
  });
  it('lists its years', () => {
    expect(cal.years).toEqual([2025, 2026, 2027]);
  });
});

describe('beijingDay', () => {
  it('turns an instant into the UTC+8 calendar day', () => {
    expect(beijingDay(new Date(Date.UTC(2026, 0, 1, 15, 59, 59, 999)))).toBe('2026-01-01');
    expect(beijingDay(new Date(Date.UTC(2026, 0, 1, 16, 0, 0)))).toBe('2026-01-02');
    expect(beijingDay('2025-12-31T16:00:00Z')).toBe('2026-01-01');
    expect(beijingDay('2026-01-01T00:00:00+08:00')).toBe('2026-01-01');
    expect(beijingDay('2026-01-01T23:59:59+08:00')).toBe('2026-01-01');
    expect(beijingDay('2026-01-01T11:30:00-05:00')).toBe('2026-01-02');
    expect(beijingDay('2026-01-01T10:00+08:00')).toBe('2026-01-01');
    expect(beijingDay('2026-06-30T15:59:59.999999Z')).toBe('2026-06-30');
  });

  it('refuses an instant without a zone, a malformed one and an invalid Date', () => {
    expect(() => beijingDay('2026-01-01T10:00:00')).toThrow(RangeError);
    expect(() => beijingDay('2026-01-01')).toThrow(RangeError);
    expect(() => beijingDay('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => beijingDay('yesterday')).toThrow(RangeError);
    expect(() => beijingDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
