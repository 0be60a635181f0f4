// The format of one year of the official working-day calendar (resources/calendar/<year>.json).

import { z } from 'zod';
import { fail, ok, type Result } from '../result';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is 'YYYY-MM-DD' and names a real day (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls 02-30 over to 03-02; a round trip catches it without touching local time.
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Day of the week of a valid ISO date, 0 = Sunday … 6 = Saturday, independent of the machine's zone. */
function utcWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date written YYYY-MM-DD' });

const namedDatesSchema = z.object({
  /** The holiday as the notice names it (春节, 国庆节、中秋节) or, for workdays, 春节调休. */
  name: z.string().min(1),
  dates: z.array(isoDateSchema).min(1),
});

export const calendarSourceSchema = z.object({
  /** The notice's title, or for a provisional year the law the dates were derived from. */
  title: z.string().min(1),
  /** 国办发明电〔2024〕12号 for a notice; the decree number of the law for a provisional year. */
  docNo: z.string().min(1),
  /** The date the document was issued (成文日期). */
  published: isoDateSchema,
});

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1970).max(9998),
    source: calendarSourceSchema,
    /**
     * True when the State Council has not yet published the year's schedule and the file holds only
     * the statutory days of the law: deadlines that touch the year are marked provisional.
     */
    provisional: z.boolean(),
    /** Days off, including the weekend days inside a holiday span. */
    holidays: z.array(namedDatesSchema),
    /** Weekend days that become working days (调休上班). */
    workdays: z.array(namedDatesSchema),
  })
  .superRefine((data, ctx) => {
    const seen = new Map<string, string>();
    const check = (group: 'holidays' | 'workdays', i: number, j: number, date: string): void => {
      const path = [group, i, 'dates', j];
      const [yy, mm] = date.split('-').map(Number);
      // A notice covers its own year, but a New Year span may start in the previous December
      // (the 2023 notice's 元旦 began 2022-12-31), so that month is accepted too.
      if (!(yy === data.year || (yy === data.year - 1 && mm === 12))) {
        ctx.addIssue({ code: 'custom', path, message: `${date} is outside ${data.year}` });
      }
      const before = seen.get(date);
      if (before) {
        ctx.addIssue({ code: 'custom', path, message: `${date} is listed twice (${before})` });
      }
      seen.set(date, group);
      const weekday = utcWeekday(date);
      if (group === 'workdays' && weekday !== 0 && weekday !== 6) {
        // A weekday is a working day anyway: listing it means the data was typed wrong.
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${date} is an adjusted workday but not a weekend day`,
        });
      }
    };
    data.holidays.forEach((h, i) =>
      h.dates.forEach((d, j) => isIsoDate(d) && check('holidays', i, j, d)),
    );
    data.workdays.forEach((w, i) =>
      w.dates.forEach((d, j) => isIsoDate(d) && check('workdays', i, j, d)),
    );
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type CalendarSource = z.infer<typeof calendarSourceSchema>;

/** Validates one year's file (as parsed JSON) at the boundary: the hub import, a counter's sync. */
export function parseCalendarYear(input: unknown): Result<CalendarYear> {
  const parsed = calendarYearSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return fail('CALENDAR_INVALID', `节假日数据格式不正确${where}：${first?.message ?? '未知错误'}`);
}
