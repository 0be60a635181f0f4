// The case snapshot (GET /api/v1/snapshot) against a real hub on SQLite and PostgreSQL: a fresh
// counter's sync engine loads it page by page while other counters keep writing between the pages
// (new cases before and after the page being read, notes on cases already read and not yet read,
// a case that joins the hall's feed, the counter's own intake), then pulls the feed from the
// snapshot's cursor. It must end holding exactly the hall's feed: every event once, each case's in
// hubSeq order, folding to the same case. A restart mid-snapshot resumes after the last page stored.
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { foldCase } from '../../shared/case/projection';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import { MemorySyncStorage, SyncEngine, type EventDraft, type SyncTransport, type Timers } from '../../shared/sync';
import type { SnapshotPage } from '../../shared/sync/snapshot';
import { SocketTransport } from '../../renderer/data/socket-transport';
import { TestDevice } from '../support/device';
import { ITEM_OF, prepareFleet, sleep, type Fleet } from '../support/fleet';
import { freshStore, inProcessHub, STORES } from '../support/hub-process';

const timers: Timers = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A counter that writes through its own socket: Tianjin's, whose cases are the snapshot's material. */
class Writer {
  constructor(
    readonly device: TestDevice,
    readonly staffId: string,
  ) {}
  async push(events: Event[]): Promise<number[]> {
    const r = await this.device.push(events);
    if (r.error || r.results.some((x) => x.status !== 'accepted')) throw new Error(`push refused: ${JSON.stringify(r)}`);
    return r.results.map((x) => x.hubSeq!);
  }
  received(homeHallId: string, caseId = uuidv7()): Event {
    return this.device.received(this.staffId, { itemCode: ITEM_OF[homeHallId]!, homeHallId, caseId });
  }
  note(caseId: string, text: string): Event {
    return this.device.event('case.note_added', caseId, { text }, this.staffId);
  }
}

/** A case id that sorts before every uuidv7 made today, so its case lands before pages already read. */
const earlyId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The engine's transport, with a hook between the hub reading a snapshot page and the engine seeing it. */
function withPageHook(t: SocketTransport, afterPage: (n: number, page: SnapshotPage) => Promise<void>): SyncTransport {
  let pages = 0;
  return {
    connect: () => t.connect(),
    disconnect: () => t.disconnect(),
    isConnected: () => t.isConnected(),
    push: (e) => t.push(e),
    pull: (r) => t.pull(r),
    onPoke: (cb) => t.onPoke(cb),
    onStatus: (cb) => t.onStatus(cb),
    snapshot: async (r) => {
      const page = await t.snapshot(r);
      if (page) await afterPage(++pages, page as SnapshotPage);
      return page;
    },
  };
}

async function setup(kind: 'sqlite' | 'postgres') {
  const target = await freshStore(kind);
  cleanups.push(() => target.cleanup());
  const fleet: Fleet = await prepareFleet(target, 3, 1);
  const hub = await inProcessHub(target);
  cleanups.push(() => hub.close());
  const codes = (hallId: string) => fleet.codes.filter((c) => c.hallId === hallId && c.scope === 'hall').map((c) => c.code);
  const tjDevice = await TestDevice.enroll(hub.url, codes('TJ')[0]!);
  await tjDevice.connect();
  cleanups.push(async () => tjDevice.close());
  return { hub, fleet, codes, tj: new Writer(tjDevice, fleet.clerks.TJ!) };
}

/** What the hall's feed holds, read the plain way: a fresh device pulling from 0. */
async function hallFeed(url: string, code: string): Promise<StoredEvent[]> {
  const d = await TestDevice.enroll(url, code);
  await d.connect();
  try {
    return (await d.pullAll(0, 5000)).events;
  } finally {
    d.close();
  }
}

function byCase(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const m = new Map<string, StoredEvent[]>();
  for (const e of events) m.set(e.caseId, [...(m.get(e.caseId) ?? []), e]);
  return m;
}

/** The store holds the feed exactly: each event once, each case's in hubSeq order and folding alike. */
function expectSameCases(held: readonly StoredEvent[], feed: readonly StoredEvent[]): void {
  const ids = held.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(feed.map((e) => e.id)));
  const mine = byCase(held);
  for (const [caseId, events] of byCase(feed)) {
    const got = mine.get(caseId)!;
    expect(got.map((e) => e.hubSeq)).toEqual(events.map((e) => e.hubSeq));
    expect(foldCase(got).view).toEqual(foldCase(events).view);
  }
}

function bjCounter(url: string, device: TestDevice, storage: MemorySyncStorage, afterPage: (n: number, page: SnapshotPage) => Promise<void>) {
  const socket = new SocketTransport({ hubUrl: url, deviceId: device.id, sign: device.signer(), ackTimeoutMs: 10_000 });
  const engine = new SyncEngine({ deviceId: device.id, storage, transport: withPageHook(socket, afterPage), timers, snapshotLimit: 4, backoff: { baseMs: 50, capMs: 500 } });
  cleanups.push(() => engine.stop());
  return engine;
}

async function caughtUp(engine: SyncEngine, storage: MemorySyncStorage, head: () => Promise<number>): Promise<void> {
  await until('the counter caught up', async () => {
    const s = engine.status();
    return s.online && !s.pulling && !s.pushing && s.pending === 0 && (await storage.getCursor()) === (await head());
  });
}

describe.each(STORES)('case snapshot against a real hub on %s', (kind) => {
  it('loads the snapshot while others write between its pages, then the feed: every event of the hall once', async () => {
    const { hub, fleet, codes, tj } = await setup(kind);
    // 30 cases of Beijing items taken in Tianjin (the BJ feed has them), 8 Tianjin-only cases, notes.
    const bjCases = Array.from({ length: 30 }, () => tj.received('BJ'));
    const tjOnly = [tj.received('TJ', earlyId(1)), ...Array.from({ length: 7 }, () => tj.received('TJ'))];
    await tj.push([...bjCases, ...tjOnly]);
    await tj.push(bjCases.slice(0, 12).map((c, i) => tj.note(c.caseId, `备注 ${i}`)));

    const bjDevice = await TestDevice.enroll(hub.url, codes('BJ')[0]!);
    const storage = new MemorySyncStorage();
    const seen: string[][] = [];
    let bjOwnCase = '';
    const engine = bjCounter(hub.url, bjDevice, storage, async (n, page) => {
      seen.push(page.cases.map((c) => c.caseId));
      const sorted = [...bjCases].map((c) => c.caseId).sort();
      if (n === 1) {
        // A note on a case this page holds, one on a case still to come, a new case before and after.
        await tj.push([tj.note(page.cases[0]!.caseId, '快照第一页之后'), tj.note(sorted[sorted.length - 1]!, '尚未读到的办件'), tj.received('BJ', earlyId(7)), tj.received('BJ')]);
      } else if (n === 2) {
        // Tianjin-only cases join Beijing's feed (delivery moved to Beijing): one sorts before every
        // page, one after; Beijing receives their earlier events in its feed after the snapshot cursor.
        await tj.push([tj.device.event('case.updated', tjOnly[0]!.caseId, { changes: { deliveryHallId: 'BJ' } }, tj.staffId), tj.device.event('case.updated', tjOnly[7]!.caseId, { changes: { deliveryHallId: 'BJ' } }, tj.staffId)]);
        // The counter's own intake while its snapshot loads: pushed, and held once.
        const no = makeCaseNumber({ deviceCode: bjDevice.info.deviceCode, at: new Date(), dailyCount: 1 });
        if (!no.ok) throw new Error(no.error.message);
        const own = await engine.append({ caseId: uuidv7(), type: 'case.received', actor: { staffId: fleet.clerks.BJ!, hallId: 'BJ' }, at: new Date().toISOString(), payload: { caseNo: no.value, itemCode: ITEM_OF.TJ!, applicant: { kind: 'person', name: '王芳', idType: 'resident', idNumber: '11010519491231002X', phone: '13800138000' }, form: {}, materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }], intakeHallId: 'BJ', homeHallId: 'TJ', deliveryHallId: 'BJ', queryCode: '654321' } } as EventDraft);
        if (!own.ok) throw new Error(own.error.message);
        bjOwnCase = own.value.caseId;
        await until('the own intake is pushed', () => engine.status().pending === 0);
      } else if (n === 4) {
        await tj.push([tj.note(sorted[0]!, '最早的办件又有备注'), tj.note(tjOnly[7]!.caseId, '加入北京之后的备注')]);
      }
    });
    await engine.start();
    await until('the snapshot is in', async () => (await storage.snapshotState())?.done === true);
    const feed = await hallFeed(hub.url, codes('BJ')[1]!);
    await caughtUp(engine, storage, async () => feed.length);

    expect(seen.length).toBeGreaterThan(5);
    const state = (await storage.snapshotState())!;
    expect(state.done).toBe(true);
    expect(state.cases).toBe(seen.flat().length);
    // The feed after the snapshot's cursor brought the cases written meanwhile, without repeating any event.
    expect(feed.some((e) => e.caseId === earlyId(1))).toBe(true);
    expect(feed.some((e) => e.caseId === earlyId(7))).toBe(true);
    expectSameCases(storage.feed(), feed);
    const own = storage.outbox();
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ state: 'accepted' });
    expect(storage.feed().filter((e) => e.caseId === bjOwnCase)).toHaveLength(1);
    // The status bar's numbers end where the feed ends.
    expect(engine.status().bootstrap.received).toBe(feed.length);
  });

  it('resumes after a restart mid-snapshot, and serves scope, paging and refusals as the feed does', async () => {
    const { hub, fleet, codes, tj } = await setup(kind);
    const cases = Array.from({ length: 21 }, () => tj.received('BJ'));
    await tj.push([...cases, tj.received('XA')]);

    const bjDevice = await TestDevice.enroll(hub.url, codes('BJ')[0]!);
    const storage = new MemorySyncStorage();
    let stopAt: ((n: number) => void) | null = null;
    const first = bjCounter(hub.url, bjDevice, storage, async (n) => stopAt?.(n));
    stopAt = (n) => {
      if (n === 3) void first.stop();
    };
    await first.start();
    await until('stopped mid-snapshot', async () => !first.status().online && (await storage.snapshotState()) !== null);
    const partial = (await storage.snapshotState())!;
    expect(partial.done).toBe(false);
    expect(partial.cases).toBeLessThan(21);
    expect(await storage.getCursor()).toBe(0);

    await tj.push([tj.note(cases[20]!.caseId, '重启期间')]);
    const pagesAfter: string[] = [];
    const second = bjCounter(hub.url, bjDevice, storage, async (_n, page) => void pagesAfter.push(...page.cases.map((c) => c.caseId)));
    await second.start();
    const feed = await hallFeed(hub.url, codes('BJ')[1]!);
    await caughtUp(second, storage, async () => feed.length);
    expect(pagesAfter.every((id) => id > partial.after!)).toBe(true);
    expectSameCases(storage.feed(), feed);

    // Scope: a hall device gets its hall's cases only; a region device every case.
    const hall = await bjDevice.request('GET', '/api/v1/snapshot?limit=2000');
    const hallPage = (await hall.json()) as SnapshotPage;
    expect(hallPage.cases).toHaveLength(21);
    expect(hallPage.more).toBe(false);
    expect(hallPage.cursor).toBe(feed.length);
    const region = await TestDevice.enroll(hub.url, fleet.codes.find((c) => c.scope === 'region')!.code);
    const all = (await (await region.request('GET', '/api/v1/snapshot?limit=2000')).json()) as SnapshotPage;
    expect(all.cases).toHaveLength(22);
    // Paging: `after` moves on, `more` says whether there is more.
    const p1 = (await (await bjDevice.request('GET', '/api/v1/snapshot?limit=20')).json()) as SnapshotPage;
    const p2 = (await (await bjDevice.request('GET', `/api/v1/snapshot?limit=20&after=${p1.after}`)).json()) as SnapshotPage;
    expect([p1.cases.length, p1.more, p2.cases.length, p2.more]).toEqual([20, true, 1, false]);
    expect(p2.after).toBe(p2.cases[0]!.caseId);

    // Refusals in the contract's shape.
    const bad = await bjDevice.request('GET', '/api/v1/snapshot?limit=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
    const odd = await bjDevice.request('GET', '/api/v1/snapshot?after=not-a-case');
    expect(odd.status).toBe(400);
    const unsigned = await fetch(`${hub.url}/api/v1/snapshot`);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('DEVICE_UNKNOWN');
  });

  it('a hall that joins a case in the push that created it gets the case whole, in its feed as in the snapshot', async () => {
    // Found in review: a case taken in Tianjin and re-routed to Beijing for delivery in one push (say,
    // offline) reached Beijing's feed without its case.received, while the snapshot had it whole.
    const { hub, codes, tj } = await setup(kind);
    const received = tj.received('TJ');
    const updated = tj.device.event('case.updated', received.caseId, { changes: { deliveryHallId: 'BJ' } }, tj.staffId) as Event;
    await tj.push([received, updated]);

    const feed = (await hallFeed(hub.url, codes('BJ')[0]!)).filter((e) => e.caseId === received.caseId);
    expect(feed.map((e) => e.type)).toEqual(['case.received', 'case.updated']);
    const bj = await TestDevice.enroll(hub.url, codes('BJ')[1]!);
    cleanups.push(async () => bj.close());
    const page = (await (await bj.request('GET', '/api/v1/snapshot?limit=2000')).json()) as SnapshotPage;
    expect(page.cases.find((c) => c.caseId === received.caseId)?.events.map((e) => e.type)).toEqual(['case.received', 'case.updated']);
  });
});
