// The hub's guarantees under stress, with real processes: two hub processes writing at once never
// let a reader skip an event, pokes cross processes through Redis, and kill -9 during a push storm
// from 20 counters loses nothing it acknowledged and duplicates nothing, in any feed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { freePort, HALLS, ITEM_OF, prepareFleet, sleep } from '../support/fleet';
import { childHub, freshStore, REDIS_URL, STORES, type ChildHub, type StoreTarget } from '../support/hub-process';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

/** Every event of every involved hall's feed, and the region feed, exactly once and complete. */
async function checkFeeds(url: string, readers: Record<string, TestDevice>, region: TestDevice, accepted: Map<string, Event>) {
  await region.connect(url);
  const all = (await region.pullAll(0, 5000)).events;
  region.close();
  const ids = all.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(accepted.size);
  for (const id of accepted.keys()) expect(ids).toContain(id);
  // The region feed is the hub's log: hubSeq from 1 with no gap, in order.
  expect(all.map((e) => e.hubSeq)).toEqual(all.map((_, i) => i + 1));
  const halls = new Map<string, Set<string>>();
  for (const e of all) {
    if (e.type !== 'case.received') continue;
    halls.set(e.caseId, new Set([e.payload.intakeHallId, e.payload.homeHallId, e.payload.deliveryHallId]));
  }
  for (const [hall, reader] of Object.entries(readers)) {
    await reader.connect(url);
    const feed = (await reader.pullAll(0, 5000)).events;
    reader.close();
    const expected = all.filter((e) => halls.get(e.caseId)?.has(hall)).map((e) => e.id);
    expect(feed.map((e) => e.id)).toEqual(expected);
  }
}

describe.each(STORES)('hub under stress on %s', (kind) => {
  it('two hub processes writing at once: a reader polling throughout never skips an event', async () => {
    const target: StoreTarget = await freshStore(kind);
    cleanups.push(() => target.cleanup());
    const fleet = await prepareFleet(target, 3, 2);
    // Two SQLite hubs share one file; two PostgreSQL hubs share one database (and Redis, if given).
    const redis = kind === 'postgres' ? REDIS_URL : undefined;
    const hubs = [await childHub(target, redis ? { redisUrl: redis } : {}), await childHub(target, redis ? { redisUrl: redis } : {})];
    cleanups.push(async () => void (await Promise.all(hubs.map((h) => h.kill()))));
    const hallCodes = fleet.codes.filter((c) => c.scope === 'hall');
    const writerCodes = hallCodes.filter((c) => c.hallId === 'TJ' || c.hallId === 'SJZ').slice(0, 4);
    const writers = await Promise.all(writerCodes.map(async (c, i) => {
      const d = await TestDevice.enroll(hubs[i % 2]!.url, c.code);
      await d.connect();
      return d;
    }));
    const regionCodes = fleet.codes.filter((c) => c.scope === 'region');
    const reader = await TestDevice.enroll(hubs[0]!.url, regionCodes[0]!.code);
    await reader.connect();

    // A BJ hall device on hub 2 must be poked for BJ cases written through hub 1 (needs Redis).
    const bjOn2 = await TestDevice.enroll(hubs[1]!.url, hallCodes.find((c) => c.hallId === 'BJ')!.code);
    await bjOn2.connect();
    let pokes = 0;
    bjOn2.socket!.on('poke', () => pokes++);
    await sleep(300);
    const pokesAtStart = pokes;

    let writing = true;
    const seen: StoredEvent[] = [];
    const polling = (async () => {
      let cursor = 0;
      while (writing) {
        const r = await reader.pull(cursor, 50);
        seen.push(...r.events);
        cursor = r.cursor;
        if (!r.more) await sleep(5);
      }
      const rest = await reader.pullAll(cursor, 1000);
      seen.push(...rest.events);
    })();

    const accepted = new Map<string, Event>();
    await Promise.all(writers.map(async (w) => {
      for (let b = 0; b < 8; b++) {
        const batch = Array.from({ length: 50 }, () => w.received(fleet.clerks[w.info.hallId]!, { itemCode: ITEM_OF.BJ!, homeHallId: 'BJ' }));
        const r = await w.push(batch);
        r.results.forEach((x, i) => {
          expect(x.status).toBe('accepted');
          accepted.set(batch[i]!.id, batch[i]!);
        });
      }
    }));
    writing = false;
    await polling;
    expect(seen.map((e) => e.hubSeq)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map((e) => e.id))).toEqual(new Set(accepted.keys()));
    if (redis) expect(pokes).toBeGreaterThan(pokesAtStart);
    for (const d of [...writers, reader, bjOn2]) d.close();
  });

  it('kill -9 during a push storm from 20 counters loses nothing acknowledged and duplicates nothing', async () => {
    const target = await freshStore(kind);
    cleanups.push(() => target.cleanup());
    const fleet = await prepareFleet(target, 6, 1);
    const port = await freePort();
    let hub: ChildHub = await childHub(target, { port });
    cleanups.push(() => hub.kill());
    const url = hub.url;

    const hallCodes = fleet.codes.filter((c) => c.scope === 'hall');
    // Five counters per hall push; the sixth code of each hall is its feed reader.
    const counters = await Promise.all(HALLS.flatMap((h) => hallCodes.filter((c) => c.hallId === h).slice(0, 5)).map((c) => TestDevice.enroll(url, c.code)));
    const readers: Record<string, TestDevice> = {};
    for (const hall of HALLS) readers[hall] = await TestDevice.enroll(url, hallCodes.filter((c) => c.hallId === hall).at(-1)!.code);
    const region = await TestDevice.enroll(url, fleet.codes.find((c) => c.scope === 'region')!.code);

    // Each counter's outbox, made up front: cases for other halls' items, and notes on them.
    const outboxes = counters.map((d, i) => {
      const clerk = fleet.clerks[d.info.hallId]!;
      const events: Event[] = [];
      for (let c = 0; c < 40; c++) {
        const home = HALLS[(i + c) % HALLS.length]!;
        const rec = d.received(clerk, { itemCode: ITEM_OF[home]!, homeHallId: home });
        events.push(rec, d.event('case.note_added', rec.caseId, { text: `第${c}件备注` }, clerk));
      }
      return events;
    });
    const accepted = new Map<string, Event>();
    const hubSeqOf = new Map<string, number>();

    let stormOver = false;
    const chaos = (async () => {
      for (let round = 0; round < 5; round++) {
        await sleep(400 + Math.random() * 500);
        await hub.kill('SIGKILL');
        await sleep(100);
        hub = await childHub(target, { port });
      }
      stormOver = true;
    })();

    const errors: string[] = [];
    const deadline = Date.now() + 45_000;
    await Promise.all(counters.map(async (d, i) => {
      const outbox = outboxes[i]!;
      let next = 0;
      while (next < outbox.length) {
        if (Date.now() > deadline) throw new Error(`storm did not finish; last errors: ${errors.slice(-5).join(' | ')}`);
        try {
          if (!d.socket?.connected) {
            d.close();
            await d.connect(url);
          }
          const batch = outbox.slice(next, next + 1 + Math.floor(Math.random() * 6));
          const r = await d.push(batch, 3000);
          if (r.error) throw new Error(r.error.message);
          for (const [k, res] of r.results.entries()) {
            if (res.status === 'rejected') {
              if (res.reason?.code !== 'SEQ_GAP') throw new Error(`final rejection ${res.reason?.code}: ${res.reason?.message}`);
              break;
            }
            const e = batch[k]!;
            // A replay must return the very hubSeq of the first answer.
            if (hubSeqOf.has(e.id)) expect(res.hubSeq).toBe(hubSeqOf.get(e.id));
            hubSeqOf.set(e.id, res.hubSeq!);
            accepted.set(e.id, e);
            next = Math.max(next, outbox.indexOf(e) + 1);
          }
        } catch (e) {
          errors.push(String(e));
          if (String(e).includes('final rejection')) throw e;
          d.close();
          await sleep(50 + Math.random() * 150);
        }
        // Paced while the chaos runs, so the storm lasts past the kills however fast the hub is.
        if (!stormOver) await sleep(60);
      }
      d.close();
    }));
    await chaos;
    // The kills did land in the middle of the storm: pushes were cut off and resent.
    expect(errors.length).toBeGreaterThan(0);
    expect(accepted.size).toBe(outboxes.flat().length);
    await checkFeeds(url, readers, region, accepted);
  });
});
