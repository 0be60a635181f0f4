// The cached catalog and calendar, live from the local store, and "today" in Beijing time: what
// the case screens need to name items and count deadlines, online or not.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { Catalog } from '../../../shared/catalog/item-schema';
import { db } from '../../data/db';
import { deadlineContext, type DeadlineContext } from './list-item';
import { beijingDate } from './format';

export function useCatalog(): Catalog | null {
  return useLiveQuery(async () => (await db().catalog.get('current'))?.catalog ?? null, [], null);
}

export function useCalendar(): WorkingCalendar {
  const years = useLiveQuery(() => db().calendar.toArray(), []);
  return useMemo(() => {
    try {
      return new WorkingCalendar(years ?? []);
    } catch {
      // Data that contradicts itself: count weekends and fixed holidays, every date provisional.
      return new WorkingCalendar([]);
    }
  }, [years]);
}

/** Now, refreshed when the Beijing day changes (risk depends on the day only). */
export function useToday(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => {
      const next = new Date();
      setNow((prev) => (beijingDate(prev) === beijingDate(next) ? prev : next));
    }, 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function useDeadlineContext(): DeadlineContext {
  const catalog = useCatalog();
  const calendar = useCalendar();
  const now = useToday();
  return useMemo(() => deadlineContext(catalog, calendar, now), [catalog, calendar, now]);
}
