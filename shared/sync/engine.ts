// The counter's sync engine (DESIGN.md, Sync): pushes the outbox in deviceSeq order, pulls the
// hall's feed until caught up, and reports its state for the status bar. Storage, transport, timers
// and randomness are injected, so the same engine runs in a Web Worker over Dexie and in Node tests.
import { v7 as uuidv7 } from 'uuid';
import { RETRYABLE_REJECTIONS } from '../protocol/codes';
import { Event as EventSchema, type Event } from '../protocol/events';
import {
  DEFAULT_PULL_LIMIT,
  MAX_PULL_LIMIT,
  MAX_PUSH_EVENTS,
  PushResponse as PushResponseSchema,
} from '../protocol/wire';
import type { PullResponse } from '../protocol/wire';
import { fail, ok, type Problem, type Result } from '../result';
import type {
  DistributiveOmit,
  PushOutcome,
  RefusedEvent,
  SyncStorage,
  UnsequencedEvent,
} from './storage';
import {
  DEFAULT_SNAPSHOT_LIMIT,
  MAX_SNAPSHOT_LIMIT,
  looksStored,
  readSnapshotPage,
  type SnapshotState,
} from './snapshot';
import { DEFAULT_HEADS_LIMIT, readHeadsPage, type HeadsState } from './heads';
import {
  BlobUnavailableError,
  type BlobUploader,
  type SyncTransport,
  type TransportStatus,
  type Unsubscribe,
} from './transport';

export type TimerHandle = unknown;

/** The clock and timers of the host; shared/ has none of its own. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** What a caller hands to append: the engine adds deviceId, deviceSeq and, when absent, the id. */
export type EventDraft = DistributiveOmit<Event, 'deviceSeq' | 'deviceId' | 'id'> & {
  id?: string;
  deviceId?: string;
};

export interface SyncStatus {
  online: boolean;
  pushing: boolean;
  pulling: boolean;
  /** Outbox events the hub has not answered for good yet. */
  pending: number;
  /** Outbox events the hub refused for good. */
  refused: number;
  /** Clock time of the last round that left the outbox empty or the feed caught up. */
  lastSyncAt: number | null;
  lastError: Problem | null;
  /**
   * Feed position reached, and the feed's length when known (from a poke or a final page). While a
   * fresh counter loads the case snapshot: the events received so far, and `cases` stored so far.
   * Before that, while it downloads the case heads (the lists' view of every case): `heads`, how
   * many it has kept, and whether that is all.
   */
  bootstrap: { received: number; head?: number; cases?: number; heads?: { cases: number; done: boolean } };
}

export interface SyncEngineOptions {
  deviceId: string;
  storage: SyncStorage;
  transport: SyncTransport;
  timers: Timers;
  /** Needed as soon as an event carries attachments; without it the hub decides (MISSING_BLOB). */
  blobs?: BlobUploader;
  /** In [0, 1); Math.random by default. */
  random?: () => number;
  newId?: () => string;
  /** Events per push, at most 500. */
  batchSize?: number;
  /** Events per pull, at most 5000. */
  pullLimit?: number;
  /** Cases per snapshot page, at most 2000; 0 turns the snapshot off (a fresh store pulls the feed from 0). */
  snapshotLimit?: number;
  /** How long to wait for a push or pull acknowledgement before treating it as lost. */
  ackTimeoutMs?: number;
  backoff?: { baseMs?: number; capMs?: number };
}

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
export const DEFAULT_ACK_TIMEOUT_MS = 20_000;

/** "Full jitter": uniform in [0, min(cap, base·2^attempt)), so halls that lost the hub together spread out. */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 32));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(r * ceiling), Math.max(ceiling - 1, 0));
}

/** The sha256 of every attachment an event names: these must be on the hub before it is pushed. */
export function attachmentHashes(event: Event): string[] {
  if (event.type !== 'case.received' && event.type !== 'case.correction_submitted') return [];
  return [...new Set(event.payload.materials.flatMap((m) => m.attachments.map((a) => a.sha256)))];
}

/** A call abandoned because the connection dropped or the engine stopped: not a failure. */
class Abandoned extends Error {}

class SyncFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function toProblem(err: unknown): Problem {
  if (err instanceof SyncFailure || err instanceof BlobUnavailableError)
    return { code: err.code, message: err.message };
  return {
    code: 'SYNC_FAILED',
    message: `同步失败：${err instanceof Error ? err.message : String(err)}`,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPage(response: unknown, requested: number): PullResponse {
  if (!isObject(response)) throw new SyncFailure('INVALID_MESSAGE', '中心的拉取应答格式错误');
  if (isObject(response.error)) {
    throw new SyncFailure(
      String(response.error.code),
      String(response.error.message ?? '中心拒绝了拉取请求'),
    );
  }
  const { events, cursor, more } = response;
  if (
    !Array.isArray(events) ||
    !events.every(looksStored) ||
    !Number.isSafeInteger(cursor) ||
    typeof more !== 'boolean'
  ) {
    throw new SyncFailure('INVALID_MESSAGE', '中心的拉取应答格式错误');
  }
  if ((cursor as number) < 0 || (more && events.length === 0 && cursor === requested)) {
    // A page that promises more but moves nowhere would loop forever.
    throw new SyncFailure('INVALID_MESSAGE', '中心的拉取应答没有进展');
  }
  return { events, cursor: cursor as number, more };
}

export class SyncEngine {
  private readonly deviceId: string;
  private readonly storage: SyncStorage;
  private readonly transport: SyncTransport;
  private readonly timers: Timers;
  private readonly blobs: BlobUploader | undefined;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly batchSize: number;
  private readonly pullLimit: number;
  private readonly snapshotLimit: number;
  /** The hub answered that it offers no snapshot: pull the feed instead, this session. */
  private noSnapshot = false;
  /** The hub answered that it offers no case heads: the lists fill as the snapshot stores cases. */
  private noHeads = false;
  private readonly ackTimeoutMs: number;
  private readonly backoffBase: number;
  private readonly backoffCap: number;

  private running = false;
  private online = false;
  private subscriptions: Unsubscribe[] = [];
  /** Rejecters of the remote calls in flight, so a dropped connection abandons them at once. */
  private readonly inFlight = new Set<(err: Error) => void>();

  private pushLoop: Promise<void> | null = null;
  private pushAgain = false;
  private pushTimer: TimerHandle | null = null;
  private pushAttempt = 0;
  private pullAfterPush = false;
  /** Events the hub answered MISSING_BLOB for: their blobs are uploaded again, whatever we believe. */
  private readonly reupload = new Set<string>();

  private pullLoop: Promise<void> | null = null;
  private pullAgain = false;
  private pullTimer: TimerHandle | null = null;
  private pullAttempt = 0;

  private counts = { pending: 0, refused: 0 };
  private countsAsked = 0;
  private countsApplied = 0;
  private lastSyncAt: number | null = null;
  private connectionError: Problem | null = null;
  private pushError: Problem | null = null;
  private pullError: Problem | null = null;
  private bootstrap: SyncStatus['bootstrap'] = { received: 0 };

  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private readonly refusedListeners = new Set<(refused: RefusedEvent[]) => void>();
  private lastEmitted = '';

  constructor(options: SyncEngineOptions) {
    this.deviceId = options.deviceId;
    this.storage = options.storage;
    this.transport = options.transport;
    this.timers = options.timers;
    this.blobs = options.blobs;
    this.random = options.random ?? Math.random;
    this.newId = options.newId ?? uuidv7;
    this.batchSize = Math.max(1, Math.min(MAX_PUSH_EVENTS, options.batchSize ?? MAX_PUSH_EVENTS));
    this.pullLimit = Math.max(1, Math.min(MAX_PULL_LIMIT, options.pullLimit ?? DEFAULT_PULL_LIMIT));
    this.snapshotLimit = Math.max(0, Math.min(MAX_SNAPSHOT_LIMIT, options.snapshotLimit ?? DEFAULT_SNAPSHOT_LIMIT));
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.backoffBase = options.backoff?.baseMs ?? BACKOFF_BASE_MS;
    this.backoffCap = options.backoff?.capMs ?? BACKOFF_CAP_MS;
  }

  /** Reads where the store stands, listens to the transport and connects. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const cursor = await this.storage.getCursor();
    await this.refreshCounts();
    if (!this.running) return;
    this.bootstrap = { ...this.bootstrap, received: cursor };
    this.subscriptions.push(
      this.transport.onStatus((s) => this.handleStatus(s)),
      this.transport.onPoke((p) => this.handlePoke(p.head)),
    );
    this.transport.connect();
    if (this.transport.isConnected()) this.handleStatus({ connected: true });
    this.emit();
  }

  /** Disconnects and waits until no loop, timer or call of this engine is left. */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      for (const unsubscribe of this.subscriptions) unsubscribe();
      this.subscriptions = [];
      this.clearRetries();
      this.abandonInFlight();
      this.online = false;
      this.transport.disconnect();
    }
    await Promise.all([this.pushLoop, this.pullLoop]);
    this.emit();
  }

  /**
   * Validates the event, stores it in the outbox with the next deviceSeq, and pushes when it can.
   * Works while offline and before start(): the outbox is the point, the hub comes later.
   */
  async append(draft: EventDraft): Promise<Result<Event>> {
    if (draft.deviceId !== undefined && draft.deviceId !== this.deviceId) {
      return fail('INVALID_EVENT', '事件的设备编号与本机不符');
    }
    // deviceSeq 1 only so the schema can check the rest; the store assigns the real one.
    const parsed = EventSchema.safeParse({
      ...draft,
      id: draft.id ?? this.newId(),
      deviceId: this.deviceId,
      deviceSeq: 1,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') ?? '';
      return fail(
        'INVALID_EVENT',
        `${where ? `${where}：` : ''}${issue?.message ?? '事件格式错误'}`,
      );
    }
    const { deviceSeq: _placeholder, ...unsequenced } = parsed.data;
    let stored: Event;
    try {
      stored = await this.storage.append(unsequenced as UnsequencedEvent);
    } catch (err) {
      return fail(
        'STORAGE_FAILED',
        `无法保存到本机：${err instanceof Error ? err.message : String(err)}`,
      );
    }
    await this.refreshCounts();
    this.emit();
    this.requestPush();
    return ok(stored);
  }

  /** A "sync now" button: forget any backoff and push, then pull, at once. */
  syncNow(): void {
    if (!this.running || !this.online) return;
    this.clearRetries();
    this.pullAfterPush = true;
    this.requestPush();
    this.afterPushSettles();
  }

  status(): SyncStatus {
    return {
      online: this.online,
      pushing: this.pushLoop !== null,
      pulling: this.pullLoop !== null,
      pending: this.counts.pending,
      refused: this.counts.refused,
      lastSyncAt: this.lastSyncAt,
      lastError: this.connectionError ?? this.pushError ?? this.pullError,
      bootstrap: { ...this.bootstrap },
    };
  }

  /** Called now with the current status, then on every change. */
  onStatus(cb: (status: SyncStatus) => void): Unsubscribe {
    this.statusListeners.add(cb);
    cb(this.status());
    return () => this.statusListeners.delete(cb);
  }

  /** Called with the events the hub has just refused for good. */
  onRefused(cb: (refused: RefusedEvent[]) => void): Unsubscribe {
    this.refusedListeners.add(cb);
    return () => this.refusedListeners.delete(cb);
  }

  private handleStatus(status: TransportStatus): void {
    if (!this.running) return;
    this.connectionError = status.error ?? null;
    if (status.connected && !this.online) {
      this.online = true;
      this.clearRetries();
      this.pullAfterPush = true;
      this.requestPush();
      this.afterPushSettles();
    } else if (!status.connected && this.online) {
      this.online = false;
      // Whatever was sent and not acknowledged counts as unsent; the next connection resends it.
      this.abandonInFlight();
      this.clearRetries();
    }
    this.emit();
  }

  private handlePoke(head: number): void {
    if (!this.running) return;
    if (Number.isSafeInteger(head) && head > (this.bootstrap.head ?? -1)) {
      this.bootstrap = { ...this.bootstrap, head };
    }
    this.requestPull();
    this.emit();
  }

  // ---- push ----

  private requestPush(): void {
    if (!this.running || !this.online || this.pushTimer !== null) return;
    if (this.pushLoop) {
      this.pushAgain = true;
      return;
    }
    this.pushLoop = this.pushRounds().then(() => {
      this.pushLoop = null;
      if (this.pushAgain) this.requestPush();
      this.afterPushSettles();
      this.emit();
    });
    this.emit();
  }

  /** On (re)connect the engine pushes first and pulls once that push has run its course. */
  private afterPushSettles(): void {
    if (this.pushLoop !== null || !this.pullAfterPush) return;
    this.pullAfterPush = false;
    this.requestPull();
  }

  private async pushRounds(): Promise<void> {
    while (this.running && this.online) {
      this.pushAgain = false;
      let outcome: 'done' | 'progress' | 'retry';
      try {
        outcome = await this.pushOnce();
      } catch (err) {
        if (err instanceof Abandoned) return;
        this.pushError = toProblem(err);
        outcome = 'retry';
      }
      if (outcome === 'retry') {
        this.schedulePushRetry();
        return;
      }
      this.pushAttempt = 0;
      this.pushError = null;
      if (outcome === 'done') {
        this.lastSyncAt = this.timers.now();
        return;
      }
    }
  }

  /** One batch: upload its blobs, push it, record the answers. */
  private async pushOnce(): Promise<'done' | 'progress' | 'retry'> {
    const batch = await this.storage.pending(this.batchSize);
    if (batch.length === 0) return 'done';
    const { sendable, blobError } = await this.uploadBlobs(batch);
    if (sendable.length === 0) {
      this.pushError = blobError;
      return 'retry';
    }

    const raw = await this.call(() => this.transport.push(sendable), this.ackTimeoutMs);
    const parsed = PushResponseSchema.safeParse(raw);
    if (!parsed.success) throw new SyncFailure('INVALID_MESSAGE', '中心的推送应答格式错误');
    if (parsed.data.error) throw new SyncFailure(parsed.data.error.code, parsed.data.error.message);

    const answers = new Map(parsed.data.results.map((r) => [r.id, r]));
    const outcomes: PushOutcome[] = [];
    const refused: RefusedEvent[] = [];
    let notYet: Problem | null = null;
    for (const event of sendable) {
      const answer = answers.get(event.id);
      if (
        answer &&
        (answer.status === 'accepted' || answer.status === 'duplicate') &&
        answer.hubSeq !== undefined
      ) {
        outcomes.push({ id: event.id, status: 'accepted', hubSeq: answer.hubSeq });
      } else if (
        answer?.status === 'rejected' &&
        answer.reason &&
        !RETRYABLE_REJECTIONS.has(answer.reason.code)
      ) {
        outcomes.push({ id: event.id, status: 'rejected', reason: answer.reason });
        refused.push({ event, reason: answer.reason });
      } else {
        // "Not yet", or no usable answer: the event stays pending and goes again, in order.
        if (answer?.reason?.code === 'MISSING_BLOB') this.reupload.add(event.id);
        notYet ??= answer?.reason ?? {
          code: 'INVALID_MESSAGE',
          message: '中心未给出此事件的有效应答',
        };
      }
    }
    // Recorded even if the connection dropped meanwhile: an answer is the hub's word either way.
    await this.storage.recordPushOutcomes(outcomes);
    for (const o of outcomes) this.reupload.delete(o.id);
    await this.refreshCounts();
    if (refused.length > 0) this.notifyRefused(refused);
    this.emit();
    if (notYet) {
      this.pushError = notYet;
      return 'retry';
    }
    if (blobError) {
      this.pushError = blobError;
      return 'retry';
    }
    return 'progress';
  }

  /** Makes sure the batch's attachments are on the hub; the batch ends before the first that is not. */
  private async uploadBlobs(
    batch: Event[],
  ): Promise<{ sendable: Event[]; blobError: Problem | null }> {
    const blobs = this.blobs;
    if (!blobs) return { sendable: batch, blobError: null };
    for (const [index, event] of batch.entries()) {
      const hashes = attachmentHashes(event);
      if (hashes.length === 0) continue;
      try {
        const force = this.reupload.has(event.id);
        // No timeout: a 50 MB attachment may take long; a dropped connection still abandons it.
        await this.call(() => blobs.ensure(hashes, { force }), null);
      } catch (err) {
        if (err instanceof Abandoned) throw err;
        return { sendable: batch.slice(0, index), blobError: toProblem(err) };
      }
    }
    return { sendable: batch, blobError: null };
  }

  private schedulePushRetry(): void {
    if (!this.running || !this.online) return;
    const delay = backoffDelay(this.pushAttempt, this.random, this.backoffBase, this.backoffCap);
    this.pushAttempt += 1;
    this.pushTimer = this.timers.setTimeout(() => {
      this.pushTimer = null;
      this.requestPush();
    }, delay);
  }

  // ---- pull ----

  private requestPull(): void {
    if (!this.running || !this.online || this.pullTimer !== null) return;
    if (this.pullLoop) {
      // Pokes during a pull coalesce into one more page request at its end.
      this.pullAgain = true;
      return;
    }
    this.pullLoop = this.pullPages().then(() => {
      this.pullLoop = null;
      if (this.pullAgain) this.requestPull();
      this.emit();
    });
    this.emit();
  }

  private async pullPages(): Promise<void> {
    while (this.running && this.online) {
      this.pullAgain = false;
      try {
        const cursor = await this.storage.getCursor();
        if (await this.wantsHeads(cursor)) {
          await this.loadHeads();
          continue;
        }
        if (await this.wantsSnapshot(cursor)) {
          await this.loadSnapshot();
          continue;
        }
        const raw = await this.call(
          () => this.transport.pull({ cursor, limit: this.pullLimit }),
          this.ackTimeoutMs,
        );
        const page = checkPage(raw, cursor);
        // The cursor moves only in the same unit of work as the events it covers.
        await this.storage.applyPulled(page.events, page.cursor);
        this.pullAttempt = 0;
        this.pullError = null;
        const head = page.more
          ? this.bootstrap.head
          : Math.max(this.bootstrap.head ?? 0, page.cursor);
        this.bootstrap = { received: page.cursor, ...(head !== undefined ? { head } : {}) };
        if (page.events.length > 0) await this.refreshCounts();
        this.emit();
        if (page.more || this.pullAgain) continue;
        this.lastSyncAt = this.timers.now();
        return;
      } catch (err) {
        if (err instanceof Abandoned) return;
        this.pullError = toProblem(err);
        this.schedulePullRetry();
        return;
      }
    }
  }

  // ---- case heads ----

  /**
   * A store that has pulled nothing and started no snapshot first downloads the case heads, when
   * store and hub both can: the lists then show every case within seconds, and the snapshot stores
   * each case whole behind them.
   */
  private async wantsHeads(cursor: number): Promise<boolean> {
    if (this.noHeads || this.noSnapshot || this.snapshotLimit === 0 || !this.transport.heads || !this.transport.snapshot) return false;
    if (!this.storage.applyHeads || !this.storage.headsState || !this.storage.snapshotState) return false;
    if (cursor !== 0 || (await this.storage.snapshotState()) !== null) return false;
    return !(await this.storage.headsState())?.done;
  }

  /** Downloads the case heads page by page, each kept with where the download stands (a restart resumes). */
  private async loadHeads(): Promise<void> {
    const storage = this.storage as Required<Pick<SyncStorage, 'applyHeads' | 'headsState'>>;
    let state: HeadsState | null = await storage.headsState();
    try {
      const offered = await this.download(
        state?.after ?? null,
        (after) => this.transport.heads!({ after, limit: DEFAULT_HEADS_LIMIT }),
        readHeadsPage,
        async (page) => {
          const next: HeadsState = { after: page.after ?? state?.after ?? null, cases: (state?.cases ?? 0) + page.heads.length, done: !page.more };
          await storage.applyHeads(page.heads, next);
          state = next;
          this.bootstrap = { ...this.bootstrap, heads: { cases: next.cases, done: next.done } };
        },
      );
      if (!offered) this.noHeads = true;
    } catch (err) {
      // The heads only make the first minute shorter: a hub that answers them wrongly (a page that
      // makes no sense, an error of its own) must not stop the snapshot, which brings every case
      // whole. A lost connection is tried again as any download is.
      if (!(err instanceof SyncFailure)) throw err;
      this.noHeads = true;
    }
  }

  /**
   * A paged download (the heads, the snapshot): each page checked by `read`, and stored by `store`
   * while the next one is on its way. Resolves false when the hub offers no such download (its
   * first answer is null).
   */
  private async download<P extends { after: string | null; more: boolean }>(
    from: string | null,
    fetch: (after: string | null) => Promise<unknown>,
    read: (raw: unknown, after: string | null) => { ok: true; page: P } | { ok: false; code: string; message: string },
    store: (page: P) => Promise<void>,
  ): Promise<boolean> {
    let after = from;
    const fetchPage = (at: string | null) => this.call(() => fetch(at), this.ackTimeoutMs);
    let next = fetchPage(after);
    for (;;) {
      const raw = await next;
      if (raw === null) return false;
      const checked = read(raw, after);
      if (!checked.ok) throw new SyncFailure(checked.code, checked.message);
      const { page } = checked;
      if (page.more) {
        next = fetchPage(page.after);
        // Settled here if storing this page fails first; the loop ends then and nobody awaits it.
        next.catch(() => undefined);
      }
      await store(page);
      after = page.after ?? after;
      this.pullAttempt = 0;
      this.pullError = null;
      this.emit();
      if (!page.more) return true;
      if (!this.running || !this.online) throw new Abandoned('stopped');
    }
  }

  /**
   * Fetches one case whole from the hub and stores it, ahead of the snapshot's pages (a case page
   * asked for a case the store does not hold yet). Resolves false when the hub has no such case for
   * this device or offers no such address; rejects when the hub cannot be reached.
   */
  async fetchCase(caseId: string): Promise<boolean> {
    if (!this.transport.snapshotCase || !this.storage.storeCases) return false;
    if (!this.running || !this.online) throw new SyncFailure('OFFLINE', '本机离线');
    const raw = await this.call(() => this.transport.snapshotCase!(caseId), this.ackTimeoutMs).catch((err: unknown) => {
      throw err instanceof Abandoned ? new SyncFailure('OFFLINE', '本机离线') : err;
    });
    if (raw === null) return false;
    const read = readSnapshotPage(raw, null);
    if (!read.ok) {
      if (read.code === 'NOT_FOUND') return false;
      throw new SyncFailure(read.code, read.message);
    }
    const cases = read.page.cases.filter((c) => c.caseId === caseId);
    if (cases.length === 0) return false;
    await this.storage.storeCases(cases);
    return true;
  }

  // ---- snapshot ----

  /** A store that has pulled nothing yet starts from the case snapshot, when store and hub both can. */
  private async wantsSnapshot(cursor: number): Promise<boolean> {
    if (this.noSnapshot || this.snapshotLimit === 0 || !this.transport.snapshot) return false;
    if (!this.storage.applySnapshot || !this.storage.snapshotState) return false;
    if (cursor !== 0) return false;
    return !(await this.storage.snapshotState())?.done;
  }

  /**
   * Loads the case snapshot page by page, each stored with where the snapshot stands, so a restart
   * resumes after the last page stored; the next page is on its way while one is stored. The last
   * page sets the cursor, and pulling the feed from there brings what changed meanwhile.
   */
  private async loadSnapshot(): Promise<void> {
    const storage = this.storage as Required<Pick<SyncStorage, 'applySnapshot' | 'snapshotState'>>;
    let state: SnapshotState | null = await storage.snapshotState();
    const offered = await this.download(
      state?.after ?? null,
      (after) => this.transport.snapshot!({ after, limit: this.snapshotLimit }),
      readSnapshotPage,
      async (page) => {
        const events = page.cases.reduce((n, c) => n + c.events.length, 0);
        const cursor = state?.cursor ?? page.cursor;
        const next: SnapshotState = {
          cursor,
          after: page.after ?? state?.after ?? null,
          cases: (state?.cases ?? 0) + page.cases.length,
          events: (state?.events ?? 0) + events,
          done: !page.more,
        };
        await storage.applySnapshot(page.cases, next);
        state = next;
        const head = Math.max(this.bootstrap.head ?? 0, cursor);
        this.bootstrap = { ...this.bootstrap, received: Math.min(next.events, head), head, cases: next.cases };
      },
    );
    // A hub without snapshots: the feed from 0 brings everything, only slower.
    if (!offered) this.noSnapshot = true;
  }

  private schedulePullRetry(): void {
    if (!this.running || !this.online) return;
    const delay = backoffDelay(this.pullAttempt, this.random, this.backoffBase, this.backoffCap);
    this.pullAttempt += 1;
    this.pullTimer = this.timers.setTimeout(() => {
      this.pullTimer = null;
      this.requestPull();
    }, delay);
  }

  // ---- plumbing ----

  /**
   * Runs a remote call that a dropped connection or stop() abandons at once, and that a missing
   * acknowledgement fails after `timeoutMs` (null: no limit). A late answer is ignored.
   */
  private call<T>(fn: () => Promise<T>, timeoutMs: number | null): Promise<T> {
    if (!this.running || !this.online) return Promise.reject(new Abandoned('offline'));
    return new Promise<T>((resolve, reject) => {
      let timer: TimerHandle | null = null;
      const settle = (): boolean => {
        if (!this.inFlight.delete(abandon)) return false;
        if (timer !== null) this.timers.clearTimeout(timer);
        return true;
      };
      const abandon = (err: Error): void => {
        if (settle()) reject(err);
      };
      this.inFlight.add(abandon);
      if (timeoutMs !== null) {
        timer = this.timers.setTimeout(() => {
          timer = null;
          abandon(new SyncFailure('TIMEOUT', '中心未在时限内应答'));
        }, timeoutMs);
      }
      let promise: Promise<T>;
      try {
        promise = fn();
      } catch (err) {
        promise = Promise.reject(err);
      }
      promise.then(
        (value) => {
          if (settle()) resolve(value);
        },
        (err: unknown) => {
          if (settle()) reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  private abandonInFlight(): void {
    for (const abandon of [...this.inFlight]) abandon(new Abandoned('connection closed'));
  }

  private clearRetries(): void {
    if (this.pushTimer !== null) this.timers.clearTimeout(this.pushTimer);
    if (this.pullTimer !== null) this.timers.clearTimeout(this.pullTimer);
    this.pushTimer = null;
    this.pullTimer = null;
    this.pushAttempt = 0;
    this.pullAttempt = 0;
  }

  /** Counts come from the store, which a concurrent call may have changed: only the newest read wins. */
  private async refreshCounts(): Promise<void> {
    const asked = ++this.countsAsked;
    const counts = await this.storage.counts();
    if (asked > this.countsApplied) {
      this.countsApplied = asked;
      this.counts = counts;
    }
  }

  private notifyRefused(refused: RefusedEvent[]): void {
    for (const cb of [...this.refusedListeners]) {
      try {
        cb(refused);
      } catch {
        // A broken listener must not stop sync; the refused events stay in the store regardless.
      }
    }
  }

  private emit(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    for (const cb of [...this.statusListeners]) {
      try {
        cb(status);
      } catch {
        // A broken status bar must not stop sync.
      }
    }
  }
}
