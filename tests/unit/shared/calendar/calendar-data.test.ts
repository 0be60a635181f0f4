// The calendar data files validate, and the schema refuses the mistakes a hand-typed year can hold.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calendarYearSchema,
  isIsoDate,
  parseCalendarYear,
  type CalendarYear,
} from '../../../../shared/calendar/calendar-data';

const dir = new URL('../../../../resources/calendar/', import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

const good = (): CalendarYear => ({
  year: 2026,
  source: { title: 't', docNo: 'd', published: '2025-11-04' },
  provisional: false,
  holidays: [{ name: '元旦', dates: ['2026-01-01'] }],
  workdays: [{ name: '元旦调休', dates: ['2026-01-04'] }],
});

describe('resources/calendar', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('holds one file per year, 2025 to 2027 at least', () => {
    expect(files).toEqual(expect.arrayContaining(['2025.json', '2026.json', '2027.json']));
  });

  it.each(files)('%s validates against the schema and is named after its year', (file) => {
    const result = parseCalendarYear(read(file));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(`${result.value.year}.json`).toBe(file);
  });

  it('marks 2025 and 2026 official, 2027 provisional with no adjusted workdays', () => {
    const y = (f: string) => calendarYearSchema.parse(read(f));
    expect(y('2025.json').provisional).toBe(false);
    expect(y('2025.json').source.docNo).toBe('国办发明电〔2024〕12号');
    expect(y('2026.json').provisional).toBe(false);
    expect(y('2026.json').source.docNo).toBe('国办发明电〔2025〕7号');
    expect(y('2027.json').provisional).toBe(true);
    expect(y('2027.json').workdays).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-1-1',
    '20260101',
    '2026-01-01T00:00:00Z',
    '',
  ])('refuses %j', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('calendarYearSchema', () => {
  it('accepts a well-formed year', () => {
    expect(calendarYearSchema.safeParse(good()).success).toBe(true);
  });

  it('accepts a New Year span that starts in the previous December', () => {
    const y = { ...good(), holidays: [{ name: '元旦', dates: ['2025-12-31', '2026-01-01'] }] };
    expect(calendarYearSchema.safeParse(y).success).toBe(true);
  });

  const bad: [string, (y: CalendarYear) => unknown][] = [
    ['an impossible date', (y) => ({ ...y, holidays: [{ name: 'x', dates: ['2026-02-30'] }] })],
    ['a date of another year', (y) => ({ ...y, holidays: [{ name: 'x', dates: ['2027-01-01'] }] })],
    [
      'a date from November of the previous year',
      (y) => ({ ...y, holidays: [{ name: 'x', dates: ['2025-11-30'] }] }),
    ],
    [
      'an adjusted workday on a weekday',
      (y) => ({ ...y, workdays: [{ name: 'x', dates: ['2026-01-05'] }] }),
    ],
    [
      'a day both holiday and workday',
      (y) => ({ ...y, holidays: [{ name: 'x', dates: ['2026-01-04'] }] }),
    ],
    [
      'a date listed twice',
      (y) => ({ ...y, holidays: [{ name: 'x', dates: ['2026-01-01', '2026-01-01'] }] }),
    ],
    ['an empty name', (y) => ({ ...y, holidays: [{ name: '', dates: ['2026-01-01'] }] })],
    ['an empty date list', (y) => ({ ...y, holidays: [{ name: 'x', dates: [] }] })],
    ['a missing source', (y) => ({ ...y, source: undefined })],
    ['a missing provisional flag', (y) => ({ ...y, provisional: undefined })],
    ['a fractional year', (y) => ({ ...y, year: 2026.5 })],
  ];
  it.each(bad)('refuses %s', (_label, mutate) => {
    expect(calendarYearSchema.safeParse(mutate(good())).success).toBe(false);
  });

  it('parseCalendarYear answers with a Result naming the problem', () => {
    const result = parseCalendarYear({
      ...good(),
      workdays: [{ name: 'x', dates: ['2026-01-05'] }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CALENDAR_INVALID');
      expect(result.error.message).toContain('workdays.0.dates.0');
    }
    expect(parseCalendarYear('not an object').ok).toBe(false);
  });
});
