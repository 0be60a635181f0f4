// The snapshot half of the sync engine with a scripted transport: pages stored with where the
// snapshot stands, the feed pulled from the first page's cursor, a hub without snapshots, pages
// that make no sense, and the memory store's rule that a case's events at or below its hubSeq are held.
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../../shared/protocol/events';
import type { PullRequest, PullResponse } from '../../../../shared/protocol/wire';
import { SyncEngine } from '../../../../shared/sync/engine';
import { MemorySyncStorage } from '../../../../shared/sync/memory-storage';
import type { SnapshotCase, SnapshotRequest } from '../../../../shared/sync/snapshot';
import type { SyncTransport, TransportStatus } from '../../../../shared/sync/transport';
import { makeEvent, receivedPayload } from '../../../support/events';
import { FakeTimers, settle } from './fake-hub';

const DEVICE = '0193b1c2-0000-7000-8000-00000000d001';
const caseId = (n: number) => `0193b1c2-0000-7000-9000-${String(n).padStart(12, '0')}`;

/** Case n's events: received and `notes` notes, with hubSeqs from `seq` on. */
function caseEvents(n: number, notes: number, seq: number): StoredEvent[] {
  const id = caseId(n);
  const events = [makeEvent('case.received', receivedPayload(), { caseId: id }), ...Array.from({ length: notes }, (_, i) => makeEvent('case.note_added', { text: `备注${i}` }, { caseId: id }))];
  return events.map((e, i) => ({ ...e, hubSeq: seq + i, receivedAt: e.at }));
}
const snapCase = (events: StoredEvent[]): SnapshotCase => ({ caseId: events[0]!.caseId, hubSeq: events.at(-1)!.hubSeq, events });

/** A transport that answers from scripts; records what was asked. */
class Scripted implements SyncTransport {
  snapshots: SnapshotRequest[] = [];
  pulls: PullRequest[] = [];
  private status: ((s: TransportStatus) => void) | null = null;
  constructor(
    private readonly pages: (r: SnapshotRequest) => unknown,
    private readonly feed: (r: PullRequest) => PullResponse,
  ) {}
  connect(): void {
    queueMicrotask(() => this.status?.({ connected: true }));
  }
  disconnect(): void {}
  isConnected(): boolean {
    return true;
  }
  async push() {
    return { results: [] };
  }
  async pull(r: PullRequest) {
    this.pulls.push(r);
    return this.feed(r);
  }
  async snapshot(r: SnapshotRequest) {
    this.snapshots.push(r);
    return this.pages(r);
  }
  onPoke() {
    return () => undefined;
  }
  onStatus(cb: (s: TransportStatus) => void) {
    this.status = cb;
    return () => (this.status = null);
  }
}

async function run(transport: SyncTransport, storage: MemorySyncStorage, snapshotLimit?: number) {
  const timers = new FakeTimers();
  const engine = new SyncEngine({ deviceId: DEVICE, storage, transport, timers, random: () => 0.5, ...(snapshotLimit !== undefined ? { snapshotLimit } : {}) });
  await engine.start();
  await settle(timers, 5_000);
  return { engine, timers };
}

describe('SyncEngine snapshot', () => {
  it('stores page after page, then pulls the feed from the first page cursor, skipping what the pages held', async () => {
    const a = caseEvents(1, 2, 1);
    const b = caseEvents(2, 0, 4);
    const c = caseEvents(3, 1, 5);
    // Page 2 is read after a note on case 1 (hubSeq 7) and case 3's note: their cursor moved on.
    const late = { ...makeEvent('case.note_added', { text: '快照期间' }, { caseId: caseId(1) }), hubSeq: 7, receivedAt: '2026-11-25T02:00:00.000Z' } as StoredEvent;
    const pages = [
      { cursor: 6, cases: [snapCase(a), snapCase(b)], after: caseId(2), more: true },
      { cursor: 7, cases: [snapCase(c)], after: caseId(3), more: false },
    ];
    // The feed after position 6: case 3's note (already in page 2), then the late note on case 1.
    const feed = [c[1]!, late];
    const t = new Scripted((r) => pages[r.after === null ? 0 : 1], (r) => ({ events: feed.slice(r.cursor - 6), cursor: 8, more: false }));
    const storage = new MemorySyncStorage();
    const { engine } = await run(t, storage, 2);
    expect(t.snapshots).toEqual([{ after: null, limit: 2 }, { after: caseId(2), limit: 2 }]);
    expect(t.pulls[0]!.cursor).toBe(6);
    expect(await storage.snapshotState()).toEqual({ cursor: 6, after: caseId(3), cases: 3, events: 6, done: true });
    expect(storage.feed().map((e) => e.hubSeq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await storage.getCursor()).toBe(8);
    expect(engine.status().bootstrap).toMatchObject({ received: 8 });
    await engine.stop();
  });

  it('pulls the feed from 0 when the hub offers no snapshot, and never asks when the store has pulled before', async () => {
    const events = caseEvents(1, 1, 1);
    const t = new Scripted(() => null, (r) => ({ events: events.slice(r.cursor), cursor: 2, more: false }));
    const storage = new MemorySyncStorage();
    const { engine } = await run(t, storage);
    expect(t.snapshots).toHaveLength(1);
    expect(t.pulls.map((p) => p.cursor)).toEqual([0]);
    expect(await storage.snapshotState()).toBeNull();
    expect(storage.feed()).toHaveLength(2);
    await engine.stop();

    const again = await run(t, storage);
    expect(t.snapshots).toHaveLength(1);
    await again.engine.stop();
  });

  it('refuses a page that makes no sense, stores nothing of it and asks again later', async () => {
    let calls = 0;
    const bad = (r: SnapshotRequest) =>
      ++calls === 1
        ? { cursor: 3, cases: [{ caseId: caseId(1), hubSeq: 9, events: caseEvents(1, 1, 1) }], after: caseId(1), more: false }
        : { cursor: 2, cases: r.after ? [] : [snapCase(caseEvents(1, 1, 1))], after: r.after ? null : caseId(1), more: false };
    const t = new Scripted(bad, (r) => ({ events: [], cursor: r.cursor, more: false }));
    const storage = new MemorySyncStorage();
    const timers = new FakeTimers();
    const engine = new SyncEngine({ deviceId: DEVICE, storage, transport: t, timers, random: () => 0.5 });
    const errors: string[] = [];
    engine.onStatus((s) => s.lastError && errors.push(s.lastError.code));
    await engine.start();
    await settle(timers, 60_000);
    expect(errors).toContain('INVALID_MESSAGE');
    expect(calls).toBe(2);
    expect(storage.feed()).toHaveLength(2);
    expect(await storage.getCursor()).toBe(2);
    await engine.stop();
  });

  it('can be turned off: a fresh store pulls the feed', async () => {
    const t = new Scripted(() => {
      throw new Error('not asked');
    }, () => ({ events: [], cursor: 0, more: false }));
    const { engine } = await run(t, new MemorySyncStorage(), 0);
    expect(t.snapshots).toHaveLength(0);
    expect(t.pulls).toHaveLength(1);
    await engine.stop();
  });
});

describe('MemorySyncStorage snapshot', () => {
  it('keeps a case it holds further, settles own pending events and moves the cursor only on the last page', async () => {
    const storage = new MemorySyncStorage();
    const own = await storage.append({ ...makeEvent('case.received', receivedPayload(), { caseId: caseId(5), deviceId: DEVICE }) });
    const ownStored = { ...own, hubSeq: 10, receivedAt: own.at } as StoredEvent;
    await storage.applyPulled(caseEvents(1, 2, 1), 3);
    expect(await storage.applySnapshot([snapCase(caseEvents(1, 1, 1)), snapCase([ownStored])], { cursor: 9, after: caseId(5), cases: 2, events: 3, done: false })).toBe(1);
    expect(await storage.getCursor()).toBe(3);
    expect(storage.outbox()[0]).toMatchObject({ state: 'accepted', hubSeq: 10 });
    await storage.applySnapshot([], { cursor: 9, after: caseId(5), cases: 2, events: 3, done: true });
    expect(await storage.getCursor()).toBe(9);
    // Held already: case 5 up to hubSeq 10.
    expect(await storage.applyPulled([ownStored], 10)).toBe(0);
  });
});
