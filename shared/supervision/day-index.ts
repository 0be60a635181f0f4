// Working days counted in O(1) for the dashboard: the official calendar (shared/calendar) read once
// into a running count over a span of days, so 200,000 cases cost 200,000 subtractions, not
// 200,000 walks over the calendar. Outside the span it asks the calendar itself.
import type { WorkingCalendar } from '../calendar/working-days';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Beijing day number (UTC+8, no daylight saving) of an ISO instant such as an event's `at`. */
export function beijingDayOf(instant: string): number {
  return Math.floor((Date.parse(instant) + BEIJING_OFFSET_MS) / DAY_MS);
}

export class WorkingDayIndex {
  /** count[i]: working days in [first, first + i]. */
  private readonly count: Int32Array;

  constructor(
    private readonly calendar: WorkingCalendar,
    readonly first: number,
    readonly last: number,
  ) {
    if (!(last >= first)) throw new RangeError('the span of a working-day index must not be empty');
    this.count = new Int32Array(last - first + 1);
    let n = 0;
    for (let day = first; day <= last; day++) {
      if (calendar.isWorkingDay(isoOfDay(day))) n += 1;
      this.count[day - first] = n;
    }
  }

  private covers(day: number): boolean {
    return day >= this.first && day <= this.last;
  }

  /** Working days in (a, b]: a excluded, b included; negative when b is before a (as the calendar's). */
  between(a: number, b: number): number {
    if (this.covers(a) && this.covers(b)) return this.count[b - this.first]! - this.count[a - this.first]!;
    return this.calendar.workingDaysBetween(isoOfDay(a), isoOfDay(b));
  }

  /** The n-th working day after `start` (start never counted); n = 0 gives start. */
  addWorkingDays(start: number, n: number): number {
    if (n === 0) return start;
    if (this.covers(start)) {
      const want = this.count[start - this.first]! + n;
      if (want <= this.count[this.count.length - 1]!) {
        // The first day whose running count reaches `want` is that working day.
        let lo = start - this.first + 1;
        let hi = this.count.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.count[mid]! >= want) hi = mid;
          else lo = mid + 1;
        }
        return this.first + lo;
      }
    }
    return dayOf(this.calendar.addWorkingDays(isoOfDay(start), n));
  }
}
