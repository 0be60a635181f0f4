// The wire contract against a real hub with real socket.io clients: enrollment, signatures, login,
// catalog, push answers and every refusal code, feeds, pokes, blobs, certificates. SQLite always;
// PostgreSQL too where HUB_TEST_DATABASE_URL is set.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/crypto/canonical-json';
import { verify } from '../../shared/crypto/ed25519';
import { checkOfflineVerifier } from '../../shared/crypto/pbkdf2';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { Hub } from '../../hub/server';
import { createEnrollCode, revokeDevice } from '../../hub/domain/devices';
import { addStaff } from '../../hub/domain/staff';
import { TestDevice } from '../support/device';
import { freshStore, inProcessHub, STORES, type StoreTarget } from '../support/hub-process';

const PW = 'correct-horse-9';
const NURSE_BJ = 'XK00101001-BJ'; // issues a certificate
const FUND_BJ = 'GG00406001-BJ'; // issues none

describe.each(STORES)('hub contract on %s', (kind) => {
  let target: StoreTarget;
  let hub: Hub;
  const staff: Record<string, string> = {};
  const code = (hallId: string, counterNo: number, scope: 'hall' | 'region' = 'hall', ttlMs?: number) =>
    createEnrollCode(hub.store.db, { hallId, counterNo, scope, ...(ttlMs !== undefined ? { ttlMs } : {}) }).then((c) => c.code);
  const device = async (hallId: string, counterNo: number, scope: 'hall' | 'region' = 'hall') => {
    const d = await TestDevice.enroll(hub.url, await code(hallId, counterNo, scope));
    await d.connect();
    return d;
  };

  beforeAll(async () => {
    target = await freshStore(kind);
    hub = await inProcessHub(target);
    for (const [username, hallId, roles] of [
      ['tj-clerk', 'TJ', ['clerk']],
      ['tj-reviewer', 'TJ', ['reviewer']],
      ['bj-clerk', 'BJ', ['clerk']],
      ['bj-reviewer', 'BJ', ['reviewer']],
      ['sjz-clerk', 'SJZ', ['clerk']],
      ['xa-supervisor', 'XA', ['supervisor']],
    ] as const) {
      staff[username] = (await addStaff(hub.store.db, { username, name: username, hallId, roles: [...roles], password: PW })).staffId;
    }
  });
  afterAll(async () => {
    await hub?.close();
    await target?.cleanup();
  });

  describe('enrollment', () => {
    it('enrolls once per code and moves the generation letter on re-enrollment', async () => {
      const c1 = await code('TJ', 7);
      const a = await TestDevice.enroll(hub.url, c1);
      expect(a.info).toMatchObject({ deviceCode: 'TJ07A', hallId: 'TJ', counterNo: 7, scope: 'hall' });
      await expect(TestDevice.enroll(hub.url, c1)).rejects.toMatchObject({ status: 403, body: { error: { code: 'CODE_USED' } } });
      const b = await TestDevice.enroll(hub.url, await code('TJ', 7));
      expect(b.info.deviceCode).toBe('TJ07B');
    });
    it('answers CODE_UNKNOWN and CODE_EXPIRED', async () => {
      await expect(TestDevice.enroll(hub.url, 'AAAA-BBBB-CCCC')).rejects.toMatchObject({ status: 404, body: { error: { code: 'CODE_UNKNOWN' } } });
      await expect(TestDevice.enroll(hub.url, await code('TJ', 8, 'hall', -1000))).rejects.toMatchObject({ status: 403, body: { error: { code: 'CODE_EXPIRED' } } });
    });
    it('refuses a malformed enrollment', async () => {
      const res = await fetch(`${hub.url}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":1}' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
    });
  });

  describe('device signature and login', () => {
    let d: TestDevice;
    beforeAll(async () => {
      d = await TestDevice.enroll(hub.url, await code('TJ', 2));
    });
    it('logs in with the right password and gives a working offline verifier', async () => {
      const r = await d.login('tj-clerk', PW);
      expect(r.staff).toMatchObject({ hallId: 'TJ', roles: ['clerk'] });
      expect(await checkOfflineVerifier(r.offlineVerifier, PW)).toBe(true);
      expect(await checkOfflineVerifier(r.offlineVerifier, 'wrong')).toBe(false);
    });
    it('says BAD_CREDENTIALS for a wrong password or an unknown user, alike', async () => {
      for (const [u, p] of [['tj-clerk', 'nope-nope'], ['nobody', PW]]) {
        const res = await d.request('POST', '/api/v1/login', { username: u, password: p });
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_CREDENTIALS');
      }
    });
    it('refuses staff of another hall at a hall device', async () => {
      const res = await d.request('POST', '/api/v1/login', { username: 'bj-clerk', password: PW });
      expect(res.status).toBe(403);
    });
    it('answers BAD_SIGNATURE, CLOCK_SKEW and DEVICE_UNKNOWN on HTTP', async () => {
      const body = JSON.stringify({ username: 'tj-clerk', password: PW });
      const good = await d.signedHeaders('POST', '/api/v1/login', body);
      const post = (h: Record<string, string>) => fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body });
      const tampered = await post({ ...good, 'x-signature': good['x-signature']!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) });
      expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('BAD_SIGNATURE');
      const otherBody = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { ...good, 'content-type': 'application/json' }, body: body.replace('tj-clerk', 'tj-reviewer') });
      expect(((await otherBody.json()) as { error: { code: string } }).error.code).toBe('BAD_SIGNATURE');
      const old = await post(await d.signedHeaders('POST', '/api/v1/login', body, Date.now() - 6 * 60_000));
      expect(((await old.json()) as { error: { code: string } }).error.code).toBe('CLOCK_SKEW');
      const unknown = await post({ ...good, 'x-device-id': '0193b1c2-0000-7000-8000-00000000dead' });
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('DEVICE_UNKNOWN');
    });
    it('serves the catalog with an ETag and answers 304', async () => {
      const res = await d.request('GET', '/api/v1/catalog');
      expect(res.status).toBe(200);
      const cat = (await res.json()) as { items: { code: string }[] };
      expect(cat.items.length).toBeGreaterThanOrEqual(40);
      const etag = res.headers.get('etag')!;
      expect((await d.request('GET', '/api/v1/catalog', undefined, { 'if-none-match': etag })).status).toBe(304);
    });
    it('refuses the socket handshake with the same codes', async () => {
      const other = await TestDevice.enroll(hub.url, await code('TJ', 3));
      const bad = async (auth: Record<string, string>) => {
        const { io } = await import('socket.io-client');
        const s = io(`${hub.url}/sync`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
        return new Promise<string>((resolve) => {
          s.once('connect', () => { s.close(); resolve('connected'); });
          s.once('connect_error', (e: Error & { data?: { code: string } }) => { s.close(); resolve(e.data?.code ?? e.message); });
        });
      };
      const auth = await other.handshakeAuth();
      expect(await bad({ ...auth, signature: (await d.handshakeAuth()).signature } as Record<string, string>)).toBe('BAD_SIGNATURE');
      expect(await bad(await other.handshakeAuth(Date.now() - 10 * 60_000))).toBe('CLOCK_SKEW');
      expect(await bad({ ...auth, deviceId: '0193b1c2-0000-7000-8000-00000000beef' } as Record<string, string>)).toBe('DEVICE_UNKNOWN');
      expect(await bad(auth)).toBe('connected');
      await revokeDevice(hub.store.db, other.id);
      expect(await bad(await other.handshakeAuth())).toBe('DEVICE_REVOKED');
      const res = await other.request('GET', '/api/v1/catalog');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DEVICE_REVOKED');
    });
  });

  describe('push, pull, feeds and certificates', () => {
    let tj: TestDevice, bj: TestDevice, sjz: TestDevice, region: TestDevice;
    beforeAll(async () => {
      tj = await device('TJ', 11);
      bj = await device('BJ', 11);
      sjz = await device('SJZ', 11);
      region = await device('BJ', 90, 'region');
    });

    it('accepts a case, answers a replay as duplicate with the same hubSeq, and feeds the involved halls only', async () => {
      const e = tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      const r1 = await tj.push([e]);
      expect(r1.results).toEqual([{ id: e.id, status: 'accepted', hubSeq: expect.any(Number) }]);
      const r2 = await tj.push([e]);
      expect(r2.results).toEqual([{ id: e.id, status: 'duplicate', hubSeq: r1.results[0]!.hubSeq }]);
      const ids = async (d: TestDevice) => (await d.pullAll(0)).events.map((x) => x.id);
      expect(await ids(tj)).toContain(e.id);
      expect(await ids(bj)).toContain(e.id);
      expect(await ids(region)).toContain(e.id);
      expect(await ids(sjz)).not.toContain(e.id);
    });

    it('runs a case to a signed certificate that the published key verifies', async () => {
      const rec = tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      expect((await tj.push([rec])).results[0]!.status).toBe('accepted');
      const review = bj.event('case.review_started', rec.caseId, {}, staff['bj-reviewer']!);
      const approve = bj.event('case.approved', rec.caseId, { note: '符合条件' }, staff['bj-reviewer']!);
      const r = await bj.push([review, approve]);
      expect(r.results.map((x) => x.status)).toEqual(['accepted', 'accepted']);
      const { events } = await tj.pullAll(0);
      const cert = events.find((x) => x.caseId === rec.caseId && x.type === 'certificate.issued') as Extract<StoredEvent, { type: 'certificate.issued' }>;
      expect(cert).toBeDefined();
      expect(cert.deviceId).toBe('hub');
      expect(cert.hubSeq).toBeGreaterThan(r.results[1]!.hubSeq!);
      const keys = (await (await fetch(`${hub.url}/api/v1/keys`)).json()) as { keys: { keyId: string; publicKey: string }[] };
      const key = keys.keys.find((k) => k.keyId === cert.payload.keyId)!;
      expect(await verify(key.publicKey, canonicalJson(cert.payload.certificate), cert.payload.signature)).toBe(true);
      const altered = { ...cert.payload.certificate, holder: { ...cert.payload.certificate.holder, name: '张三' } };
      expect(await verify(key.publicKey, canonicalJson(altered), cert.payload.signature)).toBe(false);
      const api = (await (await fetch(`${hub.url}/api/v1/certificates/${cert.payload.certificate.certificateId}`)).json()) as { status: string };
      expect(api.status).toBe('valid');
      const page = await (await fetch(`${hub.url}/verify/${cert.payload.certificate.certificateId}`)).text();
      expect(page).toContain('证照真实有效');
      const missing = await fetch(`${hub.url}/verify/0193b1c2-0000-7000-8000-000000000000`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('未找到该证照');
      // Printing and delivery at the intake hall, which is also the delivery hall.
      const print = tj.event('case.printed', rec.caseId, { certificateId: cert.payload.certificate.certificateId, copies: 1 }, staff['tj-clerk']!);
      const deliver = tj.event('case.delivered', rec.caseId, { certificateId: cert.payload.certificate.certificateId, recipient: { name: '李静', idNumber: '11010519491231002X' } }, staff['tj-clerk']!);
      expect((await tj.push([print, deliver])).results.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    });

    it('issues no certificate for an item that has none', async () => {
      const rec = tj.received(staff['tj-clerk']!, { itemCode: FUND_BJ, homeHallId: 'BJ' });
      await tj.push([rec]);
      await bj.push([bj.event('case.review_started', rec.caseId, {}, staff['bj-reviewer']!), bj.event('case.approved', rec.caseId, { note: '' }, staff['bj-reviewer']!)]);
      const { events } = await region.pullAll(0);
      expect(events.filter((x) => x.caseId === rec.caseId).map((x) => x.type)).toEqual(['case.received', 'case.review_started', 'case.approved']);
    });

    it('answers every refusal code, uses up the seq of final ones only, and replays them exactly', async () => {
      const d = await device('TJ', 12);
      const ok = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      const forbiddenActor = d.event('case.note_added', ok.caseId, { text: '备注' }, 'no-such-staff');
      const wrongRole = d.event('case.review_started', ok.caseId, {}, staff['tj-reviewer']!);
      const unknownCase = d.event('case.note_added', '0193b1c2-0000-7000-8000-0000000000f1', { text: 'x' }, staff['tj-clerk']!);
      const transition = d.event('case.withdrawn', ok.caseId, { reason: '撤回' }, staff['tj-clerk']!);
      const again = d.event('case.withdrawn', ok.caseId, { reason: '再撤回' }, staff['tj-clerk']!);
      const schema = { ...d.event('case.note_added', ok.caseId, { text: 'x' }, staff['tj-clerk']!), payload: { text: '' } };
      const r = await d.push([ok, forbiddenActor, wrongRole, unknownCase, transition, again, schema]);
      expect(r.results.map((x) => [x.status, x.reason?.code])).toEqual([
        ['accepted', undefined],
        ['rejected', 'FORBIDDEN'],
        ['rejected', 'FORBIDDEN'],
        ['rejected', 'UNKNOWN_CASE'],
        ['accepted', undefined],
        ['rejected', 'INVALID_TRANSITION'],
        ['rejected', 'INVALID_EVENT'],
      ]);
      for (const x of r.results.filter((x) => x.reason)) expect(x.reason!.message).toMatch(/[\u4e00-\u9fff]/);
      // A replay of the whole batch gets the same answers, accepted ones as duplicates.
      const replay = await d.push([ok, forbiddenActor, wrongRole, unknownCase, transition, again, schema]);
      expect(replay.results.map((x) => [x.status, x.reason?.code])).toEqual([
        ['duplicate', undefined],
        ['rejected', 'FORBIDDEN'],
        ['rejected', 'FORBIDDEN'],
        ['rejected', 'UNKNOWN_CASE'],
        ['duplicate', undefined],
        ['rejected', 'INVALID_TRANSITION'],
        ['rejected', 'INVALID_EVENT'],
      ]);
      // Gaps use nothing up: seq 9 before 8 is a gap, then 8 and 9 go through.
      const e8 = d.event('case.note_added', ok.caseId, { text: '八' }, staff['tj-clerk']!);
      const e9 = d.event('case.note_added', ok.caseId, { text: '九' }, staff['tj-clerk']!);
      expect((await d.push([e9])).results[0]!.reason?.code).toBe('SEQ_GAP');
      expect((await d.push([e8, e9])).results.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    });

    it('refuses another device\'s events, foreign case numbers and numbers in use', async () => {
      const d = await device('TJ', 13);
      const other = await device('TJ', 14);
      const foreign = other.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      foreign.deviceSeq = 1;
      expect((await d.push([foreign])).results[0]!.reason?.code).toBe('FORBIDDEN');
      const mine = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      const stolen = { ...mine, payload: { ...(mine as Extract<Event, { type: 'case.received' }>).payload, caseNo: (foreign as Extract<Event, { type: 'case.received' }>).payload.caseNo } };
      expect((await d.push([stolen])).results[0]!.reason?.code).toBe('INVALID_EVENT');
      const first = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      const dup = { ...d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' }) } as Extract<Event, { type: 'case.received' }>;
      dup.payload = { ...dup.payload, caseNo: (first as Extract<Event, { type: 'case.received' }>).payload.caseNo };
      const r = await d.push([first, dup]);
      expect(r.results.map((x) => x.reason?.code ?? x.status)).toEqual(['accepted', 'DUPLICATE_CASE_NO']);
      const wrongHome = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'XA' });
      expect((await d.push([wrongHome])).results[0]!.reason?.code).toBe('INVALID_EVENT');
      const badId = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' }) as Extract<Event, { type: 'case.received' }>;
      badId.payload = { ...badId.payload, applicant: { ...badId.payload.applicant, idNumber: '110105194912310021' } };
      const rid = await d.push([badId]);
      expect(rid.results[0]!.reason).toMatchObject({ code: 'INVALID_EVENT', message: expect.stringContaining('校验') });
    });

    it('refuses, for good, an event whose id another device already used', async () => {
      const a = await device('TJ', 17);
      const b = await device('TJ', 18);
      const rec = a.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      await a.push([rec]);
      const note = b.event('case.note_added', rec.caseId, { text: '冒用他人事件 id' }, staff['tj-clerk']!);
      const r = await b.push([{ ...note, id: rec.id }]);
      expect(r.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_EVENT' } });
      const next = b.event('case.note_added', rec.caseId, { text: '正常备注' }, staff['tj-clerk']!);
      expect((await b.push([next])).results[0]!.status).toBe('accepted');
    });

    it('answers INVALID_MESSAGE for a malformed push or pull and keeps the connection', async () => {
      const d = await device('TJ', 15);
      const s = d.socket!;
      for (const bad of [null, 'x', { events: 'x' }, { events: new Array(501).fill({}) }]) {
        const r = (await s.timeout(5000).emitWithAck('push', bad)) as { results: unknown[]; error?: { code: string } };
        expect(r).toMatchObject({ results: [], error: { code: 'INVALID_MESSAGE' } });
      }
      for (const bad of [{ cursor: -1 }, { cursor: 'a' }, { cursor: 0, limit: 6000 }, null]) {
        const r = (await s.timeout(5000).emitWithAck('pull', bad)) as { error?: { code: string } };
        expect(r.error?.code).toBe('INVALID_MESSAGE');
      }
      expect(s.connected).toBe(true);
      const weird = (await d.push([{ nonsense: true }, 42])).results;
      expect(weird.map((x) => x.reason?.code)).toEqual(['INVALID_EVENT', 'INVALID_EVENT']);
    });

    it('pokes a device of another hall when its feed grows', async () => {
      const before = (await bj.pullAll(0)).cursor;
      // Pokes are coalesced for a few ms, so one for an earlier push may still arrive: wait for the new head.
      const got = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no poke with a new head')), 5000);
        bj.socket!.on('poke', (p: { head: number }) => {
          if (p.head > before) {
            clearTimeout(timer);
            resolve(p.head);
          }
        });
      });
      await tj.push([tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' })]);
      expect(await got).toBeGreaterThan(before);
    });

    it('gives a hall that joins a case the case\'s earlier events first, in hubSeq order', async () => {
      const rec = tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      const note = tj.event('case.note_added', rec.caseId, { text: '申请人希望在石家庄领取' }, staff['tj-clerk']!);
      await tj.push([rec, note]);
      const before = await sjz.pullAll(0);
      expect(before.events.some((x) => x.caseId === rec.caseId)).toBe(false);
      const move = tj.event('case.updated', rec.caseId, { changes: { deliveryHallId: 'SJZ' } }, staff['tj-clerk']!);
      expect((await tj.push([move])).results[0]!.status).toBe('accepted');
      const after = await sjz.pull(before.cursor);
      const mine = after.events.filter((x) => x.caseId === rec.caseId);
      expect(mine.map((x) => x.type)).toEqual(['case.received', 'case.note_added', 'case.updated']);
      expect(mine.map((x) => x.hubSeq)).toEqual([...mine.map((x) => x.hubSeq)].sort((a, b) => a - b));
      // Exactly once: pulling on from the new cursor gives nothing more of it.
      expect((await sjz.pull(after.cursor)).events.filter((x) => x.caseId === rec.caseId)).toEqual([]);
    });

    it('back-fills each earlier event once when events before the move come in the same push', async () => {
      const rec = tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' });
      await tj.push([rec]);
      const before = await sjz.pullAll(0);
      // A note and the move in one push: the note is stored in the same transaction as the back-fill.
      const note = tj.event('case.note_added', rec.caseId, { text: '申请人改在石家庄领取' }, staff['tj-clerk']!);
      const move = tj.event('case.updated', rec.caseId, { changes: { deliveryHallId: 'SJZ' } }, staff['tj-clerk']!);
      expect((await tj.push([note, move])).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const mine = (await sjz.pullAll(before.cursor)).events.filter((x) => x.caseId === rec.caseId);
      expect(mine.map((x) => x.type)).toEqual(['case.received', 'case.note_added', 'case.updated']);
    });

    it('refuses an event until its attachment is uploaded, checks hashes, resumes uploads, guards reads', async () => {
      const d = await device('TJ', 16);
      await d.login('tj-clerk', PW);
      const bytes = Buffer.alloc(1024 * 1024 + 5000, 7);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const att = [{ sha256: sha, name: '身份证.jpg', mime: 'image/jpeg', size: bytes.length }];
      const rec = d.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ', attachments: att });
      expect((await d.push([rec])).results[0]!.reason?.code).toBe('MISSING_BLOB');
      const wrong = await d.request('PUT', `/api/v1/blobs/${'0'.repeat(64)}`, Buffer.from('abc'));
      expect(wrong.status).toBe(422);
      // First piece, then the hub tells where to go on, then the rest.
      const first = bytes.subarray(0, 1024 * 1024);
      const r1 = await d.request('PUT', `/api/v1/blobs/${sha}`, Buffer.from(first), { 'content-range': `bytes 0-${first.length - 1}/${bytes.length}`, 'content-type': 'application/octet-stream' });
      expect(r1.status).toBe(202);
      const head = await d.request('HEAD', `/api/v1/blobs/${sha}`);
      expect(head.status).toBe(404);
      expect(head.headers.get('upload-offset')).toBe(String(first.length));
      const rest = bytes.subarray(first.length);
      const r2 = await d.request('PUT', `/api/v1/blobs/${sha}`, Buffer.from(rest), { 'content-range': `bytes ${first.length}-${bytes.length - 1}/${bytes.length}`, 'content-type': 'application/octet-stream' });
      expect(r2.status).toBe(201);
      expect((await d.request('HEAD', `/api/v1/blobs/${sha}`)).status).toBe(200);
      expect((await d.push([rec])).results[0]!.status).toBe('accepted');
      expect((await d.request('GET', `/api/v1/blobs/${sha}`)).status).toBe(401);
      const got = await d.request('GET', `/api/v1/blobs/${sha}`, undefined, { authorization: `Bearer ${d.token}` });
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
      const stranger = await device('SJZ', 16);
      await stranger.login('sjz-clerk', PW);
      expect((await stranger.request('GET', `/api/v1/blobs/${sha}`, undefined, { authorization: `Bearer ${stranger.token}` })).status).toBe(404);
      const tooBig = await d.request('PUT', `/api/v1/blobs/${sha.replace(/.$/, '0')}`, Buffer.from('x'), { 'content-range': `bytes 0-0/${60 * 1024 * 1024}` });
      expect(tooBig.status).toBe(413);
    });

    it('shows the public tracking page only with the right query code, and no personal data', async () => {
      const rec = tj.received(staff['tj-clerk']!, { itemCode: NURSE_BJ, homeHallId: 'BJ' }) as Extract<Event, { type: 'case.received' }>;
      await tj.push([rec]);
      const ok = await fetch(`${hub.url}/track?caseNo=${rec.payload.caseNo}&code=${rec.payload.queryCode}`);
      const html = await ok.text();
      expect(ok.status).toBe(200);
      expect(html).toContain('已受理');
      expect(html).toContain('李*');
      expect(html).not.toContain('李静');
      expect(html).not.toContain(rec.payload.applicant.idNumber);
      expect(html).toMatch(/承诺办结<\/dt><dd>\d{4}-\d{2}-\d{2}/);
      const wrong = await fetch(`${hub.url}/track?caseNo=${rec.payload.caseNo}&code=000000`);
      expect(wrong.status).toBe(404);
      expect(await wrong.text()).toContain('未查询到该办件');
    });

    it('serves metrics in Prometheus format', async () => {
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      expect(text).toMatch(/tongban_push_events_total\{status="accepted"\} \d+/);
    });
  });
});
