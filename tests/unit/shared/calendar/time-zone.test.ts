// The calendar gives the same answers whatever the machine's time zone: a counter in any setting,
// a hub on a UTC server. The zone is switched inside the process and the switch is checked to
// have taken effect (getTimezoneOffset changes) before the results are compared.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../../shared/calendar/calendar-data';
import { WorkingCalendar, beijingDay } from '../../../../shared/calendar/working-days';

const load = (year: number) =>
  calendarYearSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../../../resources/calendar/${year}.json`, import.meta.url), 'utf8'),
    ),
  );

function snapshot() {
  const cal = new WorkingCalendar([load(2025), load(2026), load(2027)]);
  const deadline = cal.computeDeadline({
    acceptedAt: '2026-02-10T23:30:00+08:00',
    promisedDays: 5,
    pauses: [{ from: '2026-02-12T14:00:00+08:00', to: '2026-02-25T00:30:00+08:00' }],
  });
  return {
    days: [
      '2025-01-26',
      '2025-10-08',
      '2026-02-14',
      '2026-03-08',
      '2026-03-09',
      '2026-10-10',
      '2027-02-05',
      '2027-10-04',
      '2028-05-02',
      '2028-12-31',
    ].map((d) => [d, cal.isWorkingDay(d), cal.describe(d).kind]),
    added: [1, 2, 5, 20, 60].map((n) => cal.addWorkingDays('2026-02-13', n)),
    yearEnd: cal.addWorkingDays('2026-12-28', 5),
    between: cal.workingDaysBetween('2025-09-26', '2026-10-12'),
    instants: [
      new Date(Date.UTC(2026, 0, 1, 15, 59, 59)),
      new Date(Date.UTC(2026, 0, 1, 16)),
      '2026-07-01T00:00:00Z',
      '2026-07-01T00:00:00-10:00',
      '2026-12-31T23:59:59+14:00',
    ].map((t) => beijingDay(t)),
    deadline,
    risk: ['2026-02-26T10:00:00+08:00', '2026-03-01T10:00:00+08:00'].map((t) => [
      cal.remainingWorkingDays(deadline, t),
      cal.riskLevel(deadline, t),
    ]),
  };
}

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

// Offsets in January 2026, as getTimezoneOffset reports them (minutes behind UTC).
const ZONES: [string, number][] = [
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
  ['Pacific/Pago_Pago', 660],
  ['Asia/Kathmandu', -345],
  ['Europe/London', 0],
];

describe('time-zone independence', () => {
  process.env.TZ = 'UTC';
  const baseline = snapshot();

  it('the baseline holds the expected answers', () => {
    expect(baseline.added).toEqual([
      '2026-02-14',
      '2026-02-24',
      '2026-02-27',
      '2026-03-19',
      '2026-05-19',
    ]);
    expect(baseline.yearEnd).toBe('2027-01-05');
    expect(baseline.instants).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-07-01',
      '2026-07-01',
      '2026-12-31',
    ]);
    expect(baseline.deadline.dueDate).toBe('2026-02-28');
  });

  it.each(ZONES)('in %s (offset %i) every answer is the same', (zone, offset) => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(offset);
    expect(snapshot()).toEqual(baseline);
  });
});
