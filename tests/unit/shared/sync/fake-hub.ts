// An in-memory hub, its socket transports and a fake clock, following PROTOCOL.md (socket.io section)
// closely enough to test the sync engine: deviceSeq order, remembered answers, "not yet" answers,
// hall feeds with a cursor, and pokes; plus switches for the faults a real network produces.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent, type CaseView } from '../../../../shared/case/projection';
import { relationsOf } from '../../../../shared/case/permissions';
import {
  Event as EventSchema,
  EventIdentity,
  type Event,
  type StoredEvent,
} from '../../../../shared/protocol/events';
import {
  DEFAULT_PULL_LIMIT,
  MAX_PUSH_EVENTS,
  PullRequest,
  type Poke,
  type PullResponse,
  type PushResponse,
  type PushResult,
} from '../../../../shared/protocol/wire';
import type { Problem } from '../../../../shared/result';
import {
  SyncEngine,
  type EventDraft,
  type SyncEngineOptions,
  type Timers,
} from '../../../../shared/sync/engine';
import { MemorySyncStorage } from '../../../../shared/sync/memory-storage';
import type { SyncStorage } from '../../../../shared/sync/storage';
import {
  createBlobUploader,
  type BlobSource,
  type SyncTransport,
  type TransportStatus,
  type Unsubscribe,
} from '../../../../shared/sync/transport';
import { receivedPayload } from '../../../support/events';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// ---- clock ----

interface Pending {
  id: number;
  at: number;
  fn: () => void;
}

/** Timers that run only when a test advances them; `pending` tells whether anything leaked. */
export class FakeTimers implements Timers {
  private time = Date.parse('2026-11-25T01:00:00.000Z');
  private nextId = 1;
  private readonly queue = new Map<number, Pending>();
  /** Every delay asked for, in order, for backoff assertions. */
  readonly requested: number[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.requested.push(ms);
    this.queue.set(id, { id, at: this.time + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** The earliest timer, ties in the order set. */
  private next(): Pending | undefined {
    let best: Pending | undefined;
    for (const t of this.queue.values())
      if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }

  nextAt(): number | undefined {
    return this.next()?.at;
  }

  runNext(): boolean {
    const t = this.next();
    if (!t) return false;
    this.queue.delete(t.id);
    this.time = Math.max(this.time, t.at);
    t.fn();
    return true;
  }

  setTime(at: number): void {
    this.time = Math.max(this.time, at);
  }
}

/** The engine's view of a FakeTimers: tells which of the timers it set are still live. */
export class TrackedTimers implements Timers {
  private readonly live = new Set<unknown>();

  constructor(private readonly inner: FakeTimers) {}

  now(): number {
    return this.inner.now();
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.inner.setTimeout(() => {
      this.live.delete(handle);
      fn();
    }, ms);
    this.live.add(handle);
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.live.delete(handle);
    this.inner.clearTimeout(handle);
  }

  get pending(): number {
    return this.live.size;
  }
}

/** A SyncStorage that forwards every call; tests override the one they want to disturb. */
export function forwarding(inner: SyncStorage, override: Partial<SyncStorage>): SyncStorage {
  return {
    append: (e) => inner.append(e),
    pending: (n) => inner.pending(n),
    recordPushOutcomes: (o) => inner.recordPushOutcomes(o),
    counts: () => inner.counts(),
    refused: () => inner.refused(),
    getCursor: () => inner.getCursor(),
    applyPulled: (events, cursor) => inner.applyPulled(events, cursor),
    ...override,
  };
}

/** Lets every promise chain that can move without a timer move. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Advances the clock by `ms`, running the timers that fall due on the way. */
export async function advance(timers: FakeTimers, ms: number): Promise<void> {
  const end = timers.now() + ms;
  await flush();
  for (;;) {
    const at = timers.nextAt();
    if (at === undefined || at > end) break;
    timers.runNext();
    await flush();
  }
  timers.setTime(end);
  await flush();
}

/** Runs timers until none is left (everything idle) or the clock has moved `limitMs`; true if idle. */
export async function settle(timers: FakeTimers, limitMs = 10 * 60_000): Promise<boolean> {
  const end = timers.now() + limitMs;
  await flush();
  for (;;) {
    const at = timers.nextAt();
    if (at === undefined) return true;
    if (at > end) return false;
    timers.runNext();
    await flush();
  }
}

// ---- hub ----

export interface Device {
  deviceId: string;
  hallId: string;
  scope: 'hall' | 'region';
}

type Answer = { status: 'accepted'; hubSeq: number } | { status: 'rejected'; reason: Problem };

const problem = (code: string, message = code): Problem => ({ code, message });

function attachmentsOf(event: Event): string[] {
  if (event.type !== 'case.received' && event.type !== 'case.correction_submitted') return [];
  return event.payload.materials.flatMap((m) => m.attachments.map((a) => a.sha256));
}

export class FakeHub {
  /** Every accepted event, in hubSeq order. */
  readonly log: StoredEvent[] = [];
  readonly blobs = new Set<string>();
  private readonly devices = new Map<string, Device>();
  private readonly answersById = new Map<string, Answer>();
  private readonly answersBySeq = new Map<string, Answer>();
  private readonly expectedSeq = new Map<string, number>();
  private readonly feeds = new Map<string, StoredEvent[]>();
  private readonly cases = new Map<string, CaseView>();
  private readonly connected = new Set<FakeTransport>();
  /** Per device: how many coming pushes answer this "not yet" code at their first event. */
  private readonly notYet = new Map<string, { code: 'SEQ_GAP' | 'MISSING_BLOB'; times: number }>();

  constructor(
    readonly timers: FakeTimers,
    readonly latencyMs = 5,
  ) {}

  enroll(device: Device): void {
    this.devices.set(device.deviceId, device);
  }

  transport(deviceId: string): FakeTransport {
    return new FakeTransport(this, deviceId);
  }

  injectNotYet(deviceId: string, code: 'SEQ_GAP' | 'MISSING_BLOB', times: number): void {
    this.notYet.set(deviceId, { code, times });
  }

  /** The final answer the hub remembers for an event id, if any. */
  answerFor(id: string): Answer | undefined {
    return this.answersById.get(id);
  }

  feedOf(deviceId: string): StoredEvent[] {
    return clone(this.feed(this.feedKey(deviceId)));
  }

  eventsOf(deviceId: string): StoredEvent[] {
    return this.log.filter((e) => e.deviceId === deviceId);
  }

  attach(t: FakeTransport): void {
    this.connected.add(t);
  }

  detach(t: FakeTransport): void {
    this.connected.delete(t);
  }

  /** Pokes every connected device whatever happened: pokes carry no promise, only a hint. */
  pokeAll(): void {
    for (const t of this.connected)
      t.deliverPoke({ head: this.feed(this.feedKey(t.deviceId)).length });
  }

  private feedKey(deviceId: string): string {
    const device = this.devices.get(deviceId);
    if (!device) throw new Error(`unknown device ${deviceId}`);
    return device.scope === 'region' ? '*' : device.hallId;
  }

  private feed(key: string): StoredEvent[] {
    let feed = this.feeds.get(key);
    if (!feed) this.feeds.set(key, (feed = []));
    return feed;
  }

  handlePush(deviceId: string, message: unknown): PushResponse {
    const events = (message as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || events.length > MAX_PUSH_EVENTS) {
      return { results: [], error: problem('INVALID_MESSAGE') };
    }
    const grown = new Set<string>();
    const injected = this.notYet.get(deviceId);
    const results = events.map((raw, index): PushResult => {
      const identity = EventIdentity.safeParse(raw);
      const id = String((raw as { id?: unknown } | null)?.id ?? '');
      if (!identity.success) return { id, status: 'rejected', reason: problem('INVALID_EVENT') };
      if (identity.data.deviceId !== deviceId)
        return { id, status: 'rejected', reason: problem('FORBIDDEN') };
      const seqKey = `${deviceId}#${identity.data.deviceSeq}`;
      const known = this.answersById.get(id) ?? this.answersBySeq.get(seqKey);
      if (known) {
        return known.status === 'accepted'
          ? { id, status: 'duplicate', hubSeq: known.hubSeq }
          : { id, status: 'rejected', reason: known.reason };
      }
      const expected = this.expectedSeq.get(deviceId) ?? 1;
      if (index === 0 && injected && injected.times > 0) {
        injected.times -= 1;
        return { id, status: 'rejected', reason: problem(injected.code) };
      }
      if (identity.data.deviceSeq !== expected)
        return { id, status: 'rejected', reason: problem('SEQ_GAP') };
      const parsed = EventSchema.safeParse(raw);
      const answer = parsed.success
        ? this.judge(deviceId, parsed.data)
        : { status: 'rejected' as const, reason: problem('INVALID_EVENT') };
      if (answer.status === 'rejected' && answer.reason.code === 'MISSING_BLOB')
        return { id, ...answer };
      this.answersById.set(id, answer);
      this.answersBySeq.set(seqKey, answer);
      this.expectedSeq.set(deviceId, expected + 1);
      if (answer.status === 'accepted' && parsed.success) {
        for (const key of this.store(parsed.data, answer.hubSeq)) grown.add(key);
      }
      return { id, ...answer };
    });
    for (const t of this.connected) {
      const key = this.feedKey(t.deviceId);
      if (grown.has(key)) t.deliverPoke({ head: this.feed(key).length });
    }
    return { results };
  }

  /** Permission, blobs and the case's state, in the order PROTOCOL.md gives. */
  private judge(deviceId: string, event: Event): Answer {
    const device = this.devices.get(deviceId);
    if (!device) return { status: 'rejected', reason: problem('FORBIDDEN') };
    if (event.type === 'certificate.issued')
      return { status: 'rejected', reason: problem('FORBIDDEN') };
    if (device.scope === 'hall' && event.actor.hallId !== device.hallId)
      return { status: 'rejected', reason: problem('FORBIDDEN') };
    const current = this.cases.get(event.caseId) ?? null;
    if (
      current &&
      device.scope === 'hall' &&
      relationsOf(device.hallId, current.halls).length === 0
    ) {
      return { status: 'rejected', reason: problem('FORBIDDEN') };
    }
    if (attachmentsOf(event).some((sha) => !this.blobs.has(sha)))
      return { status: 'rejected', reason: problem('MISSING_BLOB') };
    const applied = applyEvent(current, event);
    if (!applied.ok) return { status: 'rejected', reason: applied.error };
    return { status: 'accepted', hubSeq: this.log.length + 1 };
  }

  /** Appends to the log and to the feed of every hall the case involves; returns the feeds grown. */
  private store(event: Event, hubSeq: number): string[] {
    const stored = {
      ...event,
      hubSeq,
      receivedAt: new Date(this.timers.now()).toISOString(),
    } as StoredEvent;
    this.log.push(stored);
    const applied = applyEvent(this.cases.get(event.caseId) ?? null, stored);
    if (!applied.ok) throw new Error('judged event did not apply');
    this.cases.set(event.caseId, applied.value);
    const halls = applied.value.halls;
    const keys = [...new Set([halls.intakeHallId, halls.homeHallId, halls.deliveryHallId]), '*'];
    for (const key of keys) this.feed(key).push(stored);
    return keys;
  }

  handlePull(deviceId: string, message: unknown): PullResponse {
    const request = PullRequest.safeParse(message);
    const feed = this.feed(this.feedKey(deviceId));
    if (!request.success || request.data.cursor > feed.length) {
      return { events: [], cursor: 0, more: false, error: problem('INVALID_MESSAGE') };
    }
    const { cursor, limit = DEFAULT_PULL_LIMIT } = request.data;
    const events = clone(feed.slice(cursor, cursor + limit));
    const next = cursor + events.length;
    return { events, cursor: next, more: next < feed.length };
  }
}

// ---- transport ----

/**
 * One device's socket to the FakeHub. Messages take `latencyMs` each way and are lost, never
 * buffered, when the connection drops before they arrive; `cut()` takes the network away and
 * `heal()` brings it back (the socket then reconnects by itself, as socket.io does).
 */
export class FakeTransport implements SyncTransport {
  private wanted = false;
  private linkUp = true;
  private connected = false;
  private connecting = false;
  private epoch = 0;
  private readonly statusCbs = new Set<(s: TransportStatus) => void>();
  private readonly pokeCbs = new Set<(p: Poke) => void>();
  /** Pushes the hub processes but whose acknowledgement is lost. */
  dropAcks = 0;
  /** Pushes answered with an error (INTERNAL) instead of results. */
  failPushes = 0;
  /** Pushes that never reach the hub. */
  dropPushes = 0;
  /** Pokes lost on the way, so only a resend can learn what the hub has. */
  dropPokes = false;
  readonly pushes: Event[][] = [];
  /** Clock time each push was sent. */
  readonly pushTimes: number[] = [];
  /** Every push answer that reached the device. */
  readonly responses: PushResponse[] = [];
  readonly pulls: { cursor: number; limit?: number }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  uploads = 0;

  constructor(
    private readonly hub: FakeHub,
    readonly deviceId: string,
  ) {}

  connect(): void {
    this.wanted = true;
    this.tryConnect();
  }

  disconnect(): void {
    this.wanted = false;
    this.drop();
  }

  isConnected(): boolean {
    return this.connected;
  }

  cut(): void {
    this.linkUp = false;
    this.drop();
  }

  heal(): void {
    this.linkUp = true;
    this.tryConnect();
  }

  private tryConnect(): void {
    if (!this.wanted || !this.linkUp || this.connected || this.connecting) return;
    this.connecting = true;
    this.hub.timers.setTimeout(() => {
      this.connecting = false;
      if (!this.wanted || !this.linkUp || this.connected) return;
      this.connected = true;
      this.epoch += 1;
      this.hub.attach(this);
      for (const cb of [...this.statusCbs]) cb({ connected: true });
    }, this.hub.latencyMs);
  }

  private drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.epoch += 1;
    this.inFlight = 0;
    this.hub.detach(this);
    for (const cb of [...this.statusCbs]) cb({ connected: false });
  }

  /** Sends a message that arrives after the latency if the same connection still stands. */
  private later(fn: () => void): void {
    const epoch = this.epoch;
    this.hub.timers.setTimeout(() => {
      if (this.epoch === epoch && this.connected) fn();
    }, this.hub.latencyMs);
  }

  push(events: readonly Event[]): Promise<PushResponse> {
    if (!this.connected) return Promise.reject(new Error('not connected'));
    const sent = clone(events) as Event[];
    this.pushes.push(sent);
    this.pushTimes.push(this.hub.timers.now());
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve) => {
      this.later(() => {
        if (this.dropPushes > 0) {
          this.dropPushes -= 1;
          this.inFlight -= 1;
          return;
        }
        let response: PushResponse;
        if (this.failPushes > 0) {
          this.failPushes -= 1;
          response = { results: [], error: problem('INTERNAL') };
        } else {
          response = this.hub.handlePush(this.deviceId, { events: sent });
        }
        if (this.dropAcks > 0) {
          this.dropAcks -= 1;
          this.inFlight -= 1;
          return;
        }
        this.later(() => {
          this.inFlight -= 1;
          this.responses.push(clone(response));
          resolve(clone(response));
        });
      });
    });
  }

  pull(request: { cursor: number; limit?: number }): Promise<PullResponse> {
    if (!this.connected) return Promise.reject(new Error('not connected'));
    this.pulls.push({ ...request });
    return new Promise((resolve) => {
      this.later(() => {
        const response = this.hub.handlePull(this.deviceId, request);
        this.later(() => resolve(response));
      });
    });
  }

  deliverPoke(poke: Poke): void {
    if (this.dropPokes) return;
    this.later(() => {
      for (const cb of [...this.pokeCbs]) cb(poke);
    });
  }

  onPoke(cb: (poke: Poke) => void): Unsubscribe {
    this.pokeCbs.add(cb);
    return () => this.pokeCbs.delete(cb);
  }

  onStatus(cb: (status: TransportStatus) => void): Unsubscribe {
    this.statusCbs.add(cb);
    return () => this.statusCbs.delete(cb);
  }

  async uploadBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    if (!this.connected) throw new Error('not connected');
    if (createHash('sha256').update(bytes).digest('hex') !== sha256)
      throw new Error('BLOB_HASH_MISMATCH');
    this.uploads += 1;
    this.hub.blobs.add(sha256);
  }

  async hasBlob(sha256: string): Promise<boolean> {
    if (!this.connected) throw new Error('not connected');
    return this.hub.blobs.has(sha256);
  }
}

// ---- event drafts ----

export const TJ_DEVICE: Device = {
  deviceId: '0193b1c2-0000-7000-8000-0000000000a1',
  hallId: 'TJ',
  scope: 'hall',
};
export const BJ_DEVICE: Device = {
  deviceId: '0193b1c2-0000-7000-8000-0000000000b1',
  hallId: 'BJ',
  scope: 'hall',
};
export const SJZ_DEVICE: Device = {
  deviceId: '0193b1c2-0000-7000-8000-0000000000c1',
  hallId: 'SJZ',
  scope: 'hall',
};

let caseCount = 0;
const at = (): string =>
  new Date(Date.parse('2026-11-25T01:00:00.000Z') + ++caseCount * 1000).toISOString();

/** A new case taken in at TJ for a BJ item, delivered at TJ. */
export function receivedDraft(
  opts: { caseId?: string; attachments?: { sha256: string; size: number }[] } = {},
): EventDraft {
  const caseId = opts.caseId ?? uuidv7();
  const attachments = (opts.attachments ?? []).map((a, i) => ({
    sha256: a.sha256,
    name: `scan-${i}.pdf`,
    mime: 'application/pdf',
    size: a.size,
  }));
  return {
    caseId,
    type: 'case.received',
    payload: receivedPayload({
      caseNo: `TJ03A-20261125-${String(++caseCount % 10000).padStart(4, '0')}X`,
      materials: [{ materialId: 'idcard', provided: 'original', attachments }],
    }),
    actor: { staffId: 'tj-clerk', hallId: 'TJ' },
    at: at(),
  };
}

export function noteDraft(caseId: string, hallId: string, text = '申请人来电询问进度'): EventDraft {
  return {
    caseId,
    type: 'case.note_added',
    payload: { text },
    actor: { staffId: `${hallId.toLowerCase()}-staff`, hallId },
    at: at(),
  };
}

export function reviewStartedDraft(caseId: string): EventDraft {
  return {
    caseId,
    type: 'case.review_started',
    payload: {},
    actor: { staffId: 'bj-reviewer', hallId: 'BJ' },
    at: at(),
  };
}

export function approvedDraft(caseId: string, hallId = 'BJ'): EventDraft {
  return {
    caseId,
    type: 'case.approved',
    payload: { note: '材料齐全' },
    actor: { staffId: 'bj-reviewer', hallId },
    at: at(),
  };
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

// ---- counters ----

/** One counter machine: its store survives restarts, its engine and socket do not. */
export class Counter {
  readonly storage = new MemorySyncStorage();
  transport!: FakeTransport;
  engine!: SyncEngine;
  timers!: TrackedTimers;
  readonly appended: Event[] = [];

  constructor(
    readonly hub: FakeHub,
    readonly device: Device,
    private readonly options: Partial<SyncEngineOptions> & {
      blobSource?: BlobSource;
      /** Puts a faulty or slow layer between the engine and the store. */
      wrapStorage?: (storage: MemorySyncStorage) => SyncStorage;
    } = {},
  ) {
    hub.enroll(device);
    this.boot();
  }

  /** A fresh engine and socket over the same store, as after a crash or a restart. */
  private boot(): void {
    this.transport = this.hub.transport(this.device.deviceId);
    this.timers = new TrackedTimers(this.hub.timers);
    const { blobSource, wrapStorage, ...options } = this.options;
    this.engine = new SyncEngine({
      deviceId: this.device.deviceId,
      storage: wrapStorage ? wrapStorage(this.storage) : this.storage,
      transport: this.transport,
      timers: this.timers,
      random: () => 0.5,
      ackTimeoutMs: 1000,
      ...(blobSource ? { blobs: createBlobUploader(this.transport, blobSource) } : {}),
      ...options,
    });
  }

  async append(draft: EventDraft): Promise<Event> {
    const r = await this.engine.append(draft);
    if (!r.ok) throw new Error(`append refused: ${r.error.code} ${r.error.message}`);
    this.appended.push(r.value);
    return r.value;
  }

  /**
   * Stops the engine abruptly (whatever it was doing is abandoned) and boots a new one over the same
   * store, without any storage wrapper: the machine came back healthy.
   */
  async crash(): Promise<void> {
    const old = this.engine;
    const oldTimers = this.timers;
    await old.stop();
    if (oldTimers.pending !== 0) throw new Error('a stopped engine left timers behind');
    this.options.wrapStorage = undefined;
    this.boot();
  }
}
