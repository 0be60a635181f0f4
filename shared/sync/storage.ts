// What the sync engine needs from the counter's local store: the outbox, the pulled feed, the cursor.
// Every method is one unit of work, so a Dexie implementation runs each in one IndexedDB
// transaction and a crash between two calls leaves the store in a state the engine resumes from.
import type { Event, StoredEvent } from '../protocol/events';
import type { Problem } from '../result';
import type { SnapshotCase, SnapshotState } from './snapshot';
import type { CaseHead, HeadsState } from './heads';

/** `Omit` that keeps a discriminated union a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the outbox gives it its deviceSeq. */
export type UnsequencedEvent = DistributiveOmit<Event, 'deviceSeq'>;

export type OutboxState = 'pending' | 'accepted' | 'rejected';

export interface OutboxEntry {
  event: Event;
  state: OutboxState;
  /** Set once the hub has answered accepted or duplicate. */
  hubSeq?: number;
  /** Set when the hub refused the event for good. */
  reason?: Problem;
}

/** A final hub answer for one outbox event; "not yet" answers are never recorded. */
export type PushOutcome =
  | { id: string; status: 'accepted'; hubSeq: number }
  | { id: string; status: 'rejected'; reason: Problem };

/** An event of ours the hub refused for good, kept so the staff member sees why. */
export interface RefusedEvent {
  event: Event;
  reason: Problem;
}

export interface OutboxCounts {
  pending: number;
  refused: number;
}

export interface SyncStorage {
  /**
   * Stores the event as pending with the next deviceSeq of this store (1, 2, 3… without gaps,
   * never reused even if entries are pruned later) and returns it as stored. Reading and
   * advancing the counter and writing the entry happen together or not at all.
   */
  append(event: UnsequencedEvent): Promise<Event>;

  /** Up to `limit` pending events, lowest deviceSeq first. */
  pending(limit: number): Promise<Event[]>;

  /**
   * Records the hub's final answers of one push. Only pending entries change: an answer for an
   * entry already settled (a replayed ack) is ignored, so recording twice is harmless.
   */
  recordPushOutcomes(outcomes: readonly PushOutcome[]): Promise<void>;

  counts(): Promise<OutboxCounts>;

  /** Our refused events, lowest deviceSeq first. */
  refused(): Promise<RefusedEvent[]>;

  /** The feed position to pull from next: 0 for a fresh store. */
  getCursor(): Promise<number>;

  /**
   * Stores pulled events and the cursor the hub returned with them, together. An event already held
   * is skipped (a re-pulled page changes nothing): one whose id is stored, or one of a case the
   * store holds up to that event's hubSeq or further (from a snapshot). An own outbox entry still
   * pending whose id arrives here is marked accepted with the event's hubSeq: the hub has it even
   * if its push acknowledgement was lost. Returns how many events were new.
   */
  applyPulled(events: readonly StoredEvent[], cursor: number): Promise<number>;

  /**
   * Optional (a store without it always pulls the feed from 0): where the case snapshot stands,
   * null when none was ever started.
   */
  snapshotState?(): Promise<SnapshotState | null>;

  /**
   * Optional, with snapshotState. Stores one page of the case snapshot and `state` (where the
   * snapshot stands after it), together. Each case's events become what the store holds confirmed of
   * that case, unless it holds the case up to the same hubSeq or further already; own entries still
   * pending that the page holds are marked accepted, as applyPulled does. With `state.done` the
   * cursor becomes `state.cursor` in the same unit of work. Returns how many events were new.
   */
  applySnapshot?(cases: readonly SnapshotCase[], state: SnapshotState): Promise<number>;

  /**
   * Optional: where the download of the case heads stands, null when none was ever started. A store
   * without it (or without applyHeads) lists its cases as the snapshot stores them.
   */
  headsState?(): Promise<HeadsState | null>;

  /**
   * Optional, with headsState. Keeps one page of case heads for the lists, and `state`, together;
   * a case the store already holds (a snapshot page, a case fetched whole, our own intake) keeps
   * what it has. Returns how many heads were kept.
   */
  applyHeads?(heads: readonly CaseHead[], state: HeadsState): Promise<number>;

  /**
   * Optional: stores cases fetched whole outside the snapshot's pages (a case page asked for one),
   * as applySnapshot stores a page's cases, leaving the snapshot's state and the cursor alone.
   */
  storeCases?(cases: readonly SnapshotCase[]): Promise<number>;
}
