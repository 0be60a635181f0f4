// The page's side of sync: starts the worker, appends events to the shared outbox (one IndexedDB
// transaction, so a crash right after a clerk confirms loses nothing), and follows the status.
import { v7 as uuidv7 } from 'uuid';
import type { Event } from '../../shared/protocol/events';
import { validateEvent } from '../../shared/protocol/validate-event';
import type { Result } from '../../shared/result';
import type { SyncStatus } from '../../shared/sync';
import type { EventDraft } from '../../shared/sync/engine';
import { db, type DeviceIdentity } from './db';
import { DexieSyncStorage } from './dexie-storage';
import { deviceIdentity } from './device';
import type { FetchOutcome, WorkerCommand, WorkerReport } from './sync-worker';

export type { FetchOutcome };

export const OFFLINE_STATUS: SyncStatus = { online: false, pushing: false, pulling: false, pending: 0, refused: 0, lastSyncAt: null, lastError: null, bootstrap: { received: 0 } };

type Listener = (s: SyncStatus) => void;
let worker: Worker | null = null;
let last: SyncStatus = OFFLINE_STATUS;
const listeners = new Set<Listener>();

export function startSync(): void {
  if (worker) return;
  worker = new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module', name: 'tongban-sync' });
  worker.onmessage = (e: MessageEvent<WorkerReport>) => {
    if (e.data.type === 'status') {
      last = e.data.status;
      for (const l of listeners) l(last);
    } else if (e.data.type === 'fetched') {
      fetches.get(e.data.request)?.(e.data.outcome);
      fetches.delete(e.data.request);
    }
  };
  send({ type: 'start' });
  window.addEventListener('offline', () => send({ type: 'network', online: false }));
  window.addEventListener('online', () => send({ type: 'network', online: true }));
  if (!navigator.onLine) send({ type: 'network', online: false });
}

export function stopSync(): void {
  send({ type: 'stop' });
  worker?.terminate();
  worker = null;
  for (const answer of fetches.values()) answer({ stored: false, error: '同步已停止' });
  fetches.clear();
}

const fetches = new Map<number, (outcome: FetchOutcome) => void>();
let fetchRequests = 0;

/**
 * Asks the sync worker to fetch one case whole from the hub and store it (a case the list shows
 * from its head, before the snapshot has stored it). The case page's live query sees the row arrive.
 */
export function fetchCase(caseId: string): Promise<FetchOutcome> {
  if (!worker) return Promise.resolve({ stored: false, error: '同步尚未启动' });
  const request = ++fetchRequests;
  return new Promise((resolve) => {
    fetches.set(request, resolve);
    send({ type: 'fetchCase', caseId, request });
  });
}

function send(cmd: WorkerCommand): void {
  worker?.postMessage(cmd);
}

export function onSyncStatus(l: Listener): () => void {
  listeners.add(l);
  l(last);
  return () => listeners.delete(l);
}

/** Appends one event to the outbox and tells the worker to push; the case list updates at once. */
export async function appendEvent(draft: EventDraft): Promise<Result<Event>> {
  const stored = await storeEvent(draft);
  if (stored.ok) kickSync();
  return stored;
}

/**
 * Appends one event to the outbox, in a transaction of its own, or in the caller's when called inside
 * one that holds appendTables(d) (dexie-storage.ts; Dexie joins it): then the event lands with the
 * caller's other writes or not at all. The caller tells the worker (kickSync) once that is done.
 * `device`: the device's identity as read by the caller in that transaction, started while it read
 * something else (an acceptance, with its case number); by default read here.
 */
export async function storeEvent(draft: EventDraft, device: Promise<DeviceIdentity | undefined> = deviceIdentity()): Promise<Result<Event>> {
  const identity = await device;
  if (!identity) return { ok: false, error: { code: 'DEVICE_UNKNOWN', message: '本机尚未注册' } };
  const id = draft.id ?? uuidv7();
  const candidate = { ...draft, id, deviceId: identity.deviceId, deviceSeq: 1 };
  const checked = validateEvent(candidate);
  if (!checked.ok) return checked;
  const { deviceSeq: _ignored, ...unsequenced } = checked.value;
  return { ok: true, value: await new DexieSyncStorage(db()).append(unsequenced) };
}

/** Tells the sync worker that the outbox has something to push. */
export function kickSync(): void {
  send({ type: 'kick' });
}
