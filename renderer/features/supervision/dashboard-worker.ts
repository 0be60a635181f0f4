// The dashboard's Web Worker: keeps the case facts (fact-store.ts) and answers the page with the
// figures and with the cases behind a figure, so the page never reads or counts cases itself.
/// <reference lib="webworker" />
import { calendarYearSchema } from '../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { casesBehind, caseLine, computeDashboard, indexSpan, type Dashboard, type DashboardQuery, type FigureContext } from '../../../shared/supervision/dashboard';
import { WorkingDayIndex } from '../../../shared/supervision/day-index';
import { parseFigure } from '../../../shared/supervision/figures';
import { db } from '../../data/db';
import { FactStore } from './fact-store';
import type { DashboardAnswer, WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const store = new FactStore();
/** Requests run one at a time: a catch-up never overlaps another. */
let queue: Promise<unknown> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | null = null;

const post = (m: WorkerReply) => self.postMessage(m);

let ctxKey = '';
/** The days the facts span, found again only when the facts change. */
let spanOf: { generation: number; today: string; span: { first: number; last: number } } | null = null;
let ctxCache: FigureContext | null = null;

/** Calendar, catalog and today, with the working-day index over the facts' dates (rebuilt only when one changes). */
async function context(today: string): Promise<FigureContext> {
  const [years, catalog] = await Promise.all([db().calendar.toArray(), db().catalog.get('current')]);
  if (spanOf?.generation !== store.generation || spanOf.today !== today) spanOf = { generation: store.generation, today, span: indexSpan(store.values(), today) };
  const span = spanOf.span;
  const key = `${today}|${span.first}|${catalog?.etag ?? ''}|${JSON.stringify(years)}`;
  if (ctxCache && key === ctxKey) return ctxCache;
  let calendar: WorkingCalendar;
  try {
    calendar = new WorkingCalendar(years.flatMap((y) => (calendarYearSchema.safeParse(y).success ? [y] : [])));
  } catch {
    // Data that contradicts itself: count weekends and fixed holidays, as the case screens do.
    calendar = new WorkingCalendar([]);
  }
  const items = catalog?.catalog.items ?? [];
  const promisedDays = new Map(items.map((i) => [i.code, i.promisedDays]));
  const itemNames = new Map(items.map((i) => [i.code, i.name]));
  ctxCache = { today, promisedDays, itemNames, index: new WorkingDayIndex(calendar, span.first, span.last) };
  ctxKey = key;
  return ctxCache;
}

async function fresh(): Promise<void> {
  const before = store.generation;
  await store.catchUp((p) => post({ kind: 'progress', ...p }));
  if (store.generation !== before) {
    // Saved a little later, so a burst of changes is written once.
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void store.save().catch(() => undefined), 3000);
  }
}

let last: { key: string; generation: number; value: Dashboard } | null = null;

async function handle(req: WorkerRequest): Promise<unknown> {
  const started = performance.now();
  await fresh();
  const ctx = await context(req.today);
  if (req.kind === 'dashboard') {
    const counting = performance.now();
    const key = `${ctxKey}|${JSON.stringify(req.query)}`;
    if (last?.key !== key || last.generation !== store.generation) {
      last = { key, generation: store.generation, value: computeDashboard(store.values(), req.query, ctx) };
    }
    const answer: DashboardAnswer = {
      dashboard: last.value,
      cases: store.size,
      ms: { catchUp: Math.round(counting - started), count: Math.round(performance.now() - counting) },
    };
    return answer;
  }
  const figure = parseFigure(req.figure);
  if (!figure.ok) throw new Error(figure.error.message);
  const found = casesBehind(store.values(), figure.value, req.query as DashboardQuery, ctx);
  return { total: found.length, lines: found.slice(req.offset, req.offset + req.limit).map((f) => caseLine(f, ctx)) };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  queue = queue.then(() =>
    handle(req).then(
      (value) => post({ kind: 'reply', id: req.id, ok: true, value }),
      (err: unknown) => post({ kind: 'reply', id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) }),
    ),
  );
};
