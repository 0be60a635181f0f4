// The counter's sync engine (shared/sync) over the real socket.io transport (renderer/data) against
// a real hub process: halls converge, offline work goes through on reconnect, and a hub killed with
// kill -9 mid-stream costs nothing: every appended event ends accepted, once.
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { foldCase } from '../../shared/case/projection';
import type { PayloadOf } from '../../shared/protocol/events';
import { MemorySyncStorage, SyncEngine, type EventDraft, type Timers } from '../../shared/sync';
import { SocketTransport } from '../../renderer/data/socket-transport';
import { TestDevice } from '../support/device';
import { freePort, ITEM_OF, prepareFleet, sleep } from '../support/fleet';
import { childHub, freshStore, STORES, type ChildHub } from '../support/hub-process';

const timers: Timers = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

interface Counter {
  device: TestDevice;
  storage: MemorySyncStorage;
  engine: SyncEngine;
  transport: SocketTransport;
  staffId: string;
}

async function counter(url: string, code: string, staffId: string): Promise<Counter> {
  const device = await TestDevice.enroll(url, code);
  const storage = new MemorySyncStorage();
  const transport = new SocketTransport({ hubUrl: url, deviceId: device.id, sign: device.signer(), ackTimeoutMs: 3000 });
  const engine = new SyncEngine({ deviceId: device.id, storage, transport, timers, backoff: { baseMs: 100, capMs: 1000 } });
  await engine.start();
  cleanups.push(() => engine.stop());
  return { device, storage, engine, transport, staffId };
}

let daily = 0;
function receivedDraft(c: Counter, homeHallId: string): EventDraft {
  const caseNo = makeCaseNumber({ deviceCode: c.device.info.deviceCode, at: new Date(), dailyCount: ++daily });
  if (!caseNo.ok) throw new Error(caseNo.error.message);
  const payload: PayloadOf<'case.received'> = {
    caseNo: caseNo.value,
    itemCode: ITEM_OF[homeHallId]!,
    applicant: { kind: 'person', name: '王芳', idType: 'resident', idNumber: '11010519491231002X', phone: '13800138000' },
    form: {},
    materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }],
    intakeHallId: c.device.info.hallId,
    homeHallId,
    deliveryHallId: c.device.info.hallId,
    queryCode: '654321',
  };
  return { caseId: uuidv7(), type: 'case.received', payload, actor: { staffId: c.staffId, hallId: c.device.info.hallId }, at: new Date().toISOString() } as EventDraft;
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.each(STORES)('sync engine against a real hub on %s', (kind) => {
  it('converges two halls, takes offline work on reconnect, and survives kill -9', async () => {
    const target = await freshStore(kind);
    cleanups.push(() => target.cleanup());
    const fleet = await prepareFleet(target, 1, 1);
    const port = await freePort();
    let hub: ChildHub = await childHub(target, { port });
    cleanups.push(() => hub.kill());
    const code = (h: string) => fleet.codes.find((c) => c.hallId === h)!.code;
    const tj = await counter(hub.url, code('TJ'), fleet.clerks.TJ!);
    const bj = await counter(hub.url, code('BJ'), fleet.clerks.BJ!);
    await until('both online', () => tj.engine.status().online && bj.engine.status().online);

    // 1. A Tianjin intake of a Beijing item reaches Beijing's store through pokes and pulls.
    const first = await tj.engine.append(receivedDraft(tj, 'BJ'));
    expect(first.ok).toBe(true);
    const caseId = first.ok ? first.value.caseId : '';
    await until('BJ receives the case', () => bj.storage.feed().some((e) => e.caseId === caseId));

    // 2. Offline in Tianjin: work is kept and goes through when the connection is back.
    tj.transport.disconnect();
    await until('TJ offline', () => !tj.engine.status().online);
    for (let i = 0; i < 5; i++) await tj.engine.append({ caseId, type: 'case.note_added', payload: { text: `离线备注${i}` }, actor: { staffId: tj.staffId, hallId: 'TJ' }, at: new Date().toISOString() } as EventDraft);
    expect(tj.engine.status().pending).toBe(5);
    tj.transport.connect();
    await until('TJ outbox drained', () => tj.engine.status().pending === 0);
    await until('BJ has the notes', () => bj.storage.feed().filter((e) => e.caseId === caseId).length === 6);

    // 3. kill -9 while Tianjin appends a stream; the engine reconnects and finishes the job.
    const appended: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 120; i++) {
        const r = await tj.engine.append(receivedDraft(tj, i % 2 ? 'BJ' : 'XA'));
        if (r.ok) appended.push(r.value.id);
        await sleep(10);
      }
    })();
    await sleep(300);
    await hub.kill('SIGKILL');
    await sleep(500);
    hub = await childHub(target, { port });
    await writing;
    await until('TJ outbox drained after the restart', () => tj.engine.status().pending === 0, 60_000);
    expect(tj.engine.status().refused).toBe(0);
    const outbox = tj.storage.outbox();
    expect(outbox.every((e) => e.state === 'accepted')).toBe(true);
    const hubSeqs = outbox.map((e) => e.hubSeq);
    expect(new Set(hubSeqs).size).toBe(hubSeqs.length);

    // The hub holds each event once; both counters' stores agree with the hub on shared cases.
    const region = await TestDevice.enroll(hub.url, fleet.codes.find((c) => c.scope === 'region')!.code);
    await region.connect();
    const all = (await region.pullAll(0, 5000)).events;
    region.close();
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of appended) expect(ids).toContain(id);
    const bjCases = new Set(all.filter((e) => e.type === 'case.received' && e.payload.homeHallId === 'BJ').map((e) => e.caseId));
    const bjEvents = all.filter((e) => bjCases.has(e.caseId)).map((e) => e.id);
    await until('BJ caught up', () => bj.storage.feed().length === bjEvents.length);
    expect(bj.storage.feed().map((e) => e.id).sort()).toEqual([...bjEvents].sort());
    const viewAt = (c: Counter) => foldCase(c.storage.feed().filter((e) => e.caseId === caseId)).view;
    expect(viewAt(bj)).toEqual(viewAt(tj));
  }, 120_000);
});
