// Random interleavings of appends, lost connections, lost messages, failing pushes, pokes and
// crashes always end with every event on the hub once, in per-device order, and every counter
// holding its feed exactly once.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StoredEvent } from '../../../../shared/protocol/events';
import {
  BJ_DEVICE,
  Counter,
  FakeHub,
  FakeTimers,
  TJ_DEVICE,
  advance,
  approvedDraft,
  noteDraft,
  receivedDraft,
  reviewStartedDraft,
  settle,
  sha256Hex,
} from './fake-hub';

type Who = 0 | 1;
type Command =
  | { t: 'append'; who: Who; kind: 'case' | 'note' | 'review' | 'approve'; pick: number }
  | { t: 'cut' | 'heal' | 'crash'; who: Who }
  | { t: 'dropAcks' | 'dropPushes' | 'failPushes'; who: Who; n: number }
  | { t: 'notYet'; who: Who; code: 'SEQ_GAP' | 'MISSING_BLOB'; n: number }
  | { t: 'poke' }
  | { t: 'loseBlobs' }
  | { t: 'tick'; ms: number };

const who = fc.constantFrom<Who>(0, 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('append' as const),
      who,
      kind: fc.constantFrom('case', 'case', 'note', 'note', 'review', 'approve'),
      pick: fc.nat(20),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('cut' as const, 'heal' as const), who }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('crash' as const), who }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constantFrom('dropAcks' as const, 'dropPushes' as const, 'failPushes' as const),
      who,
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('notYet' as const),
      who,
      code: fc.constantFrom('SEQ_GAP' as const, 'MISSING_BLOB' as const),
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<Command>({ t: 'poke' }, { t: 'loseBlobs' }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('tick' as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5000 })),
    }),
  },
);

const ids = (events: readonly StoredEvent[]) => events.map((e) => e.id);

async function run(commands: Command[], seed: number): Promise<void> {
  const timers = new FakeTimers();
  const hub = new FakeHub(timers);
  let state = seed;
  // A seeded random for the jitter, so a failing case replays exactly.
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Attachment bytes stay on the intake machine, so the hub losing a blob is always recoverable.
  const bytes = new TextEncoder().encode('身份证扫描件');
  const attachment = { sha256: sha256Hex(bytes), size: bytes.length };
  const blobSource = {
    read: async (sha: string) => (sha === attachment.sha256 ? bytes : undefined),
  };
  const counters = [
    new Counter(hub, TJ_DEVICE, { random, blobSource }),
    new Counter(hub, BJ_DEVICE, { random }),
  ] as const;
  await Promise.all(counters.map((c) => c.engine.start()));

  const knownCases = (c: Counter): string[] => [
    ...new Set(
      [...c.appended, ...c.storage.feed()]
        .filter((e) => e.type === 'case.received')
        .map((e) => e.caseId),
    ),
  ];

  for (const cmd of commands) {
    if (cmd.t === 'tick') {
      await advance(timers, cmd.ms);
      continue;
    }
    if (cmd.t === 'poke') {
      hub.pokeAll();
      continue;
    }
    if (cmd.t === 'loseBlobs') {
      hub.blobs.clear();
      continue;
    }
    const c = counters[cmd.who];
    switch (cmd.t) {
      case 'append': {
        const cases = knownCases(c);
        const caseId = cases[cmd.pick % Math.max(cases.length, 1)];
        if (cmd.who === 0 && (cmd.kind === 'case' || !caseId)) {
          await c.append(receivedDraft(cmd.pick % 2 === 0 ? { attachments: [attachment] } : {}));
        } else if (!caseId) break;
        else if (cmd.kind === 'review' && cmd.who === 1) await c.append(reviewStartedDraft(caseId));
        else if (cmd.kind === 'approve') await c.append(approvedDraft(caseId, c.device.hallId));
        else await c.append(noteDraft(caseId, c.device.hallId));
        break;
      }
      case 'cut':
        c.transport.cut();
        break;
      case 'heal':
        c.transport.heal();
        break;
      case 'notYet':
        hub.injectNotYet(c.device.deviceId, cmd.code, cmd.n);
        break;
      case 'crash':
        await c.crash();
        await c.engine.start();
        break;
      default:
        c.transport[cmd.t] += cmd.n;
    }
    await advance(timers, 0);
  }

  for (const c of counters) c.transport.heal();
  expect(await settle(timers)).toBe(true);

  const logIds = ids(hub.log);
  expect(new Set(logIds).size).toBe(logIds.length);
  for (const c of counters) {
    const status = c.engine.status();
    expect(status).toMatchObject({ online: true, pending: 0, pushing: false, pulling: false });
    expect(c.transport.maxInFlight).toBeLessThanOrEqual(1);

    // Every appended event has a final answer from the hub, and the outbox holds that same answer.
    const outbox = new Map(c.storage.outbox().map((e) => [e.event.id, e]));
    expect(c.appended.map((e) => e.deviceSeq)).toEqual(c.appended.map((_, i) => i + 1));
    for (const event of c.appended) {
      const answer = hub.answerFor(event.id);
      const entry = outbox.get(event.id);
      expect(answer).toBeDefined();
      if (answer?.status === 'accepted') {
        expect(entry).toMatchObject({ state: 'accepted', hubSeq: answer.hubSeq });
        expect(logIds.filter((id) => id === event.id).length).toBe(1);
      } else {
        expect(entry).toMatchObject({ state: 'rejected', reason: { code: answer?.reason.code } });
        expect(logIds).not.toContain(event.id);
      }
    }
    expect(status.refused).toBe(
      c.appended.filter((e) => hub.answerFor(e.id)?.status === 'rejected').length,
    );

    // Per-device order on the hub.
    const mine = hub.eventsOf(c.device.deviceId).map((e) => e.deviceSeq);
    expect(mine).toEqual([...mine].sort((a, b) => a - b));

    // The counter's copy of its feed: each event once, in feed order, the cursor at the end.
    const feed = hub.feedOf(c.device.deviceId);
    expect(ids(c.storage.feed())).toEqual(ids(feed));
    expect(await c.storage.getCursor()).toBe(feed.length);
  }

  for (const c of counters) {
    await c.engine.stop();
    expect(c.timers.pending).toBe(0);
  }
}

describe('SyncEngine under random faults', () => {
  it('loses nothing, doubles nothing, keeps order', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 5, maxLength: 80, size: 'max' }),
        fc.nat(2 ** 30),
        async (commands, seed) => {
          await run(commands, seed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
