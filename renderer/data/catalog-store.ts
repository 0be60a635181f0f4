// The catalog and the calendar on this counter: fetched from the hub (ETag), kept for offline use.
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { parseCalendarYear, type CalendarYear } from '../../shared/calendar/calendar-data';
import { parseCatalog, type Catalog } from '../../shared/catalog/item-schema';
import { canonicalJson } from '../../shared/crypto/canonical-json';
import { calendarOf, OPEN_STATES, setDue } from './case-due';
import { db } from './db';
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
  const d = db();
  await d.transaction('rw', [d.calendar, d.catalog, d.cases], async () => {
    const before = canonicalJson(await d.calendar.toArray());
    await d.calendar.bulkPut(years);
    if (canonicalJson(await d.calendar.toArray()) === before) return;
    // A new schedule (say, next year's official holidays) moves promised dates: re-key the open cases.
    const calendar = calendarOf(await d.calendar.toArray());
    const days = new Map(((await d.catalog.get('current'))?.catalog.items ?? []).map((i) => [i.code, i.promisedDays]));
    await d.cases
      .where('state')
      .anyOf([...OPEN_STATES])
      .modify((row) => setDue(row, calendar, days));
  });
}

export async function localCatalog(): Promise<Catalog | null> {
  return (await db().catalog.get('current'))?.catalog ?? null;
}

export async function localCalendar(): Promise<WorkingCalendar> {
  const years: CalendarYear[] = await db().calendar.toArray();
  return new WorkingCalendar(years);
}
