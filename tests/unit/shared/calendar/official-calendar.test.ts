// Every holiday and adjusted workday of the shipped years, checked against the notices' own words.
//
// The expectations below are typed again from the State Council notices (dates and the weekdays
// the notices print beside them), independently of resources/calendar, so a typo in either shows.

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
const data = [load(2025), load(2026), load(2027)];
const cal = new WorkingCalendar(data);

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (d: string) => WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()];
const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

interface Notice {
  /** [name, first day, its weekday, last day, its weekday] as the notice prints them. */
  holidays: [string, string, string, string, string][];
  /** [date, weekday] of each 上班 day. */
  workdays: [string, string][];
}

// 国办发明电〔2024〕12号, 2024-11-12.
const NOTICE_2025: Notice = {
  holidays: [
    ['元旦', '2025-01-01', '三', '2025-01-01', '三'],
    ['春节', '2025-01-28', '二', '2025-02-04', '二'],
    ['清明节', '2025-04-04', '五', '2025-04-06', '日'],
    ['劳动节', '2025-05-01', '四', '2025-05-05', '一'],
    ['端午节', '2025-05-31', '六', '2025-06-02', '一'],
    ['国庆节、中秋节', '2025-10-01', '三', '2025-10-08', '三'],
  ],
  workdays: [
    ['2025-01-26', '日'],
    ['2025-02-08', '六'],
    ['2025-04-27', '日'],
    ['2025-09-28', '日'],
    ['2025-10-11', '六'],
  ],
};

// 国办发明电〔2025〕7号, 2025-11-04.
const NOTICE_2026: Notice = {
  holidays: [
    ['元旦', '2026-01-01', '四', '2026-01-03', '六'],
    ['春节', '2026-02-15', '日', '2026-02-23', '一'],
    ['清明节', '2026-04-04', '六', '2026-04-06', '一'],
    ['劳动节', '2026-05-01', '五', '2026-05-05', '二'],
    ['端午节', '2026-06-19', '五', '2026-06-21', '日'],
    ['中秋节', '2026-09-25', '五', '2026-09-27', '日'],
    ['国庆节', '2026-10-01', '四', '2026-10-07', '三'],
  ],
  workdays: [
    ['2026-01-04', '日'],
    ['2026-02-14', '六'],
    ['2026-02-28', '六'],
    ['2026-05-09', '六'],
    ['2026-09-20', '日'],
    ['2026-10-10', '六'],
  ],
};

// Provisional: 全国年节及纪念日放假办法 art. 2 (2024 revision) with the 2027 lunar and solar-term
// dates looked up: 除夕 Feb 5 (腊月廿九, a short month), 正月初一 Feb 6, 清明 Apr 5, 端午 Jun 9,
// 中秋 Sep 15. (ICU's Chinese calendar puts 初一 on Feb 7: the new moon falls at 23:56 Beijing
// time on Feb 6, within its approximation error, which is why these dates are data, not code.)
const LAW_2027: Notice = {
  holidays: [
    ['元旦', '2027-01-01', '五', '2027-01-01', '五'],
    ['春节', '2027-02-05', '五', '2027-02-08', '一'],
    ['清明节', '2027-04-05', '一', '2027-04-05', '一'],
    ['劳动节', '2027-05-01', '六', '2027-05-02', '日'],
    ['端午节', '2027-06-09', '三', '2027-06-09', '三'],
    ['中秋节', '2027-09-15', '三', '2027-09-15', '三'],
    ['国庆节', '2027-10-01', '五', '2027-10-03', '日'],
  ],
  workdays: [],
};

describe.each([
  [2025, NOTICE_2025],
  [2026, NOTICE_2026],
  [2027, LAW_2027],
])('%i', (year, notice) => {
  const file = data.find((d) => d.year === year)!;

  it('the weekdays the notice prints match the dates', () => {
    for (const [, from, fromDay, to, toDay] of notice.holidays) {
      expect(weekdayOf(from), from).toBe(fromDay);
      expect(weekdayOf(to), to).toBe(toDay);
    }
    for (const [date, day] of notice.workdays) expect(weekdayOf(date), date).toBe(day);
  });

  it('the data file lists exactly the notice’s holidays and workdays, under its names', () => {
    expect(file.holidays.map((h) => [h.name, h.dates])).toEqual(
      notice.holidays.map(([name, from, , to]) => [name, span(from, to)]),
    );
    expect(file.workdays.flatMap((w) => w.dates).sort()).toEqual(
      notice.workdays.map(([d]) => d).sort(),
    );
  });

  it('every holiday is a day off and every adjusted workday a working day', () => {
    for (const [name, from, , to] of notice.holidays) {
      for (const d of span(from, to)) {
        expect(cal.isWorkingDay(d), d).toBe(false);
        expect(cal.describe(d)).toMatchObject({ kind: 'holiday', name, working: false });
      }
    }
    for (const [d] of notice.workdays) {
      expect(cal.isWorkingDay(d), d).toBe(true);
      expect(cal.describe(d).kind).toBe('adjusted_workday');
    }
  });

  it('every other day of the year is a working day exactly when it is Monday to Friday', () => {
    const off = new Set(notice.holidays.flatMap(([, from, , to]) => span(from, to)));
    const on = new Set(notice.workdays.map(([d]) => d));
    for (const d of span(`${year}-01-01`, `${year}-12-31`)) {
      if (off.has(d) || on.has(d)) continue;
      const weekend = weekdayOf(d) === '六' || weekdayOf(d) === '日';
      expect(cal.isWorkingDay(d), d).toBe(!weekend);
    }
  });

  it('has the coverage its file declares', () => {
    expect(cal.coverage(year)).toBe(year === 2027 ? 'provisional' : 'official');
    expect(cal.isProvisional(year)).toBe(year === 2027);
  });
});

describe('real facts', () => {
  it('2025-01-26 (Sunday) and 2025-02-08 (Saturday) are working days', () => {
    expect(cal.describe('2025-01-26')).toMatchObject({
      working: true,
      kind: 'adjusted_workday',
      name: '春节调休',
    });
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
  });

  it('2025-10-08 (Wednesday) is a holiday, the eighth day of the merged National Day', () => {
    expect(cal.describe('2025-10-08')).toMatchObject({ working: false, name: '国庆节、中秋节' });
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('2026 National Day runs 10-01 to 10-07 with 09-20 and 10-10 worked', () => {
    for (const d of span('2026-10-01', '2026-10-07')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-09-30')).toBe(true);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('2026 Spring Festival starts on 腊月二十八 (02-15) and 02-24 is back at work', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-15')).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
  });

  // 365 days − 104 weekend days − weekday holidays + adjusted workdays, counted by hand:
  // 2025: 18 weekday holidays (1+6+1+3+1+6), 5 workdays; 2026: 19 (2+6+1+3+1+1+5), 6 workdays.
  it.each([
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, n) => {
    expect(cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(n);
  });

  it('2027 is provisional: statutory days only, the likely bridge days are still working days', () => {
    expect(cal.describe('2027-02-05')).toMatchObject({
      working: false,
      name: '春节',
      coverage: 'provisional',
    });
    expect(cal.isWorkingDay('2027-02-09')).toBe(true);
    expect(cal.isWorkingDay('2027-10-04')).toBe(true);
    expect(cal.isWorkingDay('2027-06-09')).toBe(false);
  });
});
