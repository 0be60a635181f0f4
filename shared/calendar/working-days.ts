// Working days on China's official calendar, and case deadlines counted on them in Beijing time.
//
// Every computation here works on whole days numbered from 1970-01-01 (UTC arithmetic only), so no
// result depends on the time zone of the machine that runs it. China Standard Time is UTC+8 all
// year (no daylight saving since 1991), which is all beijingDay needs.

import { isIsoDate, type CalendarYear } from './calendar-data';

/** A calendar day written 'YYYY-MM-DD' (a Beijing day wherever one is derived from an instant). */
export type IsoDate = string;
/** A moment: a Date, or an ISO 8601 string that states its zone ('…Z' or '…+08:00'). */
export type Instant = Date | string;

/** Where a day's classification comes from. */
export type Coverage =
  /** The State Council's published schedule for the year. */
  | 'official'
  /** A data file marked provisional: the statutory days of the law, no notice yet. */
  | 'provisional'
  /** No data for the year: weekends and the fixed-date statutory holidays only. */
  | 'fallback';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday's or adjusted workday's name (春节, 国庆节调休); null for an ordinary day. */
  readonly name: string | null;
  readonly coverage: Coverage;
}

/** The time a case waited for the applicant: from the correction request to the resubmission. */
export interface Pause {
  readonly from: Instant;
  /** Missing or null: the applicant has not resubmitted yet, the clock is stopped now. */
  readonly to?: Instant | null;
}

export interface DeadlineInput {
  readonly acceptedAt: Instant;
  /** The promised time limit in working days; 0 means the case is due on the day of acceptance. */
  readonly promisedDays: number;
  readonly pauses?: readonly Pause[];
}

/**
 * A case's deadline. Counting rule (DESIGN.md, Deadlines): the day of acceptance (Beijing time) is
 * not counted; each later working day counts one, unless the case was waiting for the applicant
 * when that day ended (24:00 Beijing time). A pause that began on Beijing day P and ended on day R
 * therefore removes the working days P, P+1, …, R−1: the request day does not count, the
 * resubmission day does, and a pause that starts and ends on the same day removes nothing. An
 * open pause removes every day from P on, so the due date is unknown (null) until it closes.
 * Pauses may overlap; a day is removed if any of them covers its end.
 */
export interface Deadline {
  /** The Beijing day the case was accepted; never counted. */
  readonly acceptedOn: IsoDate;
  readonly promisedDays: number;
  /** The promisedDays-th counted working day; null while an open pause stops the clock. */
  readonly dueDate: IsoDate | null;
  /** True when an open pause stopped the clock before the due date was reached. */
  readonly paused: boolean;
  /** The working days that counted toward the promise, in order (all of them once dueDate is set). */
  readonly countedDays: readonly IsoDate[];
  /** Working days that did not count because the case was waiting for the applicant at their end. */
  readonly waitingDays: readonly IsoDate[];
  /** True when a day the count walked over lies in a year without the official schedule. */
  readonly provisional: boolean;
}

export type RiskLevel = 'ok' | 'at_risk' | 'overdue';

/** A case with this many remaining working days or fewer (0 = due today) is at risk. */
export const AT_RISK_WORKING_DAYS = 2;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;
/** The 2024 revision of 全国年节及纪念日放假办法 (国务院令第795号) gave Labour Day a second day. */
const LABOUR_DAY_TWO_DAYS_FROM = 2025;

// An instant must carry its zone: without one JavaScript reads it in the machine's local time.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function isoOf(day: number): IsoDate {
  if (day < 0 || day > LAST_DAY) throw new RangeError('date outside 1970-01-01 … 9999-12-31');
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parts(day: number): { year: number; month: number; date: number; weekday: number } {
  const t = new Date(day * DAY_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    date: t.getUTCDate(),
    weekday: t.getUTCDay(),
  };
}

function instantMs(instant: Instant): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new RangeError('invalid Date');
    return t;
  }
  const m = INSTANT.exec(instant);
  // Date.parse rolls 02-30 over to 03-02, so the date part is checked on its own.
  if (!m || !isIsoDate(m[1] ?? '')) {
    throw new RangeError(`not an ISO 8601 instant with a zone (Z or ±hh:mm): ${instant}`);
  }
  // The language defines at most 3 fraction digits; a database may send 6.
  const t = Date.parse(instant.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 instant: ${instant}`);
  return t;
}

function beijingDayNumber(instant: Instant): number {
  return Math.floor((instantMs(instant) + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The Beijing calendar day (UTC+8) of an instant. */
export function beijingDay(instant: Instant): IsoDate {
  return isoOf(beijingDayNumber(instant));
}

/** The fixed-date statutory holidays of the law: all that can be known of a year without data. */
function fixedHolidayName(year: number, month: number, date: number): string | null {
  if (month === 1 && date === 1) return '元旦';
  if (month === 5 && (date === 1 || (date === 2 && year >= LABOUR_DAY_TWO_DAYS_FROM))) {
    return '劳动节';
  }
  if (month === 10 && date >= 1 && date <= 3) return '国庆节';
  return null;
}

interface ListedDay {
  readonly working: boolean;
  readonly name: string;
}

/** The official calendar built from the years' data (passed in: shared/ reads no files). */
export class WorkingCalendar {
  private readonly listed = new Map<number, ListedDay>();
  private readonly byYear = new Map<number, CalendarYear>();

  constructor(years: readonly CalendarYear[]) {
    for (const data of years) {
      if (this.byYear.has(data.year)) throw new Error(`calendar year ${data.year} given twice`);
      this.byYear.set(data.year, data);
      const add = (dates: readonly string[], working: boolean, name: string): void => {
        for (const date of dates) {
          const day = dayNumber(date);
          const before = this.listed.get(day);
          // A December day may appear in two years' files; they must agree.
          if (before && before.working !== working) {
            throw new Error(`calendar data disagree about ${date}`);
          }
          this.listed.set(day, { working, name });
        }
      };
      for (const h of data.holidays) add(h.dates, false, h.name);
      for (const w of data.workdays) add(w.dates, true, w.name);
    }
  }

  /** The years that have data, ascending. */
  get years(): readonly number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  coverage(year: number): Coverage {
    const data = this.byYear.get(year);
    if (!data) return 'fallback';
    return data.provisional ? 'provisional' : 'official';
  }

  /** True unless the year's official schedule is in the data. */
  isProvisional(year: number): boolean {
    return this.coverage(year) !== 'official';
  }

  /** True unless the year of every day in [from, to] has its official schedule. */
  isRangeProvisional(from: IsoDate, to: IsoDate): boolean {
    const a = parts(dayNumber(from)).year;
    const b = parts(dayNumber(to)).year;
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (this.isProvisional(y)) return true;
    return false;
  }

  describe(date: IsoDate): DayInfo {
    const day = dayNumber(date);
    const { year, month, date: dom, weekday } = parts(day);
    const coverage = this.coverage(year);
    const listed = this.listed.get(day);
    if (listed) {
      const kind = listed.working ? 'adjusted_workday' : 'holiday';
      return { date, working: listed.working, kind, name: listed.name, coverage };
    }
    if (coverage === 'fallback') {
      const name = fixedHolidayName(year, month, dom);
      if (name) return { date, working: false, kind: 'holiday', name, coverage };
    }
    const weekend = weekday === 0 || weekday === 6;
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', name: null, coverage };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.workingOn(dayNumber(date));
  }

  /**
   * The n-th working day after `start` (start itself is never counted, whatever it is); n = 0
   * gives `start` back. A promise of n working days made on day `start` ends on this day.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    }
    let day = dayNumber(start);
    for (let left = n; left > 0;) {
      day += 1;
      if (this.workingOn(day)) left -= 1;
    }
    return isoOf(day);
  }

  /**
   * The working days in (a, b]: a excluded, b included, so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = dayNumber(a);
    const to = dayNumber(b);
    if (to < from) return 0 - this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.workingOn(day)) count += 1;
    return count;
  }

  /** The deadline of a case; see Deadline for the counting rule. */
  computeDeadline(input: DeadlineInput): Deadline {
    const { promisedDays } = input;
    if (!Number.isSafeInteger(promisedDays) || promisedDays < 0) {
      throw new RangeError(`promised days must be a whole number ≥ 0, got ${promisedDays}`);
    }
    const accepted = beijingDayNumber(input.acceptedAt);
    // Each pause as the Beijing days [first, end): the days whose end it covers.
    const pauses = (input.pauses ?? []).map((p) => {
      const first = beijingDayNumber(p.from);
      if (p.to === undefined || p.to === null) return { first, end: Infinity };
      if (instantMs(p.to) < instantMs(p.from)) {
        throw new RangeError('a pause cannot end before it begins');
      }
      return { first, end: beijingDayNumber(p.to) };
    });

    const counted: IsoDate[] = [];
    const waiting: IsoDate[] = [];
    let day = accepted;
    let paused = false;
    let provisional = false;
    while (counted.length < promisedDays) {
      day += 1;
      if (this.isProvisional(parts(day).year)) provisional = true;
      if (!this.workingOn(day)) continue;
      const cover = pauses.filter((p) => p.first <= day && day < p.end);
      if (cover.length === 0) counted.push(isoOf(day));
      else if (cover.some((p) => p.end === Infinity)) {
        // Open: every later day is covered too; the due date waits for the resubmission.
        paused = true;
        break;
      } else waiting.push(isoOf(day));
    }
    return {
      acceptedOn: isoOf(accepted),
      promisedDays,
      dueDate: paused ? null : isoOf(day),
      paused,
      countedDays: counted,
      waitingDays: waiting,
      provisional,
    };
  }

  /** The counted working days spent by the end of asOf's Beijing day (asOf's day included). */
  usedWorkingDays(deadline: Deadline, asOf: Instant): number {
    const today = beijingDay(asOf);
    return deadline.countedDays.filter((d) => d <= today).length;
  }

  /**
   * The counted working days still to come after asOf's Beijing day: 0 on the due day (and after
   * it), 1 on the working day before. While paused, the remainder frozen when the clock stopped.
   */
  remainingWorkingDays(deadline: Deadline, asOf: Instant): number {
    return Math.max(0, deadline.promisedDays - this.usedWorkingDays(deadline, asOf));
  }

  /** The working days elapsed after the due date up to asOf's Beijing day (0 until overdue). */
  overdueWorkingDays(deadline: Deadline, asOf: Instant): number {
    if (deadline.dueDate === null) return 0;
    return Math.max(0, this.workingDaysBetween(deadline.dueDate, beijingDay(asOf)));
  }

  /**
   * 'overdue' once asOf's Beijing day is after the due date; 'at_risk' when AT_RISK_WORKING_DAYS
   * or fewer working days remain (the due day itself included, and a paused case whose frozen
   * remainder is that small); 'ok' otherwise.
   */
  riskLevel(deadline: Deadline, asOf: Instant): RiskLevel {
    if (deadline.dueDate !== null && beijingDay(asOf) > deadline.dueDate) return 'overdue';
    return this.remainingWorkingDays(deadline, asOf) <= AT_RISK_WORKING_DAYS ? 'at_risk' : 'ok';
  }

  private workingOn(day: number): boolean {
    const listed = this.listed.get(day);
    if (listed) return listed.working;
    const { year, month, date, weekday } = parts(day);
    if (weekday === 0 || weekday === 6) return false;
    return !(this.coverage(year) === 'fallback' && fixedHolidayName(year, month, date) !== null);
  }
}
