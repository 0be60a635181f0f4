// The sync engine in a Web Worker, so the screen never waits on the network or on applying a
// large feed. It shares the IndexedDB store with the page; the page appends, the worker pushes.
// At its start it also refreshes the catalog and the working calendar from the hub.
/// <reference lib="webworker" />
import { SyncEngine, createBlobUploader, type SyncStatus } from '../../shared/sync';
import { MAX_PULL_LIMIT } from '../../shared/protocol/wire';
import { refreshCalendar, refreshCatalog } from './catalog-store';
import { db } from './db';
import { DexieSyncStorage } from './dexie-storage';
import { deviceIdentity, deviceSigner } from './device';
import { SocketTransport } from './socket-transport';

export type WorkerCommand =
  | { type: 'start' }
  | { type: 'kick' }
  | { type: 'stop' }
  | { type: 'network'; online: boolean }
  /** A case page wants a case the store does not hold yet: fetch it whole and store it. */
  | { type: 'fetchCase'; caseId: string; request: number };
/** How a fetchCase ended: stored, not on the hub for this counter, or not reachable now (with why). */
export type FetchOutcome = { stored: true } | { stored: false; error?: string };
export type WorkerReport =
  | { type: 'status'; status: SyncStatus }
  | { type: 'refused'; count: number }
  | { type: 'error'; message: string }
  | { type: 'fetched'; request: number; outcome: FetchOutcome };

declare const self: DedicatedWorkerGlobalScope;
let engine: SyncEngine | null = null;
let transport: SocketTransport | null = null;

const post = (m: WorkerReport) => self.postMessage(m);

async function start(): Promise<void> {
  if (engine) return;
  const identity = await deviceIdentity();
  if (!identity) {
    post({ type: 'error', message: '本机尚未注册' });
    return;
  }
  // The catalog and calendar are refreshed here when the hub is reachable, off the page (checking the
  // catalog, every item through its schema, was a task of 50–60 ms on the login screen); offline,
  // the cached ones serve. A failure is logged (offline it is expected; otherwise it is a fault to see).
  const logged = (what: string) => (e: unknown) => console.warn(`${what}未能更新，沿用本机已存的`, e);
  void refreshCatalog().catch(logged('服务事项目录'));
  void refreshCalendar().catch(logged('工作日历'));
  transport = new SocketTransport({ hubUrl: identity.hubUrl, deviceId: identity.deviceId, sign: await deviceSigner() });
  const storage = new DexieSyncStorage(db());
  const blobs = createBlobUploader(transport, {
    read: async (sha256) => {
      const row = await db().blobs.get(sha256);
      return row ? new Uint8Array(await row.bytes.arrayBuffer()) : undefined;
    },
  });
  engine = new SyncEngine({
    deviceId: identity.deviceId,
    storage,
    transport,
    blobs,
    // Whole pages: a counter behind by many events catches up in fewer round trips and transactions.
    pullLimit: MAX_PULL_LIMIT,
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
  });
  engine.onStatus((status) => post({ type: 'status', status }));
  engine.onRefused(() => void storage.counts().then((c) => post({ type: 'refused', count: c.refused })));
  await engine.start();
}

self.onmessage = (e: MessageEvent<WorkerCommand>) => {
  const cmd = e.data;
  if (cmd.type === 'start') void start().catch((err: unknown) => post({ type: 'error', message: String(err) }));
  else if (cmd.type === 'kick') engine?.syncNow();
  else if (cmd.type === 'fetchCase') {
    const answer = (outcome: FetchOutcome) => post({ type: 'fetched', request: cmd.request, outcome });
    if (!engine) answer({ stored: false, error: '同步尚未启动' });
    else
      engine.fetchCase(cmd.caseId).then(
        (stored) => answer(stored ? { stored: true } : { stored: false }),
        (err: unknown) => answer({ stored: false, error: err instanceof Error ? err.message : String(err) }),
      );
  }
  // The page knows first when the machine loses its network: stop trying until it is back.
  else if (cmd.type === 'network') {
    if (cmd.online) transport?.connect();
    else transport?.disconnect();
  }
  else if (cmd.type === 'stop') {
    void engine?.stop();
    engine = null;
    transport = null;
  }
};
