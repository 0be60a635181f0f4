// The page's side of the dashboard worker: one worker for the session, requests answered by id,
// and hooks that ask again whenever the counter's store moves (a pull, a local event, a refusal).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { beijingToday, type DashboardQuery } from '../../../shared/supervision/dashboard';
import { db, SNAPSHOT_META } from '../../data/db';
import { WorkerCalls } from '../../data/worker-calls';
import { t } from '../../i18n';
import { defaultQuery } from './period';
import type { DashboardAnswer, ListAnswer, WorkerReply, WorkerRequest } from './worker-protocol';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

const progressListeners = new Set<(p: { done: number; total: number }) => void>();

const calls = new WorkerCalls<Distribute<WorkerRequest>, Extract<WorkerReply, { kind: 'progress' }>>(
  () => new Worker(new URL('./dashboard-worker.ts', import.meta.url), { type: 'module', name: 'tongban-supervision' }),
  (m) => {
    for (const l of progressListeners) l(m);
  },
  (reason) => t('supervision.workerFailed', { reason }),
);

const call = <T>(req: Distribute<WorkerRequest>): Promise<T> => calls.call<T>(req);

export const fetchDashboard = (query: DashboardQuery, today: string) => call<DashboardAnswer>({ kind: 'dashboard', query, today });

/**
 * Starts the worker on a supervisor's login, so it loads the saved facts (or, the first time, reads
 * every case) and counts the opening figures while the workbench is on screen, not when 督查 is
 * clicked. Nothing is shown; a failure here is shown when the dashboard asks again.
 */
export function warmDashboard(): void {
  const today = beijingToday(new Date());
  fetchDashboard(defaultQuery(today), today).catch(() => undefined);
}

export const fetchLines = (figure: string, query: DashboardQuery, today: string, offset: number, limit: number) =>
  call<ListAnswer>({ kind: 'list', figure, query, today, offset, limit });

/** Changes whenever a case on this counter may have changed: the newest feed and outbox positions, refusals. */
export function useStoreChanges(): string | undefined {
  return useLiveQuery(async () => {
    const d = db();
    // A fresh counter's case snapshot writes no feed rows: its progress (the last case id stored) counts too.
    const [feedPos, deviceSeq, refused, snapshot] = await Promise.all([
      d.feed.orderBy('feedPos').lastKey(),
      d.outbox.orderBy('deviceSeq').lastKey(),
      d.outbox.where('state').equals('rejected').count(),
      d.meta.get(SNAPSHOT_META),
    ]);
    const after = (snapshot?.value as { after?: string | null } | undefined)?.after ?? '';
    return `${String(feedPos)}/${String(deviceSeq)}/${refused}/${after}`;
  }, []);
}

/** The last answer for each key this session, and the store position it was given for. */
const answers = new Map<string, { for: string; value: unknown }>();

export interface Loaded<T> {
  value: T | null;
  error: string | null;
  /** Building the facts for the first time: how far along. */
  progress: { done: number; total: number } | null;
  /** An answer for the present key and store is on its way (the last one is kept meanwhile). */
  loading: boolean;
}

/** Runs `load` now and again whenever the store or `key` changes; keeps the last answer while loading. */
export function useWorkerAnswer<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const changes = useStoreChanges();
  const request = changes === undefined ? null : `${key}#${changes}`;
  // The last answer for this key in the session shows at once; it stands if the store has not moved.
  const [answer, setAnswer] = useState<{ for: string | null; value: T | null; error: string | null }>(() => {
    const kept = answers.get(key) as { for: string; value: T } | undefined;
    return kept ? { ...kept, error: null } : { for: null, value: null, error: null };
  });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (request === null || answers.get(key)?.for === request) return;
    let live = true;
    const onProgress = (p: { done: number; total: number }) => live && setProgress(p);
    progressListeners.add(onProgress);
    load().then(
      (value) => {
        answers.set(key, { for: request, value });
        if (!live) return;
        setAnswer({ for: request, value, error: null });
        setProgress(null);
      },
      (e: unknown) => {
        if (!live) return;
        setAnswer((a) => ({ ...a, for: request, error: e instanceof Error ? e.message : String(e) }));
        setProgress(null);
      },
    );
    return () => {
      live = false;
      progressListeners.delete(onProgress);
    };
    // `load` is a new function each render; `request` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  const current = answer.for === request ? answer : (answers.get(key) as { for: string; value: T } | undefined);
  return { value: current?.value ?? answer.value, error: answer.error, progress, loading: current?.for !== request };
}
