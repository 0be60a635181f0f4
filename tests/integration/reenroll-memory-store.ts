// A counter's store in memory for the re-enrollment test: the sync engine's storage and the
// re-enrollment's store over one outbox and feed, as the Dexie store is in the app (IndexedDB does
// not exist in Node; the Dexie store is proven in Chromium by tests/e2e/technician.spec.ts).
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { OutboxEntry, PushOutcome, RefusedEvent, SyncStorage, UnsequencedEvent } from '../../shared/sync/storage';
import { reauthorEvents } from '../../renderer/features/enroll/reauthor';
import type { Identity, ReenrollStore, StagedEnrollment } from '../../renderer/features/enroll/reenroll';

export class MemoryCounterStore implements SyncStorage, ReenrollStore {
  outbox: OutboxEntry[] = [];
  feed: StoredEvent[] = [];
  cursor = 0;
  lastSeq = 0;
  stagedEnrollment: StagedEnrollment | undefined;
  previous: Identity[] = [];
  readonly sync = this;

  constructor(public identity: Identity, public keys: CryptoKeyPair) {}

  async append(event: UnsequencedEvent): Promise<Event> {
    const stored = { ...structuredClone(event), deviceSeq: ++this.lastSeq } as Event;
    this.outbox.push({ event: stored, state: 'pending' });
    return structuredClone(stored);
  }
  async pending(limit: number): Promise<Event[]> {
    return this.outbox.filter((e) => e.state === 'pending').slice(0, limit).map((e) => structuredClone(e.event));
  }
  async recordPushOutcomes(outcomes: readonly PushOutcome[]): Promise<void> {
    for (const o of outcomes) {
      const entry = this.outbox.find((e) => e.event.id === o.id && e.state === 'pending');
      if (!entry) continue;
      if (o.status === 'accepted') Object.assign(entry, { state: 'accepted', hubSeq: o.hubSeq });
      else Object.assign(entry, { state: 'rejected', reason: o.reason });
    }
  }
  async counts() {
    return { pending: this.outbox.filter((e) => e.state === 'pending').length, refused: this.outbox.filter((e) => e.state === 'rejected').length };
  }
  async refused(): Promise<RefusedEvent[]> {
    return this.outbox.filter((e) => e.state === 'rejected').map((e) => ({ event: e.event, reason: e.reason! }));
  }
  async getCursor(): Promise<number> {
    return this.cursor;
  }
  async applyPulled(events: readonly StoredEvent[], cursor: number): Promise<number> {
    let fresh = 0;
    for (const e of events) {
      if (this.feed.some((f) => f.id === e.id)) continue;
      this.feed.push(structuredClone(e));
      fresh += 1;
      const own = this.outbox.find((o) => o.event.id === e.id && o.state === 'pending');
      if (own) Object.assign(own, { state: 'accepted', hubSeq: e.hubSeq });
    }
    this.cursor = cursor;
    return fresh;
  }

  pendingEvents(): Promise<Event[]> {
    return this.pending(Number.MAX_SAFE_INTEGER);
  }
  async staged(): Promise<StagedEnrollment | undefined> {
    return this.stagedEnrollment;
  }
  async stage(s: StagedEnrollment): Promise<void> {
    this.stagedEnrollment = s;
  }
  async commit(next: StagedEnrollment, previous: Identity): Promise<void> {
    const reauthored = new Map(reauthorEvents(await this.pendingEvents(), next.identity.deviceId).map((e) => [e.id, e]));
    for (const entry of this.outbox) if (entry.state === 'pending') entry.event = reauthored.get(entry.event.id)!;
    this.lastSeq = reauthored.size;
    this.previous.push(previous);
    this.identity = next.identity;
    this.keys = next.keys;
    this.stagedEnrollment = undefined;
  }
}
