// The case screens' deadline: the promised date, 暂定, paused, and 正常 / 临期 / 已超期 by Beijing day.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarYear, type CalendarYear } from '../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { caseDeadline, matchesDeadlineFilter, type DeadlineInputView } from '../../../renderer/features/cases/deadline';

const year = (y: number): CalendarYear => {
  const r = parseCalendarYear(JSON.parse(readFileSync(new URL(`../../../resources/calendar/${y}.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const calendar = new WorkingCalendar([year(2026)]);
// Wednesday 2026-11-25, 10:00 in Beijing; five working days end on Wednesday 2026-12-02.
const view = (over: Partial<DeadlineInputView> = {}): DeadlineInputView => ({ state: 'in_review', receivedAt: '2026-11-25T02:00:00.000Z', promisedDays: 5, pauses: [], ...over });
const at = (iso: string) => new Date(iso);

describe('caseDeadline', () => {
  it('counts from the day after acceptance and says how the case stands', () => {
    expect(caseDeadline(view(), calendar, undefined, at('2026-11-25T06:00:00Z'))).toEqual({ dueDate: '2026-12-02', provisional: false, paused: false, remaining: 5, risk: 'ok' });
    expect(caseDeadline(view(), calendar, undefined, at('2026-11-30T02:00:00Z'))).toMatchObject({ remaining: 2, risk: 'at_risk' });
    expect(caseDeadline(view(), calendar, undefined, at('2026-12-02T15:59:00Z'))).toMatchObject({ remaining: 0, risk: 'at_risk' });
    // 2026-12-03 00:00 in Beijing is still 2026-12-02 in UTC: the Beijing day decides.
    expect(caseDeadline(view(), calendar, undefined, at('2026-12-02T16:00:00Z'))).toMatchObject({ risk: 'overdue' });
  });

  it('gives no risk once the home hall decided or the case was withdrawn', () => {
    for (const state of ['approved', 'certificate_issued', 'printed', 'delivered', 'rejected', 'withdrawn'] as const) {
      expect(caseDeadline(view({ state }), calendar, undefined, at('2026-12-20T02:00:00Z'))).toEqual({ dueDate: '2026-12-02', provisional: false, paused: false, remaining: null, risk: null });
    }
  });

  it('stops the clock while the applicant corrects, and moves the date by the days waited', () => {
    const open = caseDeadline(view({ state: 'needs_correction', pauses: [{ from: '2026-11-26T03:00:00Z' }] }), calendar, undefined, at('2026-12-10T02:00:00Z'));
    expect(open).toMatchObject({ dueDate: null, paused: true, remaining: 5, risk: 'ok' });
    const closed = caseDeadline(view({ pauses: [{ from: '2026-11-26T03:00:00Z', to: '2026-11-30T03:00:00Z' }] }), calendar, undefined, at('2026-11-30T04:00:00Z'));
    // 11-26 and 11-27 did not count; 11-30, 12-01, 12-02, 12-03, 12-04 did.
    expect(closed).toMatchObject({ dueDate: '2026-12-04', paused: false });
  });

  it('marks a date counted over a year without the official schedule as provisional', () => {
    const d = caseDeadline(view({ receivedAt: '2026-12-28T02:00:00Z', promisedDays: 5 }), calendar, undefined, at('2026-12-28T03:00:00Z'));
    expect(d).toMatchObject({ dueDate: '2027-01-05', provisional: true });
  });

  it('falls back to the catalog for the promised days, and to nothing without them', () => {
    const { promisedDays: _omit, ...noDays } = view();
    expect(caseDeadline(noDays, calendar, 3, at('2026-11-25T06:00:00Z'))?.dueDate).toBe('2026-11-30');
    expect(caseDeadline(noDays, calendar, undefined, at('2026-11-25T06:00:00Z'))).toBeNull();
  });
});

describe('matchesDeadlineFilter', () => {
  const d = (risk: 'ok' | 'at_risk' | 'overdue' | null) => ({ dueDate: '2026-12-02', provisional: false, paused: false, remaining: 0, risk });
  it('keeps at-risk, overdue, or both', () => {
    expect(matchesDeadlineFilter('at_risk', d('at_risk'))).toBe(true);
    expect(matchesDeadlineFilter('at_risk', d('overdue'))).toBe(false);
    expect(matchesDeadlineFilter('overdue', d('overdue'))).toBe(true);
    expect(matchesDeadlineFilter('late', d('at_risk'))).toBe(true);
    expect(matchesDeadlineFilter('late', d('overdue'))).toBe(true);
    expect(matchesDeadlineFilter('late', d('ok'))).toBe(false);
    expect(matchesDeadlineFilter('late', d(null))).toBe(false);
    expect(matchesDeadlineFilter('late', null)).toBe(false);
  });
});
