// The push half of the sync engine against the fake hub: order, replays, rejections, "not yet",
// lost connections, attachments and backoff.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event } from '../../../../shared/protocol/events';
import { backoffDelay, type SyncStatus } from '../../../../shared/sync/engine';
import {
  Counter,
  FakeHub,
  FakeTimers,
  TJ_DEVICE,
  advance,
  approvedDraft,
  forwarding,
  noteDraft,
  receivedDraft,
  settle,
  sha256Hex,
} from './fake-hub';

const running: Counter[] = [];

function setup(options: ConstructorParameters<typeof Counter>[2] = {}) {
  const timers = new FakeTimers();
  const hub = new FakeHub(timers);
  const tj = new Counter(hub, TJ_DEVICE, options);
  running.push(tj);
  return { timers, hub, tj };
}

afterEach(async () => {
  for (const c of running.splice(0)) {
    await c.engine.stop();
    expect(c.timers.pending).toBe(0);
  }
});

/** The hub holds every appended event exactly once, in deviceSeq order, and the outbox agrees. */
function expectAllAccepted(hub: FakeHub, counter: Counter): void {
  const onHub = hub.eventsOf(counter.device.deviceId);
  expect(onHub.map((e) => e.id)).toEqual(counter.appended.map((e) => e.id));
  expect(onHub.map((e) => e.deviceSeq)).toEqual(counter.appended.map((_, i) => i + 1));
  const outbox = counter.storage.outbox();
  expect(outbox.map((e) => e.state)).toEqual(outbox.map(() => 'accepted'));
  expect(outbox.map((e) => e.hubSeq)).toEqual(onHub.map((e) => e.hubSeq));
}

describe('SyncEngine push', () => {
  it('numbers events 1, 2, 3… and pushes them in that order, one push at a time', async () => {
    const { timers, hub, tj } = setup();
    await tj.engine.start();
    await settle(timers);
    const first = await tj.append(receivedDraft());
    for (let i = 0; i < 4; i++) await tj.append(noteDraft(first.caseId, 'TJ'));
    await advance(timers, 3); // a push is on the wire now
    for (let i = 0; i < 5; i++) await tj.append(noteDraft(first.caseId, 'TJ'));
    await settle(timers);

    expect(tj.appended.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expectAllAccepted(hub, tj);
    expect(tj.transport.maxInFlight).toBe(1);
    const sent = tj.transport.pushes.flat().map((e) => e.deviceSeq);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(tj.engine.status()).toMatchObject({
      online: true,
      pushing: false,
      pending: 0,
      refused: 0,
      lastError: null,
    });
  });

  it('pushes an event appended just as a round finds the outbox empty', async () => {
    let hold = false;
    let release: (() => void) | null = null;
    const { timers, hub, tj } = setup({
      wrapStorage: (disk) =>
        forwarding(disk, {
          async pending(limit) {
            const events = await disk.pending(limit);
            if (hold && events.length === 0)
              await new Promise<void>((resolve) => (release = resolve));
            return events;
          },
        }),
    });
    await tj.engine.start();
    await settle(timers);
    hold = true;
    const first = await tj.append(receivedDraft());
    for (let i = 0; i < 10 && !release; i++) await advance(timers, 5);
    expect(release).not.toBeNull(); // the round has read an empty outbox and not yet ended
    hold = false;
    await tj.append(noteDraft(first.caseId, 'TJ'));
    (release as unknown as () => void)();
    await settle(timers);
    expectAllAccepted(hub, tj);
  });

  it('sends at most 500 events per push', async () => {
    const { timers, hub, tj } = setup();
    const first = await tj.append(receivedDraft());
    for (let i = 1; i < 1201; i++) await tj.append(noteDraft(first.caseId, 'TJ', `第 ${i} 条`));
    expect(tj.engine.status().pending).toBe(1201);
    await tj.engine.start();
    await settle(timers);
    expect(tj.transport.pushes.map((p) => p.length)).toEqual([500, 500, 201]);
    expectAllAccepted(hub, tj);
  });

  it('keeps appending while offline and pushes everything when the hub comes back', async () => {
    const { timers, hub, tj } = setup();
    tj.transport.cut();
    await tj.engine.start();
    await settle(timers);
    const first = await tj.append(receivedDraft());
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await settle(timers);
    expect(tj.transport.pushes).toEqual([]);
    expect(tj.engine.status()).toMatchObject({ online: false, pending: 2 });
    tj.transport.heal();
    await settle(timers);
    expectAllAccepted(hub, tj);
  });

  it('resends after a lost acknowledgement and gets "duplicate" with the same hubSeq', async () => {
    const { timers, hub, tj } = setup();
    await tj.engine.start();
    const first = await tj.append(receivedDraft());
    await settle(timers);
    // Lost pokes too: otherwise the next pull would show the engine that the hub has the events.
    tj.transport.dropPokes = true;
    tj.transport.dropAcks = 2;
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await settle(timers);

    expect(tj.transport.pushes.map((p) => p.map((e) => e.deviceSeq))).toEqual([
      [1],
      [2],
      [2, 3],
      [2, 3],
    ]);
    expect(hub.log.length).toBe(3);
    expectAllAccepted(hub, tj);
    const answer = tj.transport.responses.at(-1);
    expect(answer?.results.map((r) => [r.status, r.hubSeq])).toEqual([
      ['duplicate', 2],
      ['duplicate', 3],
    ]);
  });

  it('learns from its feed that the hub has an event whose acknowledgement was lost', async () => {
    const { timers, hub, tj } = setup();
    tj.transport.dropAcks = 1;
    await tj.append(receivedDraft());
    await tj.engine.start();
    await settle(timers);
    expect(tj.transport.pushes.length).toBe(1);
    expect(tj.transport.pulls.length).toBeGreaterThan(0);
    expectAllAccepted(hub, tj);
  });

  it('keeps and reports a final rejection, and later events still go through', async () => {
    const { timers, hub, tj } = setup();
    const refusedSeen: Event[] = [];
    tj.engine.onRefused((r) => refusedSeen.push(...r.map((x) => x.event)));
    await tj.engine.start();
    const first = await tj.append(receivedDraft());
    // Approving a case nobody has reviewed is not a transition the hub allows: final.
    const bad = await tj.append(approvedDraft(first.caseId, 'TJ'));
    const after = await tj.append(noteDraft(first.caseId, 'TJ'));
    await settle(timers);

    expect(tj.storage.outbox().map((e) => [e.event.deviceSeq, e.state, e.reason?.code])).toEqual([
      [1, 'accepted', undefined],
      [2, 'rejected', 'INVALID_TRANSITION'],
      [3, 'accepted', undefined],
    ]);
    expect(refusedSeen.map((e) => e.id)).toEqual([bad.id]);
    expect((await tj.storage.refused()).map((r) => r.event.id)).toEqual([bad.id]);
    expect(tj.engine.status()).toMatchObject({ pending: 0, refused: 1, lastError: null });
    expect(hub.eventsOf(TJ_DEVICE.deviceId).map((e) => e.id)).toEqual([first.id, after.id]);
    expect(hub.answerFor(bad.id)).toMatchObject({ status: 'rejected' });
  });

  it('refuses a malformed event at append, changing nothing', async () => {
    const { tj } = setup();
    const draft = { ...noteDraft('not-a-uuid', 'TJ') };
    const r = await tj.engine.append(draft);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_EVENT');
    const foreign = await tj.engine.append({ ...receivedDraft(), deviceId: 'hub' });
    expect(foreign.ok).toBe(false);
    expect(tj.storage.outbox()).toEqual([]);
  });

  it('treats SEQ_GAP as "not yet": stops the round, waits, and sends again in order', async () => {
    const { timers, hub, tj } = setup();
    const statuses: SyncStatus[] = [];
    tj.engine.onStatus((s) => statuses.push(s));
    hub.injectNotYet(TJ_DEVICE.deviceId, 'SEQ_GAP', 2);
    const first = await tj.append(receivedDraft());
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await tj.engine.start();
    await settle(timers);

    expect(tj.transport.pushes.map((p) => p.map((e) => e.deviceSeq))).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(statuses.some((s) => s.lastError?.code === 'SEQ_GAP')).toBe(true);
    expect(tj.storage.outbox().every((e) => e.state === 'accepted')).toBe(true);
    expectAllAccepted(hub, tj);
    expect(tj.engine.status().lastError).toBeNull();
  });

  it('uploads attachments before pushing, and uploads again when the hub answers MISSING_BLOB', async () => {
    const bytes = new TextEncoder().encode('身份证扫描件');
    const sha = sha256Hex(bytes);
    const local = new Map([[sha, bytes]]);
    const { timers, hub, tj } = setup({ blobSource: { read: async (s) => local.get(s) } });
    await tj.engine.start();
    await settle(timers);

    await tj.append(receivedDraft({ attachments: [{ sha256: sha, size: bytes.length }] }));
    await settle(timers);
    expect(tj.transport.uploads).toBe(1);
    expect(tj.transport.pushes.length).toBe(1);

    hub.blobs.clear(); // the hub lost it; the uploader still believes it is there
    await tj.append(receivedDraft({ attachments: [{ sha256: sha, size: bytes.length }] }));
    await settle(timers);
    expect(
      tj.transport.responses.map((r) => r.results[0]?.reason?.code ?? r.results[0]?.status),
    ).toEqual(['accepted', 'MISSING_BLOB', 'accepted']);
    expect(tj.transport.uploads).toBe(2);
    expectAllAccepted(hub, tj);
  });

  it('retries MISSING_BLOB without an uploader until someone puts the blob on the hub', async () => {
    const { timers, hub, tj } = setup();
    await tj.engine.start();
    await settle(timers);
    const sha = sha256Hex(new TextEncoder().encode('营业执照'));
    await tj.append(receivedDraft({ attachments: [{ sha256: sha, size: 12 }] }));
    await advance(timers, 3000);
    expect(tj.engine.status()).toMatchObject({
      pending: 1,
      refused: 0,
      lastError: { code: 'MISSING_BLOB' },
    });
    hub.blobs.add(sha);
    await settle(timers);
    expectAllAccepted(hub, tj);
  });

  it('holds back an event whose attachment is not on this machine, pushing those before it', async () => {
    const bytes = new TextEncoder().encode('学历证书');
    const sha = sha256Hex(bytes);
    const local = new Map<string, Uint8Array>();
    const { timers, hub, tj } = setup({ blobSource: { read: async (s) => local.get(s) } });
    const first = await tj.append(receivedDraft());
    await tj.append(noteDraft(first.caseId, 'TJ'));
    await tj.append(receivedDraft({ attachments: [{ sha256: sha, size: bytes.length }] }));
    await tj.engine.start();
    await advance(timers, 100);
    expect(tj.transport.pushes.map((p) => p.length)).toEqual([2]);
    expect(tj.engine.status()).toMatchObject({ pending: 1, lastError: { code: 'BLOB_NOT_LOCAL' } });

    local.set(sha, bytes);
    await settle(timers);
    expectAllAccepted(hub, tj);
  });

  describe('a connection lost in the middle of a push', () => {
    for (const [when, ms] of [
      ['before the hub has it', 2],
      ['after the hub stored it, before the ack', 7],
    ] as const) {
      it(`${when}: nothing lost, nothing doubled`, async () => {
        const { timers, hub, tj } = setup();
        await tj.engine.start();
        await settle(timers);
        const first = await tj.append(receivedDraft());
        await tj.append(noteDraft(first.caseId, 'TJ'));
        await advance(timers, ms);
        tj.transport.cut();
        await advance(timers, 0);
        // Abandoned at once, not after the ack timeout: an unacknowledged push counts as unsent.
        expect(tj.engine.status()).toMatchObject({ online: false, pushing: false });
        await tj.append(noteDraft(first.caseId, 'TJ'));
        await advance(timers, 5000);
        expect(tj.engine.status()).toMatchObject({ online: false, pending: 3, pushing: false });
        expect(tj.timers.pending).toBe(0); // offline: no retry timer, the reconnect drives it
        tj.transport.heal();
        await settle(timers);
        expectAllAccepted(hub, tj);
        expect(tj.transport.maxInFlight).toBe(1);
      });
    }
  });

  it('abandons a push the transport rejects on disconnect, and never sends while offline', async () => {
    const { timers, hub, tj } = setup();
    await tj.engine.start();
    await settle(timers);
    tj.transport.cut();
    await tj.append(receivedDraft());
    await advance(timers, 60_000);
    expect(tj.transport.pushes).toEqual([]);
    tj.transport.heal();
    await settle(timers);
    expectAllAccepted(hub, tj);
  });
});

describe('backoff', () => {
  it('grows from 500 ms, doubles, and stops at 30 s, with full jitter below that ceiling', () => {
    const top = Array.from({ length: 10 }, (_, a) => backoffDelay(a, () => 0.999999));
    expect(top).toEqual([499, 999, 1999, 3999, 7999, 15999, 29999, 29999, 29999, 29999]);
    expect(backoffDelay(5, () => 0)).toBe(0);
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (attempt, r) => {
          const d = backoffDelay(attempt, () => r);
          const ceiling = Math.min(30_000, 500 * 2 ** attempt);
          return Number.isInteger(d) && d >= 0 && d < ceiling;
        },
      ),
    );
  });

  it('is what separates retries of a failing push, and starts over after a success', async () => {
    const { timers, hub, tj } = setup({ random: () => 0.999 });
    await tj.engine.start();
    await settle(timers);
    tj.transport.failPushes = 8;
    await tj.append(receivedDraft());
    await settle(timers);
    const gaps = tj.transport.pushTimes
      .slice(1)
      .map((t, i) => t - (tj.transport.pushTimes[i] ?? 0) - 10);
    // Each push takes 10 ms there and back; what is left is the backoff the engine waited.
    expect(gaps).toEqual([499, 999, 1998, 3996, 7992, 15984, 29970, 29970]);
    expect(tj.engine.status().lastError).toBeNull();
    expectAllAccepted(hub, tj);

    tj.transport.failPushes = 1;
    const t0 = tj.transport.pushTimes.length;
    await tj.append(receivedDraft());
    await settle(timers);
    const times = tj.transport.pushTimes.slice(t0);
    expect(times.length).toBe(2);
    expect((times[1] ?? 0) - (times[0] ?? 0) - 10).toBe(499);
  });

  it('"sync now" skips the wait of a long backoff', async () => {
    const { timers, hub, tj } = setup({ random: () => 0.999 });
    await tj.engine.start();
    await settle(timers);
    tj.transport.failPushes = 6;
    await tj.append(receivedDraft());
    await advance(timers, 20_000); // six failures; the next try is about 16 s away
    expect(tj.transport.pushes.length).toBe(6);
    tj.transport.failPushes = 0;
    tj.engine.syncNow();
    await advance(timers, 20);
    expect(tj.transport.pushes.length).toBe(7);
    expectAllAccepted(hub, tj);
  });

  it('reports the failure while it lasts', async () => {
    const { timers, tj } = setup();
    await tj.engine.start();
    await settle(timers);
    tj.transport.failPushes = 3;
    await tj.append(receivedDraft());
    await advance(timers, 20);
    expect(tj.engine.status().lastError).toMatchObject({ code: 'INTERNAL' });
    await settle(timers);
    expect(tj.engine.status().lastError).toBeNull();
  });
});
