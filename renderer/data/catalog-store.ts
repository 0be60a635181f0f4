// The catalog and the calendar on this counter: fetched from the hub (ETag), kept for offline use.
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { parseCalendarYear, type CalendarYear } from '../../shared/calendar/calendar-data';
import { parseCatalog, type Catalog } from '../../shared/catalog/item-schema';
import { canonicalJson } from '../../shared/crypto/canonical-json';
import { calendarOf, setDue } from './case-due';
import { db, type TongbanDB } from './db';
import { hubFetch } from './device';

export async function refreshCatalog(): Promise<Catalog | null> {
  const current = await db().catalog.get('current');
  const res = await hubFetch('/api/v1/catalog', { headers: current ? { 'if-none-match': current.etag } : {} });
  if (res.status === 304) return current?.catalog ?? null;
  const parsed = parseCatalog(await res.json());
  if (!parsed.ok) throw new Error(parsed.error.message);
  await db().catalog.put({ id: 'current', etag: res.headers.get('etag') ?? '', catalog: parsed.value });
  return parsed.value;
}

export async function refreshCalendar(): Promise<void> {
  const res = await hubFetch('/api/v1/calendar');
  const body = (await res.json()) as { years: unknown[] };
  const years = body.years.map((y) => parseCalendarYear(y)).flatMap((r) => (r.ok ? [r.value] : []));
  await storeCalendar(db(), years);
}

/**
 * Stores the calendar's years; when that changes the schedule (say, next year's official holidays),
 * re-keys the promised dates of the open cases in the same transaction. The open cases are those
 * with a promised-date key (case-due.ts: a decided case has none), found through its index.
 */
export async function storeCalendar(d: TongbanDB, years: readonly CalendarYear[]): Promise<void> {
  await d.transaction('rw', [d.calendar, d.catalog, d.cases], async () => {
    const before = canonicalJson(await d.calendar.toArray());
    await d.calendar.bulkPut([...years]);
    const after = await d.calendar.toArray();
    if (canonicalJson(after) === before) return;
    const calendar = calendarOf(after);
    const days = new Map(((await d.catalog.get('current'))?.catalog.items ?? []).map((i) => [i.code, i.promisedDays]));
    const open = await d.cases.bulkGet(await d.cases.orderBy('due').primaryKeys());
    const moved = open.flatMap((row) => {
      if (!row) return [];
      const was = row.due;
      setDue(row, calendar, days);
      return row.due === was ? [] : [row];
    });
    if (moved.length) await d.cases.bulkPut(moved);
  });
}

export async function localCatalog(): Promise<Catalog | null> {
  return (await db().catalog.get('current'))?.catalog ?? null;
}

export async function localCalendar(): Promise<WorkingCalendar> {
  const years: CalendarYear[] = await db().calendar.toArray();
  return new WorkingCalendar(years);
}
