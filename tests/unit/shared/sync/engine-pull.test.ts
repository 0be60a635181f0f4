// The pull half of the sync engine against the fake hub: paging until caught up, pokes, the cursor
// surviving crashes, and halls converging on the same cases.
import { afterEach, describe, expect, it } from 'vitest';
import { foldCase } from '../../../../shared/case/projection';
import type { StoredEvent } from '../../../../shared/protocol/events';
import type { SyncStatus } from '../../../../shared/sync/engine';
import type { MemorySyncStorage } from '../../../../shared/sync/memory-storage';
import type { SyncStorage } from '../../../../shared/sync/storage';
import {
  BJ_DEVICE,
  Counter,
  FakeHub,
  FakeTimers,
  SJZ_DEVICE,
  TJ_DEVICE,
  advance,
  approvedDraft,
  forwarding,
  noteDraft,
  receivedDraft,
  reviewStartedDraft,
  settle,
} from './fake-hub';

const running: Counter[] = [];

afterEach(async () => {
  for (const c of running.splice(0)) {
    await c.engine.stop();
    expect(c.timers.pending).toBe(0);
  }
});

function world() {
  const timers = new FakeTimers();
  const hub = new FakeHub(timers);
  const counter = (
    ...args: ConstructorParameters<typeof Counter> extends [unknown, ...infer R] ? R : never
  ) => {
    const c = new Counter(hub, ...args);
    running.push(c);
    return c;
  };
  return { timers, hub, counter };
}

/** TJ takes in one case and adds `notes` notes to it, all pushed; returns the case id. */
async function tjWrites(tj: Counter, timers: FakeTimers, notes: number): Promise<string> {
  await tj.engine.start();
  const first = await tj.append(receivedDraft());
  for (let i = 0; i < notes; i++) await tj.append(noteDraft(first.caseId, 'TJ', `备注 ${i + 1}`));
  await settle(timers);
  return first.caseId;
}

const ids = (events: readonly StoredEvent[]) => events.map((e) => e.id);

describe('SyncEngine pull', () => {
  it('pulls page after page until the hub says there is no more, and reports the progress', async () => {
    const { timers, hub, counter } = world();
    const tj = counter(TJ_DEVICE);
    await tjWrites(tj, timers, 24);
    const bj = counter(BJ_DEVICE, { pullLimit: 10 });
    const progress: SyncStatus['bootstrap'][] = [];
    bj.engine.onStatus((s) => progress.push(s.bootstrap));
    await bj.engine.start();
    await settle(timers);

    expect(bj.transport.pulls.map((p) => p.cursor)).toEqual([0, 10, 20]);
    expect(ids(bj.storage.feed())).toEqual(ids(hub.feedOf(BJ_DEVICE.deviceId)));
    expect(await bj.storage.getCursor()).toBe(25);
    expect([...new Set(progress.map((p) => p.received))]).toEqual([0, 10, 20, 25]);
    expect(bj.engine.status()).toMatchObject({
      pulling: false,
      bootstrap: { received: 25, head: 25 },
      lastError: null,
    });
    expect(bj.engine.status().lastSyncAt).not.toBeNull();
  });

  it('pulls when poked, and folds a burst of pokes into one more pull', async () => {
    const { timers, hub, counter } = world();
    const tj = counter(TJ_DEVICE);
    const bj = counter(BJ_DEVICE);
    await bj.engine.start();
    await settle(timers);
    const before = bj.transport.pulls.length;
    const caseId = await tjWrites(tj, timers, 0);
    expect(bj.transport.pulls.length).toBe(before + 1);
    expect(bj.storage.feed().map((e) => e.caseId)).toEqual([caseId]);

    const quiet = bj.transport.pulls.length;
    for (let i = 0; i < 20; i++) hub.pokeAll();
    await settle(timers);
    // The first poke starts a pull; the other nineteen arrive during it and ask for one more.
    expect(bj.transport.pulls.length - quiet).toBe(2);
  });

  it('shows how far a long pull has come', async () => {
    const { timers, counter } = world();
    const tj = counter(TJ_DEVICE);
    const bj = counter(BJ_DEVICE, { pullLimit: 1 });
    await bj.engine.start();
    await settle(timers);
    bj.transport.cut();
    await tjWrites(tj, timers, 3);
    bj.transport.heal();
    await advance(timers, 5); // connected, the first page on its way
    await advance(timers, 11);
    const mid = bj.engine.status();
    expect(mid.pulling).toBe(true);
    expect(mid.bootstrap.received).toBeGreaterThan(0);
    expect(mid.bootstrap.received).toBeLessThan(4);
    await settle(timers);
    expect(bj.engine.status().bootstrap).toEqual({ received: 4, head: 4 });
  });

  describe('the cursor is stored only with the events it covers', () => {
    /** A store whose nth applyPulled dies: before its transaction commits, or after. */
    function crashing(
      inner: MemorySyncStorage,
      nth: number,
      when: 'before' | 'after',
    ): SyncStorage {
      let calls = 0;
      return forwarding(inner, {
        async applyPulled(events, cursor) {
          calls += 1;
          if (calls === nth && when === 'before') throw new Error('power cut');
          const n = await inner.applyPulled(events, cursor);
          if (calls === nth && when === 'after') throw new Error('power cut');
          return n;
        },
      });
    }

    for (const when of ['before', 'after'] as const) {
      it(`a crash ${when} the second page commits: a fresh engine resumes, each event once`, async () => {
        const { timers, hub, counter } = world();
        const tj = counter(TJ_DEVICE);
        await tjWrites(tj, timers, 24);
        const bj = counter(BJ_DEVICE, {
          pullLimit: 10,
          wrapStorage: (disk) => crashing(disk, 2, when),
        });
        const disk = bj.storage;
        await bj.engine.start();
        await advance(timers, 40); // connect, page 1, page 2 dies
        expect(bj.engine.status().lastError?.message).toContain('power cut');
        expect(await disk.getCursor()).toBe(when === 'before' ? 10 : 20);
        expect(disk.feed().length).toBe(await disk.getCursor());

        await bj.crash(); // the machine restarts over what is on disk
        const resumedFrom = bj.transport.pulls;
        await bj.engine.start();
        await settle(timers);
        expect(resumedFrom[0]?.cursor).toBe(when === 'before' ? 10 : 20);
        expect(ids(disk.feed())).toEqual(ids(hub.feedOf(BJ_DEVICE.deviceId)));
        expect(new Set(ids(disk.feed())).size).toBe(25);
        expect(await disk.getCursor()).toBe(25);
      });
    }
  });

  it('two halls converge on the same case through the hub, and a third sees nothing of it', async () => {
    const { timers, hub, counter } = world();
    const tj = counter(TJ_DEVICE);
    const bj = counter(BJ_DEVICE);
    const sjz = counter(SJZ_DEVICE);
    await Promise.all([tj.engine.start(), bj.engine.start(), sjz.engine.start()]);
    await settle(timers);

    const received = await tj.append(receivedDraft());
    await settle(timers);
    expect(ids(bj.storage.feed())).toEqual([received.id]);
    await bj.append(reviewStartedDraft(received.caseId));
    await tj.append(noteDraft(received.caseId, 'TJ', '申请人补充了联系电话'));
    await bj.append(approvedDraft(received.caseId));
    await settle(timers);

    const onHub = hub.log.filter((e) => e.caseId === received.caseId);
    expect(onHub.length).toBe(4);
    for (const c of [tj, bj]) {
      const mine = c.storage.feed().filter((e) => e.caseId === received.caseId);
      expect(ids(mine)).toEqual(ids(onHub));
      expect(c.engine.status()).toMatchObject({ pending: 0, refused: 0 });
    }
    const views = [tj, bj].map((c) =>
      foldCase(c.storage.feed().filter((e) => e.caseId === received.caseId)),
    );
    expect(views[0]?.refused).toEqual([]);
    expect(views[0]?.view?.state).toBe('approved');
    expect(views[0]).toEqual(views[1]);
    expect(sjz.storage.feed()).toEqual([]);
  });

  it('two halls acting on the same state at once: the hub picks one, the other is refused and both agree', async () => {
    const { timers, hub, counter } = world();
    const tj = counter(TJ_DEVICE);
    const bj = counter(BJ_DEVICE);
    await Promise.all([tj.engine.start(), bj.engine.start()]);
    const received = await tj.append(receivedDraft());
    await settle(timers);
    // Both offline: TJ corrects the phone number (allowed only before review) while BJ starts the review.
    tj.transport.cut();
    bj.transport.cut();
    await tj.append({
      caseId: received.caseId,
      type: 'case.updated',
      payload: { changes: { 'applicant.phone': '13900139000' } },
      actor: { staffId: 'tj-clerk', hallId: 'TJ' },
      at: '2026-11-25T03:00:00.000Z',
    });
    const review = await bj.append(reviewStartedDraft(received.caseId));
    bj.transport.heal();
    await settle(timers);
    tj.transport.heal();
    await settle(timers);

    expect(bj.storage.outbox().at(-1)?.state).toBe('accepted');
    expect(tj.storage.outbox().at(-1)).toMatchObject({
      state: 'rejected',
      reason: { code: 'INVALID_TRANSITION' },
    });
    expect(tj.engine.status().refused).toBe(1);
    expect(ids(tj.storage.feed())).toEqual(ids(bj.storage.feed()));
    expect(ids(hub.log)).toEqual([received.id, review.id]);
  });
});

describe('SyncEngine lifecycle', () => {
  it('stop() in the middle of everything leaves no timer and no loop behind', async () => {
    const { timers, counter } = world();
    const tj = counter(TJ_DEVICE);
    await tj.engine.start();
    const first = await tj.append(receivedDraft());
    await advance(timers, 3); // a push on the wire, its ack timeout set
    tj.transport.failPushes = 5;
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await advance(timers, 30);
    expect(tj.timers.pending).toBeGreaterThan(0);
    await tj.engine.stop();
    expect(tj.timers.pending).toBe(0);
    expect(tj.engine.status()).toMatchObject({ online: false, pushing: false, pulling: false });
    expect(tj.transport.isConnected()).toBe(false);
    await settle(timers);
    expect(tj.timers.pending).toBe(0);
  });

  it('a fresh engine over a store with pending events pushes them on start', async () => {
    const { timers, hub, counter } = world();
    const tj = counter(TJ_DEVICE);
    tj.transport.cut();
    await tj.engine.start();
    await tj.append(receivedDraft());
    await tj.crash();
    await tj.engine.start();
    expect(tj.engine.status().pending).toBe(1);
    await settle(timers);
    expect(hub.eventsOf(TJ_DEVICE.deviceId).length).toBe(1);
  });
});
