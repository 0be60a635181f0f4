// Re-enrollment after a revoke, against a real hub process: the counter's unsynced events, authored
// under the revoked device, reach the hub under the new one, once each, with their case numbers
// (old device code) accepted; an event the hub already had is not sent twice; a failed catch-up
// needs no second code; the revoked device stays shut out. The flow is the app's own
// (renderer/features/enroll/reenroll.ts) over the real socket.io transport.
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { exportPublicKey, generateSigningKeyPair, sign } from '../../shared/crypto/ed25519';
import type { Event, PayloadOf } from '../../shared/protocol/events';
import { SyncEngine, type EventDraft, type Timers } from '../../shared/sync';
import { SocketTransport } from '../../renderer/data/socket-transport';
import { httpEnroll, reenroll, type Identity, type ReenrollDeps } from '../../renderer/features/enroll/reenroll';
import { TestDevice } from '../support/device';
import { freePort, ITEM_OF, prepareFleet, sleep } from '../support/fleet';
import { childHub, freshStore, hubCli, STORES } from '../support/hub-process';
import { MemoryCounterStore } from './reenroll-memory-store';

const timers: Timers = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const transportFor = (identity: Identity, signer: (m: string) => Promise<string>, hubUrl = identity.hubUrl) =>
  new SocketTransport({ hubUrl, deviceId: identity.deviceId, sign: signer, ackTimeoutMs: 5000 });

function engineFor(store: MemoryCounterStore): { engine: SyncEngine; transport: SocketTransport } {
  const keys = store.keys;
  const transport = transportFor(store.identity, (m) => sign(keys.privateKey, m));
  const engine = new SyncEngine({ deviceId: store.identity.deviceId, storage: store, transport, timers, backoff: { baseMs: 100, capMs: 1000 } });
  cleanups.push(() => engine.stop());
  return { engine, transport };
}

let daily = 0;
function received(store: MemoryCounterStore, clerk: string, deviceCode = store.identity.deviceCode): EventDraft {
  const caseNo = makeCaseNumber({ deviceCode, at: new Date(), dailyCount: ++daily });
  if (!caseNo.ok) throw new Error(caseNo.error.message);
  const payload: PayloadOf<'case.received'> = {
    caseNo: caseNo.value,
    itemCode: ITEM_OF.BJ!,
    applicant: { kind: 'person', name: '赵敏', idType: 'resident', idNumber: '11010519491231002X', phone: '13800138000' },
    form: {},
    materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }],
    intakeHallId: 'TJ',
    homeHallId: 'BJ',
    deliveryHallId: 'TJ',
    queryCode: '123456',
  };
  return { caseId: uuidv7(), type: 'case.received', payload, actor: { staffId: clerk, hallId: 'TJ' }, at: new Date().toISOString() } as EventDraft;
}
const note = (caseId: string, clerk: string, text: string) => ({ caseId, type: 'case.note_added', payload: { text }, actor: { staffId: clerk, hallId: 'TJ' }, at: new Date().toISOString() }) as EventDraft;

describe.each(STORES)('re-enrollment after a revoke, against a real hub on %s', (kind) => {
  it('carries every unsynced event to the hub under the new device, once each, and shuts the old one out', async () => {
    const target = await freshStore(kind);
    cleanups.push(() => target.cleanup());
    const fleet = await prepareFleet(target, 2, 1);
    const clerk = fleet.clerks.TJ!;
    const hub = await childHub(target, { port: await freePort() });
    cleanups.push(() => hub.kill());

    // The counter (Tianjin, window 1) enrolls and syncs one case.
    const keysA = await generateSigningKeyPair(false);
    const infoA = await httpEnroll(hub.url, { code: fleet.codes.find((c) => c.hallId === 'TJ')!.code, publicKey: await exportPublicKey(keysA.publicKey), deviceName: '天津 1 号窗口', appVersion: '0.1.0' });
    expect(infoA.deviceCode).toBe('TJ01A');
    const store = new MemoryCounterStore({ ...infoA, hubUrl: hub.url, deviceName: '天津 1 号窗口', enrolledAt: new Date().toISOString() }, keysA);
    const a = engineFor(store);
    await a.engine.start();
    const synced = await a.engine.append(received(store, clerk));
    expect(synced.ok).toBe(true);
    await until('the first case accepted', async () => (await store.counts()).pending === 0);
    const firstCase = synced.ok ? synced.value.caseId : '';

    // Offline, it adds a note and takes a case (numbered TJ01A-…) with a note: three events pending.
    await a.engine.stop();
    const offline: Event[] = [];
    for (const draft of [note(firstCase, clerk, '离线补充说明'), received(store, clerk)]) {
      const r = await a.engine.append(draft);
      if (r.ok) offline.push(r.value);
    }
    const second = await a.engine.append(note(offline[1]!.caseId, clerk, '申请人补交材料'));
    if (second.ok) offline.push(second.value);
    expect(offline.map((e) => e.deviceSeq)).toEqual([2, 3, 4]);
    const offlineCaseNo = offline[1]!.type === 'case.received' ? offline[1]!.payload.caseNo : '';
    expect(offlineCaseNo).toMatch(/^TJ01A-/);

    // The first of them reached the hub just before the revoke, but its acknowledgement was lost.
    const lost = transportFor(store.identity, (m) => sign(keysA.privateKey, m));
    lost.connect();
    await until('the lost push connects', () => lost.isConnected());
    expect((await lost.push([offline[0]!])).results[0]).toMatchObject({ status: 'accepted' });
    lost.disconnect();
    expect((await store.counts()).pending).toBe(3);

    hubCli(target, ['revoke-device', '--device', infoA.deviceId]);
    // What the app sees: the hub refuses the revoked device's connection with DEVICE_REVOKED.
    const revoked = engineFor(store);
    await revoked.engine.start();
    await until('DEVICE_REVOKED reported', () => revoked.engine.status().lastError?.code === 'DEVICE_REVOKED');
    await revoked.engine.stop();

    const input = (code: string) => ({ hubUrl: hub.url, code, deviceName: '天津 1 号窗口', appVersion: '0.1.0' });
    const deps = (over: Partial<ReenrollDeps> = {}): ReenrollDeps => ({ store, enroll: httpEnroll, transport: (i, s) => transportFor(i, s), connectTimeoutMs: 5000, ...over });

    // A code for another window is refused while events are pending; nothing local changes.
    const otherWindow = hubCli<{ code: string }>(target, ['enroll-code', '--hall', 'TJ', '--counter', '2']).code;
    const wrong = await reenroll(store.identity, input(otherWindow), deps());
    expect(wrong).toMatchObject({ ok: false, error: { code: 'REENROLL_MISMATCH' } });
    expect(wrong.ok ? '' : wrong.error.message).toContain('还有 3 条记录未上传：须用原窗口（1 号）的注册码重新注册');
    expect(store.identity.deviceId).toBe(infoA.deviceId);

    // The right code, but the hub cannot be reached for the catch-up: enrolled, staged, nothing switched.
    const code = hubCli<{ code: string }>(target, ['enroll-code', '--hall', 'TJ', '--counter', '1']).code;
    const closedPort = await freePort();
    const cut = await reenroll(store.identity, input(code), deps({ transport: (i, s) => transportFor(i, s, `http://127.0.0.1:${closedPort}`), connectTimeoutMs: 1500 }));
    expect(cut).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    expect(cut.ok ? '' : cut.error.message).toMatch(/^已在中心注册为 TJ01B，但连接中心超时.*无需新的注册码$/);
    expect(store.identity.deviceId).toBe(infoA.deviceId);
    expect(store.outbox.filter((e) => e.state === 'pending').map((e) => e.event.deviceId)).toEqual([infoA.deviceId, infoA.deviceId, infoA.deviceId]);

    // Again, with the network back: no new code is needed (the used one is passed and ignored).
    const done = await reenroll(store.identity, input(code), deps());
    expect(done).toMatchObject({ ok: true, value: { deviceCode: 'TJ01B', hallId: 'TJ', counterNo: 1 } });
    expect(store.previous.map((p) => p.deviceCode)).toEqual(['TJ01A']);
    // The event the hub already had came back in the catch-up pull and is settled, not re-authored.
    const [lostEntry, ...rest] = store.outbox.slice(1);
    expect(lostEntry).toMatchObject({ state: 'accepted', event: { id: offline[0]!.id, deviceId: infoA.deviceId, deviceSeq: 2 } });
    expect(rest.map((e) => [e.state, e.event.id, e.event.deviceId, e.event.deviceSeq])).toEqual([
      ['pending', offline[1]!.id, store.identity.deviceId, 1],
      ['pending', offline[2]!.id, store.identity.deviceId, 2],
    ]);

    // The new device pushes them; later work continues the new numbering and the new device code.
    const b = engineFor(store);
    await b.engine.start();
    await until('the re-authored events accepted', async () => (await store.counts()).pending === 0);
    const later = await b.engine.append(received(store, clerk));
    expect(later.ok && later.value.deviceSeq).toBe(3);
    expect(later.ok && later.value.type === 'case.received' && later.value.payload.caseNo.startsWith('TJ01B-')).toBe(true);
    await until('the new case accepted', async () => (await store.counts()).pending === 0);
    expect((await store.counts()).refused).toBe(0);

    // The hub holds every event exactly once, the offline case under its TJ01A number, pushed by TJ01B.
    const region = await TestDevice.enroll(hub.url, fleet.codes.find((c) => c.scope === 'region')!.code);
    await region.connect();
    const all = (await region.pullAll(0, 5000)).events;
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = [synced, ...offline.map((e) => ({ ok: true as const, value: e })), later].map((r) => (r.ok ? r.value.id : ''));
    expect(mine.every((id) => ids.includes(id))).toBe(true);
    const byId = new Map(all.map((e) => [e.id, e]));
    expect(byId.get(offline[0]!.id)).toMatchObject({ deviceId: infoA.deviceId, deviceSeq: 2 });
    expect(byId.get(offline[1]!.id)).toMatchObject({ deviceId: store.identity.deviceId, deviceSeq: 1, payload: { caseNo: offlineCaseNo } });
    expect(byId.get(offline[2]!.id)).toMatchObject({ deviceId: store.identity.deviceId, deviceSeq: 2 });

    // The hub's rule on case numbers, once more by hand: an earlier generation of this window yes; a
    // later one or another window's no; a number already used stays DUPLICATE_CASE_NO.
    const pushRaw = async (draft: EventDraft) => {
      const seq = store.lastSeq + 1;
      const event = { ...draft, id: uuidv7(), deviceId: store.identity.deviceId, deviceSeq: seq } as Event;
      const t = transportFor(store.identity, (m) => sign(store.keys.privateKey, m));
      t.connect();
      await until('raw push connects', () => t.isConnected());
      const r = (await t.push([event])).results[0]!;
      t.disconnect();
      store.lastSeq = seq;
      return r;
    };
    expect(await pushRaw(received(store, clerk, 'TJ01A'))).toMatchObject({ status: 'accepted' });
    expect(await pushRaw(received(store, clerk, 'TJ01C'))).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_EVENT', message: expect.stringContaining('不是本设备（TJ01B）') } });
    expect(await pushRaw(received(store, clerk, 'TJ02A'))).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_EVENT' } });
    const dup = received(store, clerk, 'TJ01A');
    if (dup.type === 'case.received') dup.payload.caseNo = offlineCaseNo;
    expect(await pushRaw(dup)).toMatchObject({ status: 'rejected', reason: { code: 'DUPLICATE_CASE_NO' } });

    // The revoked device stays shut out.
    const old = transportFor({ ...store.identity, deviceId: infoA.deviceId }, (m) => sign(keysA.privateKey, m));
    const refused = new Promise<string | undefined>((resolve) => old.onStatus((s) => s.error && resolve(s.error.code)));
    old.connect();
    expect(await refused).toBe('DEVICE_REVOKED');
    old.disconnect();
    region.close();
  }, 120_000);
});
