// Video consultation signalling against a real hub with real socket.io clients: the device-signed
// /consult handshake, presence, ringing every counter of the callee hall that may take calls, the
// first answer winning, missed / declined / dropped calls, signal relay, ICE settings with coturn
// credentials, and the record the caller writes to the case (a hall that is not involved is called
// but never writes). SQLite always; PostgreSQL too where HUB_TEST_DATABASE_URL is set.
import { createHmac } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consultConfigFromEnv, ConsultConfigError } from '../../hub/consult/config';
import { createEnrollCode, revokeDevice } from '../../hub/domain/devices';
import { addStaff } from '../../hub/domain/staff';
import type { Hub } from '../../hub/server';
import { endedPayload, startedPayload } from '../../shared/consult/record';
import type { ConsultParticipant } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { freshStore, inProcessHub, STORES, type StoreTarget } from '../support/hub-process';

const PW = 'correct-horse-9';
const NURSE_BJ = 'XK00101001-BJ';
const TURN_SECRET = 'coturn-static-auth-secret-for-tests';
const ENV = {
  HUB_STUN_URLS: 'stun:127.0.0.1:3478',
  HUB_TURN_URLS: 'turn:127.0.0.1:3478?transport=udp,turns:127.0.0.1:5349',
  HUB_TURN_SECRET: TURN_SECRET,
  HUB_TURN_TTL_SECONDS: '600',
  HUB_CONSULT_RING_SECONDS: '5',
};

type Answer = { ok: boolean; error?: { code: string; message: string } } & Record<string, unknown>;

/** A counter on /consult: its socket, every message it received, and a wait for the next of a kind. */
class Counter {
  received: { event: string; payload: Record<string, unknown> }[] = [];
  private waiters: {
    event: string;
    match: (p: Record<string, unknown>) => boolean;
    resolve: (p: Record<string, unknown>) => void;
  }[] = [];
  constructor(
    readonly device: TestDevice,
    readonly socket: Socket,
  ) {
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      this.received.push({ event, payload });
      for (const w of [...this.waiters]) {
        if (w.event === event && w.match(payload)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    });
  }
  static async open(url: string, device: TestDevice): Promise<Counter> {
    const socket = io(`${url}/consult`, {
      transports: ['websocket'],
      auth: await device.handshakeAuth(),
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e: Error & { data?: unknown }) =>
        reject(Object.assign(new Error(e.message), { data: e.data })),
      );
    });
    return new Counter(device, socket);
  }
  call(event: string, payload: unknown = {}): Promise<Answer> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Answer>;
  }
  /** The next message of a kind (one already received counts), optionally about one call. */
  next(event: string, consultId?: string): Promise<Record<string, unknown>> {
    const match = (p: Record<string, unknown>) =>
      consultId === undefined || p.consultId === consultId;
    const had = this.received.find((r) => r.event === event && match(r.payload));
    if (had) {
      this.received.splice(this.received.indexOf(had), 1);
      return Promise.resolve(had.payload);
    }
    return new Promise((resolve) => this.waiters.push({ event, match, resolve }));
  }
  has(event: string, consultId: string): boolean {
    return this.received.some((r) => r.event === event && r.payload.consultId === consultId);
  }
  close(): void {
    this.socket.close();
  }
}

describe('hub consult settings', () => {
  it('reads STUN/TURN, the recording switch and the ring time from the environment, and refuses bad values in words', () => {
    const c = consultConfigFromEnv({ ...ENV, HUB_CONSULT_RECORDING: 'allowed' });
    expect(c).toMatchObject({
      stunUrls: ['stun:127.0.0.1:3478'],
      turnUrls: ['turn:127.0.0.1:3478?transport=udp', 'turns:127.0.0.1:5349'],
      turnTtlSeconds: 600,
      recordingAllowed: true,
      ringSeconds: 5,
      iceTransportPolicy: 'all',
    });
    expect(consultConfigFromEnv({})).toMatchObject({
      stunUrls: [],
      turnUrls: [],
      turnSecret: null,
      recordingAllowed: false,
      ringSeconds: 60,
    });
    const refused = (env: Record<string, string>) => {
      try {
        consultConfigFromEnv(env);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(ConsultConfigError);
        return (e as Error).message;
      }
    };
    expect(refused({ HUB_TURN_URLS: 'turn:x:3478' })).toContain('HUB_TURN_SECRET');
    expect(refused({ HUB_STUN_URLS: 'http://x' })).toContain('stun:');
    expect(refused({ HUB_CONSULT_RING_SECONDS: 'abc' })).toContain('HUB_CONSULT_RING_SECONDS');
    expect(refused({ HUB_ICE_TRANSPORT_POLICY: 'relay' })).toContain('HUB_TURN_URLS');
    expect(refused({ HUB_CONSULT_RECORDING: 'yes' })).toContain('allowed');
  });
});

describe.each(STORES)('video consultation on %s', (kind) => {
  let target: StoreTarget;
  let hub: Hub;
  const saved: Record<string, string | undefined> = {};
  const staff: Record<string, { staffId: string; name: string; hallId: string }> = {};
  const counters: Counter[] = [];
  let counterNo = 1;

  const enrolled = async (hallId: string) => {
    const code = await createEnrollCode(hub.store.db, {
      hallId,
      counterNo: counterNo++,
      scope: 'hall',
    });
    return TestDevice.enroll(hub.url, code.code);
  };
  /** A counter of the hall with a staff member logged in (or nobody). */
  const counter = async (hallId: string, username: string | null): Promise<Counter> => {
    const c = await Counter.open(hub.url, await enrolled(hallId));
    counters.push(c);
    if (username)
      expect(await c.call('presence', { staffId: staff[username]!.staffId })).toMatchObject({
        ok: true,
        available: true,
      });
    return c;
  };
  const me = (c: Counter, username: string): ConsultParticipant => ({
    ...staff[username]!,
    deviceCode: c.device.info.deviceCode,
  });

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    target = await freshStore(kind);
    hub = await inProcessHub(target);
    for (const [username, name, hallId, roles] of [
      ['tj-li', '李静', 'TJ', ['clerk']],
      ['bj-wang', '王芳', 'BJ', ['reviewer']],
      ['bj-zhao', '赵敏', 'BJ', ['clerk']],
      ['bj-sun', '孙立', 'BJ', ['supervisor']],
      ['bj-tech', '钱工', 'BJ', ['technician']],
      ['sjz-zhou', '周强', 'SJZ', ['clerk']],
    ] as const) {
      const s = await addStaff(hub.store.db, {
        username,
        name,
        hallId,
        roles: [...roles],
        password: PW,
      });
      staff[username] = { staffId: s.staffId, name, hallId };
    }
  });

  // Each test starts with no counter online.
  afterEach(() => {
    for (const c of counters.splice(0)) c.close();
  });

  afterAll(async () => {
    await hub?.close();
    await target?.cleanup();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('admits only devices that sign the handshake, like /sync', async () => {
    const d = await enrolled('TJ');
    const unsigned = io(`${hub.url}/consult`, {
      transports: ['websocket'],
      auth: { deviceId: d.id, timestamp: String(Date.now()), signature: 'A'.repeat(86) },
      reconnection: false,
      forceNew: true,
    });
    const err = await new Promise<{ data?: { code?: string } }>((resolve) =>
      unsigned.once('connect_error', resolve),
    );
    unsigned.close();
    expect(err.data?.code).toBe('BAD_SIGNATURE');
  });

  it('gives each device ICE servers with a coturn time-limited credential', async () => {
    const c = await counter('TJ', null);
    const before = Math.floor(Date.now() / 1000);
    const s = await c.call('settings');
    expect(s).toMatchObject({
      ok: true,
      iceTransportPolicy: 'all',
      recordingAllowed: false,
      ringSeconds: 5,
    });
    const servers = s.iceServers as { urls: string[]; username?: string; credential?: string }[];
    expect(servers[0]).toEqual({ urls: ['stun:127.0.0.1:3478'] });
    const turn = servers[1]!;
    expect(turn.urls).toEqual(['turn:127.0.0.1:3478?transport=udp', 'turns:127.0.0.1:5349']);
    const [expiry, id] = turn.username!.split(':');
    expect(id).toBe(c.device.info.deviceCode);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);
    // What coturn computes with use-auth-secret: base64(HMAC-SHA1(static-auth-secret, username)).
    expect(turn.credential).toBe(
      createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'),
    );
  });

  it('gives a device revoked while connected no credentials and no calls', async () => {
    const c = await counter('TJ', 'tj-li');
    await revokeDevice(hub.store.db, c.device.id);
    expect(await c.call('settings')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await c.call('dial', { consultId: uuidv7(), calleeHallId: 'BJ', consent: false }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('takes presence only from staff of the counter’s hall whose role takes calls', async () => {
    const c = await counter('BJ', null);
    expect(await c.call('presence', { staffId: staff['tj-li']!.staffId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await c.call('presence', { staffId: staff['bj-tech']!.staffId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await c.call('presence', { staffId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await c.call('presence', { staffId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_MESSAGE' },
    });
    expect(await c.call('presence', { staffId: null })).toMatchObject({
      ok: true,
      available: false,
    });
  });

  it('refuses a dial it cannot ring, each with its reason', async () => {
    const tj = await counter('TJ', 'tj-li');
    const nobody = await counter('TJ', null);
    const dial = (c: Counter, over: Record<string, unknown>) =>
      c.call('dial', { consultId: uuidv7(), calleeHallId: 'XA', consent: false, ...over });
    expect(await dial(nobody, {})).toMatchObject({ ok: false, error: { code: 'NOT_PRESENT' } });
    expect(await dial(tj, { calleeHallId: 'TJ' })).toMatchObject({
      ok: false,
      error: { code: 'SAME_HALL' },
    });
    expect(await dial(tj, { calleeHallId: 'ZZ' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HALL' },
    });
    const noOne = await dial(tj, {});
    expect(noOne).toMatchObject({ ok: false, error: { code: 'NO_ONE_AVAILABLE' } });
    expect(noOne.error!.message).toContain('雄安新区政务服务中心');
    expect(
      await dial(tj, { case: { caseId: uuidv7(), caseNo: 'TJ01A-20261125-0001X' } }),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CASE' } });
    expect(await dial(tj, { calleeHallId: 'bj' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_MESSAGE' },
    });
  });

  it('rings every counter of the hall that may take calls; the first answer wins and the others stop ringing', async () => {
    const caller = await counter('TJ', 'tj-li');
    const b1 = await counter('BJ', 'bj-wang');
    const b2 = await counter('BJ', 'bj-zhao');
    const b3 = await counter('BJ', 'bj-sun');
    const idle = await counter('BJ', null); // nobody logged in: does not ring
    const other = await counter('SJZ', 'sjz-zhou');
    const directory = await caller.call('directory');
    expect(
      (directory.halls as { hallId: string; available: number }[]).find((h) => h.hallId === 'BJ')
        ?.available,
    ).toBe(3);

    const consultId = uuidv7();
    const dialled = await caller.call('dial', { consultId, calleeHallId: 'BJ', consent: true });
    expect(dialled).toMatchObject({ ok: true, ringing: 3 });
    const rings = await Promise.all([b1, b2, b3].map((c) => c.next('ring', consultId)));
    for (const ring of rings)
      expect(ring).toMatchObject({
        consultId,
        calleeHallId: 'BJ',
        consent: true,
        caller: me(caller, 'tj-li'),
      });

    const answered = await b2.call('answer', { consultId });
    expect(answered).toMatchObject({
      ok: true,
      caller: me(caller, 'tj-li'),
      callee: me(b2, 'bj-zhao'),
      consent: true,
    });
    expect(await b1.next('ring-stop', consultId)).toEqual({
      consultId,
      reason: 'answered-elsewhere',
    });
    expect(await b3.next('ring-stop', consultId)).toEqual({
      consultId,
      reason: 'answered-elsewhere',
    });
    expect(await caller.next('answered', consultId)).toMatchObject({
      consultId,
      callee: me(b2, 'bj-zhao'),
    });
    const late = await b1.call('answer', { consultId });
    expect(late).toMatchObject({ ok: false, error: { code: 'ANSWERED_ELSEWHERE' } });
    expect(late.error!.message).toContain(b2.device.info.deviceCode);

    // Signals go to the other party only, both ways; a stranger may not inject any.
    const offer = { consultId, description: { type: 'offer', sdp: 'v=0\r\n' } };
    expect(await caller.call('signal', offer)).toEqual({ ok: true });
    expect(await b2.next('signal', consultId)).toEqual(offer);
    const cand = {
      consultId,
      candidate: {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
    };
    expect(await b2.call('signal', cand)).toEqual({ ok: true });
    expect(await caller.next('signal', consultId)).toEqual(cand);
    expect(await b1.call('signal', offer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await caller.call('signal', {
        consultId,
        description: offer.description,
        candidate: cand.candidate,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });

    // Busy counters ring for nothing else; hanging up frees both and tells the other side.
    expect(
      await other.call('dial', { consultId: uuidv7(), calleeHallId: 'TJ', consent: false }),
    ).toMatchObject({ ok: false, error: { code: 'NO_ONE_AVAILABLE' } });
    expect(await b2.call('hangup', { consultId, reason: 'hangup' })).toEqual({ ok: true });
    expect(await caller.next('ended', consultId)).toMatchObject({ consultId, reason: 'hangup' });
    expect(idle.has('ring', consultId) || other.has('ring', consultId)).toBe(false);
    const after = await caller.call('directory');
    expect(
      (after.halls as { hallId: string; available: number }[]).find((h) => h.hallId === 'BJ')
        ?.available,
    ).toBe(3);
  });

  it('ends a call nobody answers as missed, tells the caller and stops every ring', async () => {
    const caller = await counter('SJZ', 'sjz-zhou');
    const b1 = await counter('BJ', 'bj-wang');
    const consultId = uuidv7();
    expect(
      await caller.call('dial', { consultId, calleeHallId: 'BJ', consent: false }),
    ).toMatchObject({ ok: true });
    await b1.next('ring', consultId);
    // A counter whose clerk logs in while the call rings joins the ringing.
    const b2 = await counter('BJ', 'bj-zhao');
    await b2.next('ring', consultId);
    // HUB_CONSULT_RING_SECONDS=5 here; the product's default is 60.
    expect(await caller.next('ended', consultId)).toMatchObject({ consultId, reason: 'missed' });
    expect(await b1.next('ring-stop', consultId)).toEqual({ consultId, reason: 'missed' });
    expect(await b2.next('ring-stop', consultId)).toEqual({ consultId, reason: 'missed' });
    expect(await b1.call('answer', { consultId })).toMatchObject({
      ok: false,
      error: { code: 'CALL_OVER' },
    });
  });

  it('ends as declined when every ringing counter declines, and as cancelled when the caller gives up', async () => {
    const caller = await counter('XA', null);
    await caller.call('presence', {
      staffId: (
        await addStaff(hub.store.db, {
          username: `xa-${counterNo}`,
          name: '吴越',
          hallId: 'XA',
          roles: ['clerk'],
          password: PW,
        })
      ).staffId,
    });
    const s1 = await counter('SJZ', 'sjz-zhou');
    const declined = uuidv7();
    expect(
      await caller.call('dial', { consultId: declined, calleeHallId: 'SJZ', consent: false }),
    ).toMatchObject({ ok: true, ringing: 1 });
    await s1.next('ring', declined);
    expect(await s1.call('decline', { consultId: declined })).toEqual({ ok: true });
    expect(await caller.next('ended', declined)).toMatchObject({ reason: 'declined' });

    const cancelled = uuidv7();
    expect(
      await caller.call('dial', { consultId: cancelled, calleeHallId: 'SJZ', consent: false }),
    ).toMatchObject({ ok: true });
    await s1.next('ring', cancelled);
    expect(await caller.call('cancel', { consultId: cancelled })).toEqual({ ok: true });
    expect(await s1.next('ring-stop', cancelled)).toEqual({
      consultId: cancelled,
      reason: 'cancelled',
    });
  });

  it('tells the other side when a connection drops, and the call can be dialled again', async () => {
    const caller = await counter('TJ', 'tj-li');
    const callee = await counter('SJZ', 'sjz-zhou');
    const first = uuidv7();
    await caller.call('dial', { consultId: first, calleeHallId: 'SJZ', consent: false });
    await callee.next('ring', first);
    expect(await callee.call('answer', { consultId: first })).toMatchObject({ ok: true });
    callee.close();
    expect(await caller.next('ended', first)).toMatchObject({
      consultId: first,
      reason: 'dropped',
    });

    const back = await counter('SJZ', 'sjz-zhou');
    const again = uuidv7();
    expect(
      await caller.call('dial', { consultId: again, calleeHallId: 'SJZ', consent: false }),
    ).toMatchObject({ ok: true, ringing: 1 });
    await back.next('ring', again);
    expect(await back.call('answer', { consultId: again })).toMatchObject({ ok: true });
    expect(await caller.call('hangup', { consultId: again, reason: 'hangup' })).toEqual({
      ok: true,
    });
    expect(await back.next('ended', again)).toMatchObject({ reason: 'hangup' });
  });

  it('lets the caller record the consultation on the case; a called hall that is not involved never writes to it', async () => {
    // A case taken in TJ for a BJ item, collected in TJ: SJZ has nothing to do with it.
    const tjSync = await enrolled('TJ');
    await tjSync.connect();
    const rec = tjSync.received(staff['tj-li']!.staffId, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
    expect((await tjSync.push([rec])).results[0]!.status).toBe('accepted');
    const caseRef = { caseId: rec.caseId, caseNo: (rec.payload as { caseNo: string }).caseNo };

    const caller = await Counter.open(hub.url, tjSync);
    counters.push(caller);
    await caller.call('presence', { staffId: staff['tj-li']!.staffId });
    const callee = await counter('SJZ', 'sjz-zhou');
    const consultId = uuidv7();
    expect(
      await caller.call('dial', {
        consultId,
        calleeHallId: 'SJZ',
        case: { ...caseRef, caseNo: 'TJ01A-20261125-0001X' },
        consent: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CASE' } });
    expect(
      await caller.call('dial', { consultId, calleeHallId: 'SJZ', case: caseRef, consent: true }),
    ).toMatchObject({ ok: true });
    expect(await callee.next('ring', consultId)).toMatchObject({ case: caseRef });
    // SJZ may be called about the case, but may not call anyone about it: it cannot read it.
    const sjzOwn = await counter('SJZ', 'sjz-zhou');
    expect(
      await sjzOwn.call('dial', {
        consultId: uuidv7(),
        calleeHallId: 'BJ',
        case: caseRef,
        consent: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const answer = await callee.call('answer', { consultId });
    const startedAt = answer.startedAt as string;
    await caller.call('hangup', { consultId, reason: 'hangup' });

    const callerP = me(caller, 'tj-li');
    const calleeP = me(callee, 'sjz-zhou');
    const started = tjSync.event(
      'consult.started',
      rec.caseId,
      startedPayload({
        consultId,
        caller: callerP,
        callee: calleeP,
        startedAt,
        recordingAllowed: false,
        consent: true,
      }),
      callerP.staffId,
    );
    const ended = tjSync.event(
      'consult.ended',
      rec.caseId,
      endedPayload({
        consultId,
        outcome: 'completed',
        caller: callerP,
        callee: calleeP,
        calleeHallId: 'SJZ',
        startedAt,
        endedAt: new Date().toISOString(),
        notes: '石家庄确认可异地领取',
      }),
      callerP.staffId,
    );
    const pushed = await tjSync.push([started, ended]);
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    // The callee's hall may not write to a case it is not involved in…
    const sjzSync = await enrolled('SJZ');
    await sjzSync.connect();
    const foreign = sjzSync.event(
      'consult.ended',
      rec.caseId,
      endedPayload({
        consultId,
        outcome: 'completed',
        caller: calleeP,
        callee: callerP,
        calleeHallId: 'TJ',
        startedAt,
        endedAt: new Date().toISOString(),
        notes: '',
      }),
      calleeP.staffId,
    );
    expect((await sjzSync.push([foreign])).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'FORBIDDEN' },
    });
    // …nor can anyone record a consultation in another person's name.
    const forged = tjSync.event(
      'consult.started',
      rec.caseId,
      startedPayload({
        consultId,
        caller: calleeP,
        callee: callerP,
        startedAt,
        recordingAllowed: false,
        consent: false,
      }),
      callerP.staffId,
    );
    expect((await tjSync.push([forged])).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'INVALID_EVENT' },
    });

    // The involved halls' feeds carry the record; SJZ's does not.
    const bjSync = await enrolled('BJ');
    await bjSync.connect();
    const types = (events: { caseId: string; type: string }[]) =>
      events.filter((e) => e.caseId === rec.caseId).map((e) => e.type);
    expect(types((await bjSync.pullAll(0)).events)).toEqual([
      'case.received',
      'consult.started',
      'consult.ended',
    ]);
    expect(types((await sjzSync.pullAll(0)).events)).toEqual([]);
    const stored = (await tjSync.pullAll(0)).events.find((e) => e.id === ended.id)!;
    expect(stored.payload).toMatchObject({
      outcome: 'completed',
      halls: ['TJ', 'SJZ'],
      notes: '石家庄确认可异地领取',
      participants: [callerP, calleeP],
    });
    for (const d of [tjSync, sjzSync, bjSync]) d.close();
  });
});
