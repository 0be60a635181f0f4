// Case deadlines: acceptance day not counted, pauses for the applicant's correction, risk levels.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../../shared/calendar/working-days';

const load = (year: number) =>
  calendarYearSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../../../resources/calendar/${year}.json`, import.meta.url), 'utf8'),
    ),
  );
const cal = new WorkingCalendar([load(2025), load(2026), load(2027)]);

// Accepted Monday 2026-03-02 at 10:00 Beijing time, promised 5 working days:
// Tue 03 (1), Wed 04 (2), Thu 05 (3), Fri 06 (4), Mon 09 (5).
const base = { acceptedAt: '2026-03-02T10:00:00+08:00', promisedDays: 5 };

describe('computeDeadline without pauses', () => {
  it('ends on the N-th working day after the day of acceptance', () => {
    expect(cal.computeDeadline(base)).toEqual({
      acceptedOn: '2026-03-02',
      promisedDays: 5,
      dueDate: '2026-03-09',
      paused: false,
      countedDays: ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'],
      waitingDays: [],
      provisional: false,
    });
  });

  it('takes the day of acceptance in Beijing time, whatever zone the instant is written in', () => {
    // 2026-03-05T15:59:59Z is Thursday 23:59:59 in Beijing; one second later it is Friday.
    const thu = cal.computeDeadline({ acceptedAt: '2026-03-05T15:59:59Z', promisedDays: 1 });
    const fri = cal.computeDeadline({ acceptedAt: '2026-03-05T16:00:00Z', promisedDays: 1 });
    expect([thu.acceptedOn, thu.dueDate]).toEqual(['2026-03-05', '2026-03-06']);
    expect([fri.acceptedOn, fri.dueDate]).toEqual(['2026-03-06', '2026-03-09']);
    const asDate = cal.computeDeadline({ ...base, acceptedAt: new Date(Date.UTC(2026, 2, 2, 2)) });
    expect(asDate).toEqual(cal.computeDeadline(base));
  });

  it('counts an acceptance on a holiday from the holiday: accepted 2026-10-03 (off), 1 day → 10-08', () => {
    const d = cal.computeDeadline({ acceptedAt: '2026-10-03T09:00:00+08:00', promisedDays: 1 });
    expect(d.dueDate).toBe('2026-10-08');
  });

  it('is due on the day of acceptance for a promise of 0 days (即办件)', () => {
    const d = cal.computeDeadline({ ...base, promisedDays: 0 });
    expect(d.dueDate).toBe('2026-03-02');
    expect(d.countedDays).toEqual([]);
    expect(cal.riskLevel(d, '2026-03-02T17:00:00+08:00')).toBe('at_risk');
    expect(cal.riskLevel(d, '2026-03-03T09:00:00+08:00')).toBe('overdue');
  });

  it('is provisional when the count walks into a year without the official schedule', () => {
    const d = cal.computeDeadline({ acceptedAt: '2026-12-28T09:00:00+08:00', promisedDays: 5 });
    expect(d.dueDate).toBe('2027-01-05');
    expect(d.provisional).toBe(true);
    const inside = cal.computeDeadline({
      acceptedAt: '2026-12-21T09:00:00+08:00',
      promisedDays: 5,
    });
    expect(inside.dueDate).toBe('2026-12-28');
    expect(inside.provisional).toBe(false);
  });

  it('refuses a negative or fractional promise and an instant without a zone', () => {
    expect(() => cal.computeDeadline({ ...base, promisedDays: -1 })).toThrow(RangeError);
    expect(() => cal.computeDeadline({ ...base, promisedDays: 2.5 })).toThrow(RangeError);
    expect(() => cal.computeDeadline({ ...base, acceptedAt: '2026-03-02T10:00:00' })).toThrow(
      RangeError,
    );
  });
});

describe('pauses (the rule: a working day counts unless the case was waiting at its end, Beijing time)', () => {
  const due = (pauses: { from: string; to?: string | null }[]) =>
    cal.computeDeadline({ ...base, pauses });

  it('a pause that starts and ends on the same day removes nothing', () => {
    const d = due([{ from: '2026-03-04T09:00:00+08:00', to: '2026-03-04T16:00:00+08:00' }]);
    expect(d.dueDate).toBe('2026-03-09');
    expect(d.waitingDays).toEqual([]);
  });

  it('a multi-day pause removes the request day up to the day before the resubmission', () => {
    // Requested Wed 03-04 15:00, resubmitted Fri 03-06 10:00: Wed and Thu do not count, Fri does.
    const d = due([{ from: '2026-03-04T15:00:00+08:00', to: '2026-03-06T10:00:00+08:00' }]);
    expect(d.waitingDays).toEqual(['2026-03-04', '2026-03-05']);
    expect(d.countedDays).toEqual([
      '2026-03-03',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
    ]);
    expect(d.dueDate).toBe('2026-03-11');
  });

  it('a pause over midnight removes the day it started on', () => {
    const d = due([{ from: '2026-03-04T23:59:59+08:00', to: '2026-03-05T00:00:01+08:00' }]);
    expect(d.waitingDays).toEqual(['2026-03-04']);
    expect(d.dueDate).toBe('2026-03-10');
  });

  it('at exactly midnight the instant belongs to the day it opens', () => {
    // Resubmitted at 00:00:00 of Thursday: still waiting when Wednesday ended.
    expect(
      due([{ from: '2026-03-04T15:00:00+08:00', to: '2026-03-05T00:00:00+08:00' }]).waitingDays,
    ).toEqual(['2026-03-04']);
    // Requested at 00:00:00 of Thursday: Wednesday ended before it.
    expect(
      due([{ from: '2026-03-05T00:00:00+08:00', to: '2026-03-05T12:00:00+08:00' }]).waitingDays,
    ).toEqual([]);
  });

  it('reads the pause’s instants in Beijing time', () => {
    // 2026-03-03T16:30Z is Wednesday 00:30 in Beijing: Tuesday is not touched.
    const d = due([{ from: '2026-03-03T16:30:00Z', to: '2026-03-05T02:00:00Z' }]);
    expect(d.waitingDays).toEqual(['2026-03-04']);
  });

  it('a pause spanning the Spring Festival removes only the working days inside it', () => {
    // Accepted Tue 2026-02-10, 5 days: without a pause 02-11, 12, 13, 14 (Sat, worked), 24.
    const plain = cal.computeDeadline({ acceptedAt: '2026-02-10T09:00:00+08:00', promisedDays: 5 });
    expect(plain.dueDate).toBe('2026-02-24');
    // Waiting from Thu 02-12 14:00 to Wed 02-25 09:00.
    const d = cal.computeDeadline({
      acceptedAt: '2026-02-10T09:00:00+08:00',
      promisedDays: 5,
      pauses: [{ from: '2026-02-12T14:00:00+08:00', to: '2026-02-25T09:00:00+08:00' }],
    });
    expect(d.waitingDays).toEqual(['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24']);
    expect(d.countedDays).toEqual([
      '2026-02-11',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
    expect(d.dueDate).toBe('2026-02-28');
  });

  it('overlapping pauses remove the union of their days', () => {
    const d = due([
      { from: '2026-03-04T15:00:00+08:00', to: '2026-03-06T10:00:00+08:00' },
      { from: '2026-03-05T09:00:00+08:00', to: '2026-03-09T11:00:00+08:00' },
    ]);
    expect(d.waitingDays).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(d.dueDate).toBe('2026-03-12');
  });

  it('a pause before acceptance removes nothing from the count', () => {
    const d = due([{ from: '2026-02-27T10:00:00+08:00', to: '2026-03-03T08:00:00+08:00' }]);
    expect(d.dueDate).toBe('2026-03-09');
  });

  it('an open pause stops the clock: no due date, the remainder frozen', () => {
    const d = due([{ from: '2026-03-04T15:00:00+08:00' }]);
    expect(d).toMatchObject({ dueDate: null, paused: true, countedDays: ['2026-03-03'] });
    expect(cal.usedWorkingDays(d, '2026-03-31T12:00:00+08:00')).toBe(1);
    expect(cal.remainingWorkingDays(d, '2026-03-31T12:00:00+08:00')).toBe(4);
    expect(cal.riskLevel(d, '2026-03-31T12:00:00+08:00')).toBe('ok');
    expect(due([{ from: '2026-03-04T15:00:00+08:00', to: null }])).toEqual(d);
  });

  it('an open pause with two days left is at risk: they are all the hall will have', () => {
    const d = cal.computeDeadline({
      ...base,
      promisedDays: 3,
      pauses: [{ from: '2026-03-04T15:00:00+08:00' }],
    });
    expect(cal.remainingWorkingDays(d, '2026-03-20T12:00:00+08:00')).toBe(2);
    expect(cal.riskLevel(d, '2026-03-20T12:00:00+08:00')).toBe('at_risk');
  });

  it('once the open pause closes, the days counted before it stay counted and a due date appears', () => {
    const open = due([{ from: '2026-03-04T15:00:00+08:00' }]);
    const closed = due([{ from: '2026-03-04T15:00:00+08:00', to: '2026-03-06T10:00:00+08:00' }]);
    expect(closed.countedDays.slice(0, open.countedDays.length)).toEqual(open.countedDays);
    expect(closed).toMatchObject({ paused: false, dueDate: '2026-03-11' });
  });

  it('a pause opened after the due date does not stop a clock that already ran out', () => {
    const d = cal.computeDeadline({
      ...base,
      promisedDays: 2,
      pauses: [{ from: '2026-03-06T09:00:00+08:00' }],
    });
    expect(d).toMatchObject({ dueDate: '2026-03-04', paused: false });
    expect(cal.riskLevel(d, '2026-03-10T09:00:00+08:00')).toBe('overdue');
  });

  it('refuses a pause that ends before it begins', () => {
    expect(() =>
      due([{ from: '2026-03-05T10:00:00+08:00', to: '2026-03-05T09:00:00+08:00' }]),
    ).toThrow(RangeError);
  });
});

describe('used and remaining working days, and the risk level', () => {
  const d = cal.computeDeadline(base); // due Mon 2026-03-09
  const at = (day: string, time = '12:00:00') => `${day}T${time}+08:00`;

  it.each([
    ['2026-03-01', 0, 5, 'ok'], // before acceptance
    ['2026-03-02', 0, 5, 'ok'], // the day of acceptance does not count
    ['2026-03-04', 2, 3, 'ok'],
    ['2026-03-05', 3, 2, 'at_risk'],
    ['2026-03-06', 4, 1, 'at_risk'],
    ['2026-03-07', 4, 1, 'at_risk'], // Saturday: nothing spent, Monday is still ahead
    ['2026-03-09', 5, 0, 'at_risk'], // due today
    ['2026-03-10', 5, 0, 'overdue'],
  ] as const)('on %s: used %i, remaining %i, %s', (day, used, remaining, risk) => {
    expect(cal.usedWorkingDays(d, at(day))).toBe(used);
    expect(cal.remainingWorkingDays(d, at(day))).toBe(remaining);
    expect(cal.riskLevel(d, at(day))).toBe(risk);
  });

  it('turns overdue at midnight Beijing time after the due date', () => {
    expect(cal.riskLevel(d, at('2026-03-09', '23:59:59'))).toBe('at_risk');
    expect(cal.riskLevel(d, at('2026-03-10', '00:00:00'))).toBe('overdue');
    expect(cal.riskLevel(d, '2026-03-09T16:00:00Z')).toBe('overdue');
  });

  it('counts the working days lost after the due date', () => {
    expect(cal.overdueWorkingDays(d, at('2026-03-09'))).toBe(0);
    expect(cal.overdueWorkingDays(d, at('2026-03-10'))).toBe(1);
    expect(cal.overdueWorkingDays(d, at('2026-03-14'))).toBe(4);
    const friday = cal.computeDeadline({ ...base, promisedDays: 4 }); // due Fri 03-06
    expect(cal.riskLevel(friday, at('2026-03-07'))).toBe('overdue');
    expect(cal.overdueWorkingDays(friday, at('2026-03-07'))).toBe(0);
  });

  it('counts an at-risk window across a holiday in working days, not calendar days', () => {
    // Due Tue 2026-02-24 (accepted 02-10, 5 days); on Fri 02-13 two working days remain: 02-14, 02-24.
    const spring = cal.computeDeadline({
      acceptedAt: '2026-02-10T09:00:00+08:00',
      promisedDays: 5,
    });
    expect(cal.remainingWorkingDays(spring, at('2026-02-13'))).toBe(2);
    expect(cal.riskLevel(spring, at('2026-02-12'))).toBe('ok');
    expect(cal.riskLevel(spring, at('2026-02-13'))).toBe('at_risk');
  });
});
