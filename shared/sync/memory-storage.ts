// SyncStorage in memory, for Node tests and benchmarks. Each method does all its work before
// yielding, so it is as atomic as one IndexedDB transaction; values are copied in and out so a
// caller mutating an event cannot change what is "on disk".
import type { Event, StoredEvent } from '../protocol/events';
import type {
  OutboxCounts,
  OutboxEntry,
  PushOutcome,
  RefusedEvent,
  SyncStorage,
  UnsequencedEvent,
} from './storage';
import type { SnapshotCase, SnapshotState } from './snapshot';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemorySyncStorage implements SyncStorage {
  private lastDeviceSeq = 0;
  /** In deviceSeq order, since append is the only way in. */
  private readonly outboxEntries: OutboxEntry[] = [];
  private readonly outboxById = new Map<string, OutboxEntry>();
  /** The snapshot's cases' events case by case, then the pulled ones in feed order. */
  private readonly feedEvents: StoredEvent[] = [];
  private readonly feedIds = new Set<string>();
  /** Per case, the highest hubSeq held: the snapshot's or the feed's. */
  private readonly caseSeq = new Map<string, number>();
  private cursor = 0;
  private snapshot: SnapshotState | null = null;

  async append(event: UnsequencedEvent): Promise<Event> {
    if (this.outboxById.has(event.id) || this.feedIds.has(event.id)) {
      throw new Error(`event ${event.id} is already stored`);
    }
    const stored = { ...copy(event), deviceSeq: this.lastDeviceSeq + 1 } as Event;
    this.lastDeviceSeq = stored.deviceSeq;
    const entry: OutboxEntry = { event: stored, state: 'pending' };
    this.outboxEntries.push(entry);
    this.outboxById.set(stored.id, entry);
    return copy(stored);
  }

  async pending(limit: number): Promise<Event[]> {
    const out: Event[] = [];
    for (const entry of this.outboxEntries) {
      if (out.length >= limit) break;
      if (entry.state === 'pending') out.push(copy(entry.event));
    }
    return out;
  }

  async recordPushOutcomes(outcomes: readonly PushOutcome[]): Promise<void> {
    for (const outcome of outcomes) {
      const entry = this.outboxById.get(outcome.id);
      if (!entry || entry.state !== 'pending') continue;
      if (outcome.status === 'accepted') {
        entry.state = 'accepted';
        entry.hubSeq = outcome.hubSeq;
      } else {
        entry.state = 'rejected';
        entry.reason = { code: outcome.reason.code, message: outcome.reason.message };
      }
    }
  }

  async counts(): Promise<OutboxCounts> {
    let pending = 0;
    let refused = 0;
    for (const entry of this.outboxEntries) {
      if (entry.state === 'pending') pending += 1;
      else if (entry.state === 'rejected') refused += 1;
    }
    return { pending, refused };
  }

  async refused(): Promise<RefusedEvent[]> {
    return this.outboxEntries
      .filter((e) => e.state === 'rejected' && e.reason)
      .map((e) => ({ event: copy(e.event), reason: { ...(e.reason as RefusedEvent['reason']) } }));
  }

  async getCursor(): Promise<number> {
    return this.cursor;
  }

  async applyPulled(events: readonly StoredEvent[], cursor: number): Promise<number> {
    // Checked before anything changes, so a bad call leaves the store as it was.
    if (!Number.isSafeInteger(cursor) || cursor < 0) throw new Error(`bad cursor ${cursor}`);
    const fresh = this.keep(events.filter((e) => e.hubSeq > (this.caseSeq.get(e.caseId) ?? 0)));
    this.cursor = cursor;
    return fresh;
  }

  async snapshotState(): Promise<SnapshotState | null> {
    return this.snapshot && { ...this.snapshot };
  }

  async applySnapshot(cases: readonly SnapshotCase[], state: SnapshotState): Promise<number> {
    if (!Number.isSafeInteger(state.cursor) || state.cursor < 0) throw new Error(`bad cursor ${state.cursor}`);
    const fresh = this.keep(cases.flatMap((c) => (c.hubSeq > (this.caseSeq.get(c.caseId) ?? 0) ? c.events : [])));
    this.snapshot = { ...state };
    if (state.done) this.cursor = Math.max(this.cursor, state.cursor);
    return fresh;
  }

  /** Stores the events whose id is new, settles own pending entries among them; how many were new. */
  private keep(events: readonly StoredEvent[]): number {
    const fresh: StoredEvent[] = [];
    const seen = new Set<string>();
    for (const event of events) {
      if (this.feedIds.has(event.id) || seen.has(event.id)) continue;
      seen.add(event.id);
      fresh.push(copy(event));
    }
    for (const event of fresh) {
      this.feedEvents.push(event);
      this.feedIds.add(event.id);
      this.caseSeq.set(event.caseId, Math.max(event.hubSeq, this.caseSeq.get(event.caseId) ?? 0));
      const own = this.outboxById.get(event.id);
      if (own && own.state === 'pending') {
        own.state = 'accepted';
        own.hubSeq = event.hubSeq;
      }
    }
    return fresh.length;
  }

  /** Every outbox entry, in deviceSeq order (tests and the UI's debugging view). */
  outbox(): OutboxEntry[] {
    return copy(this.outboxEntries);
  }

  /** Every confirmed event held: the snapshot's, case by case, then the pulled ones in feed order. */
  feed(): StoredEvent[] {
    return copy(this.feedEvents);
  }
}
