// The working-day calendar in the store: seeded from resources/calendar, replaced per year by
// `import-calendar` when the State Council publishes a new schedule; counters sync it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { parseCalendarYear, type CalendarYear } from '../../shared/calendar/calendar-data';
import type { HubDatabase } from '../store/schema';
import { HubInputError } from './staff';
import { isoNow } from './time';

export const CALENDAR_DIR = fileURLToPath(new URL('../../resources/calendar/', import.meta.url));

export function readCalendarFile(file: string): CalendarYear {
  const parsed = parseCalendarYear(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new HubInputError('INVALID_REQUEST', parsed.error.message);
  return parsed.value;
}

export async function importCalendarYear(db: Kysely<HubDatabase>, year: CalendarYear): Promise<void> {
  const body = JSON.stringify(year);
  await db
    .insertInto('calendar')
    .values({ year: year.year, body, updated_at: isoNow() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ body, updated_at: isoNow() }))
    .execute();
}

export async function importCalendarDir(db: Kysely<HubDatabase>, dir = CALENDAR_DIR): Promise<number[]> {
  const years: number[] = [];
  for (const f of readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f)).sort()) {
    const y = readCalendarFile(join(dir, f));
    await importCalendarYear(db, y);
    years.push(y.year);
  }
  return years;
}
