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

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemorySyncStorage implements SyncStorage {
  private lastDeviceSeq = 0;
  /** In deviceSeq order, since append is the only way in. */
  private readonly outboxEntries: OutboxEntry[] = [];
  private readonly outboxById = new Map<string, OutboxEntry>();
  /** In the order pulled, which is feed order. */
  private readonly feedEvents: StoredEvent[] = [];
  private readonly feedIds = new Set<string>();
  private cursor = 0;

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
      const own = this.outboxById.get(event.id);
      if (own && own.state === 'pending') {
        own.state = 'accepted';
        own.hubSeq = event.hubSeq;
      }
    }
    this.cursor = cursor;
    return fresh.length;
  }

  /** Every outbox entry, in deviceSeq order (tests and the UI's debugging view). */
  outbox(): OutboxEntry[] {
    return copy(this.outboxEntries);
  }

  /** Every pulled event, in the order the feed delivered them. */
  feed(): StoredEvent[] {
    return copy(this.feedEvents);
  }
}
