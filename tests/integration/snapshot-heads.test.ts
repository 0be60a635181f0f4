// The case heads (GET /api/v1/snapshot/heads) and one case whole (GET /api/v1/snapshot/cases/{id})
// against a real hub on SQLite and PostgreSQL, signed as counters of Beijing and of the region.
// Cases taken in Tianjin: for Beijing items (Beijing's), one Tianjin case that later moves its
// delivery to Beijing (Beijing's from then on), others that never involve Beijing; one Beijing case
// goes through a correction, a resubmission and a second correction (its pauses). Beijing's heads
// must be exactly its cases, in case id order, each once whatever the page size, each equal to the
// case folded from the pushed events; the region's every case. One case comes as pull gives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Hub } from '../../hub/server';
import { addStaff } from '../../hub/domain/staff';
import { foldCase } from '../../shared/case/projection';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import { HEADS_PATH, MAX_HEADS_LIMIT, readHeadsPage, SNAPSHOT_CASE_PATH, type CaseHead } from '../../shared/sync/heads';
import { readSnapshotPage } from '../../shared/sync/snapshot';
import { TestDevice } from '../support/device';
import { headOf } from '../support/heads';
import { FLEET_PASSWORD, ITEM_OF, prepareFleet, type Fleet } from '../support/fleet';
import { freshStore, inProcessHub, STORES, type StoreTarget } from '../support/hub-process';

/** A case id that sorts before every uuidv7 made today. */
const earlyId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

interface ErrorBody {
  error: { code: string; message: string };
}

/** Every head of the device's scope, page by page; checks each page as a counter would. */
async function allHeads(d: TestDevice, limit?: number): Promise<{ heads: CaseHead[]; pages: number }> {
  const heads: CaseHead[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const q = new URLSearchParams();
    if (limit !== undefined) q.set('limit', String(limit));
    if (after !== null) q.set('after', after);
    const res = await d.request('GET', `${HEADS_PATH}${q.size ? `?${q.toString()}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const read = readHeadsPage(await res.json(), after);
    if (!read.ok) throw new Error(`${read.code}: ${read.message}`);
    if (limit !== undefined) expect(read.page.heads.length).toBeLessThanOrEqual(limit);
    heads.push(...read.page.heads);
    if (!read.page.more) return { heads, pages };
    after = read.page.after;
  }
}

describe.each(STORES)('case heads and one case against a real hub on %s', (kind) => {
  let target: StoreTarget;
  let hub: Hub;
  let fleet: Fleet;
  const devices: TestDevice[] = [];
  /** Each case's events in the order pushed (one writer at a time: the hub's order). */
  const pushed = new Map<string, Event[]>();
  let tj: TestDevice;
  let bjWriter: TestDevice;
  let bj: TestDevice;
  let region: TestDevice;
  let bjReviewer = '';
  const ids = { bj: [] as string[], paused: '', named: '', joins: '', never: [] as string[] };

  const enroll = async (hallId: string, n: number, scope: 'hall' | 'region' = 'hall') => {
    const d = await TestDevice.enroll(hub.url, fleet.codes.filter((c) => c.hallId === hallId && c.scope === scope)[n]!.code);
    devices.push(d);
    return d;
  };
  const push = async (d: TestDevice, events: Event[]) => {
    const r = await d.push(events);
    if (r.error || r.results.some((x) => x.status !== 'accepted')) throw new Error(`push refused: ${JSON.stringify(r)}`);
    for (const e of events) pushed.set(e.caseId, [...(pushed.get(e.caseId) ?? []), e]);
  };
  const received = (homeHallId: string, caseId = uuidv7()) => tj.received(fleet.clerks.TJ!, { itemCode: ITEM_OF[homeHallId]!, homeHallId, caseId });
  const folded = (caseId: string) => headOf(foldCase(pushed.get(caseId)!).view!);
  const expected = (caseIds: readonly string[]) => [...caseIds].sort().map(folded);
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
  /** The Tianjin case moves its delivery to Beijing (once; the first test checks the heads before). */
  let joined = false;
  const join = async () => {
    if (joined) return;
    await push(tj, [tj.event('case.updated', ids.joins, { changes: { deliveryHallId: 'BJ' } }, fleet.clerks.TJ!)]);
    joined = true;
  };

  beforeAll(async () => {
    target = await freshStore(kind);
    fleet = await prepareFleet(target, 3, 1);
    hub = await inProcessHub(target);
    bjReviewer = (await addStaff(hub.store.db, { username: 'bj-heads-reviewer', name: '北京审核', hallId: 'BJ', roles: ['reviewer'], password: FLEET_PASSWORD })).staffId;
    tj = await enroll('TJ', 0);
    await tj.connect();
    bjWriter = await enroll('BJ', 0);
    await bjWriter.connect();
    bj = await enroll('BJ', 1);
    region = await enroll('BJ', 0, 'region');

    // Beijing's: cases of Beijing items taken in Tianjin, one sorting before all, one whose intake
    // recorded the item's name and promised days (with what JSON must escape: quotes, a backslash,
    // a line break, in the name and the applicant's name, which the hub's SQL strings together).
    const bjCases = [received('BJ', earlyId(1)), ...Array.from({ length: 6 }, () => received('BJ'))];
    const named = received('BJ') as Extract<Event, { type: 'case.received' }>;
    const withName = {
      ...named,
      payload: { ...named.payload, itemName: '护照签发（"测试"\\版\n第二行）', promisedDays: 7, applicant: { ...named.payload.applicant, name: 'O"Neil \\ 李' } },
    } as Event;
    // Tianjin's and Xi'an's only; the first of them later moves its delivery to Beijing.
    const others = [received('TJ'), received('TJ'), received('XA')];
    await push(tj, [...bjCases, withName, ...others]);
    ids.bj = [...bjCases, withName].map((e) => e.caseId);
    ids.named = withName.caseId;
    ids.joins = others[0]!.caseId;
    ids.never = others.slice(1).map((e) => e.caseId);

    // The pauses: Beijing reviews and asks for a correction, Tianjin resubmits (the applicant's name
    // corrected), Beijing asks again: one closed pause and one open.
    ids.paused = bjCases[3]!.caseId;
    const ev = (d: TestDevice, type: Event['type'], payload: Record<string, unknown>, staffId: string) => d.event(type, ids.paused, payload as never, staffId);
    await push(bjWriter, [ev(bjWriter, 'case.review_started', {}, bjReviewer), ev(bjWriter, 'case.correction_requested', { reasons: ['身份证复印件不清晰'], materialIds: ['id-card'] }, bjReviewer)]);
    await push(tj, [ev(tj, 'case.correction_submitted', { changes: { 'applicant.name': '李静怡' }, materials: [] }, fleet.clerks.TJ!)]);
    await push(bjWriter, [ev(bjWriter, 'case.correction_requested', { reasons: ['仍缺申请表原件'], materialIds: [] }, bjReviewer)]);
    // A note from Tianjin on a Beijing case.
    await push(tj, [tj.event('case.note_added', bjCases[1]!.caseId, { text: '申请人来电' }, fleet.clerks.TJ!)]);
  });

  afterAll(async () => {
    for (const d of devices) d.close();
    await hub?.close();
    await target?.cleanup();
  });

  it("a hall's heads are its cases, in case id order, once at every page size, as folded; the region's are all", async () => {
    const paused = folded(ids.paused);
    expect(paused.pauses).toHaveLength(2);
    expect(paused.pauses[0]!.to).toBeDefined();
    expect(paused.pauses[1]!.to).toBeUndefined();
    expect(paused).toMatchObject({ state: 'needs_correction', applicantName: '李静怡' });

    // Before the Tianjin case moves its delivery: Beijing's cases only.
    const before = (await allHeads(bj)).heads;
    expect(before).toStrictEqual(expected(ids.bj));
    expect(before[0]!.caseId).toBe(earlyId(1));
    expect(before.find((h) => h.caseId === ids.named)).toMatchObject({ itemName: '护照签发（"测试"\\版\n第二行）', promisedDays: 7, applicantName: 'O"Neil \\ 李' });
    expect(before.find((h) => h.caseId === ids.paused)).toStrictEqual(paused);
    expect(before.filter((h) => 'itemName' in h || 'promisedDays' in h).map((h) => h.caseId)).toEqual([ids.named]);

    // The Tianjin case joins Beijing: from now on among its heads; the others never.
    await join();
    const mine = expected([...ids.bj, ids.joins]);
    expect(mine.find((h) => h.caseId === ids.joins)).toMatchObject({ intakeHallId: 'TJ', homeHallId: 'TJ', deliveryHallId: 'BJ' });
    for (const [limit, pages] of [
      [1, mine.length],
      [2, Math.ceil(mine.length / 2)],
      [MAX_HEADS_LIMIT, 1],
      [undefined, 1],
    ] as const) {
      const got = await allHeads(bj, limit);
      expect(got.heads).toStrictEqual(mine);
      expect(got.pages).toBe(pages);
    }
    for (const id of ids.never) expect(mine.some((h) => h.caseId === id)).toBe(false);

    // The region: every case.
    const all = [...ids.bj, ids.joins, ...ids.never];
    expect((await allHeads(region)).heads).toStrictEqual(expected(all));
    expect((await allHeads(region, 3)).heads).toStrictEqual(expected(all));

    // A hall with no cases, and a page after the last case: empty, and nothing more.
    const sjz = await enroll('SJZ', 0);
    const empty = await (await sjz.request('GET', HEADS_PATH)).json();
    expect(empty).toEqual({ heads: [], after: null, more: false });
    expect(readHeadsPage(empty, null).ok).toBe(true);
    const last = mine[mine.length - 1]!.caseId;
    expect(await (await bj.request('GET', `${HEADS_PATH}?after=${last}`)).json()).toEqual({ heads: [], after: null, more: false });
  });

  it('refuses bad queries and unsigned requests', async () => {
    for (const q of ['limit=0', `limit=${MAX_HEADS_LIMIT + 1}`, 'limit=2.5', 'limit=many', 'after=not-a-case', `after=${uuidv7()}&cursor=3`]) {
      const res = await bj.request('GET', `${HEADS_PATH}?${q}`);
      expect(res.status, q).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(/^办件目录请求须为/);
      expect(readHeadsPage({ error }, null)).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    }
    const unsigned = await fetch(`${hub.url}${HEADS_PATH}`);
    expect(unsigned.status).toBe(401);
    expect((await errorOf(unsigned)).code).toBe('DEVICE_UNKNOWN');
    // The signature covers the query: signed for one page, sent for another.
    const headers = await bj.signedHeaders('GET', `${HEADS_PATH}?limit=1`);
    const tampered = await fetch(`${hub.url}${HEADS_PATH}?limit=2`, { headers });
    expect(tampered.status).toBe(401);
    expect((await errorOf(tampered)).code).toBe('BAD_SIGNATURE');
    const unsignedCase = await fetch(`${hub.url}${SNAPSHOT_CASE_PATH}/${ids.paused}`);
    expect(unsignedCase.status).toBe(401);
    expect((await errorOf(unsignedCase)).code).toBe('DEVICE_UNKNOWN');
  });

  it('serves one case whole as pull gives it, and the same 404 for an unknown case and one out of scope', async () => {
    await join();
    await bj.connect();
    const feed = await bj.pullAll(0, 1000);
    const pulled = (caseId: string): StoredEvent[] => feed.events.filter((e) => e.caseId === caseId);
    for (const caseId of [ids.paused, ids.named, ids.joins, earlyId(1)]) {
      const res = await bj.request('GET', `${SNAPSHOT_CASE_PATH}/${caseId}`);
      expect(res.status).toBe(200);
      const read = readSnapshotPage(await res.json(), null);
      if (!read.ok) throw new Error(`${read.code}: ${read.message}`);
      expect(read.page.cases).toHaveLength(1);
      const [c] = read.page.cases;
      expect(c!.caseId).toBe(caseId);
      expect(c!.events).toEqual(pulled(caseId));
      expect(c!.hubSeq).toBe(pulled(caseId).at(-1)!.hubSeq);
      expect(read.page).toMatchObject({ after: caseId, more: false, cursor: feed.cursor });
      expect(headOf(foldCase(c!.events).view!)).toStrictEqual(folded(caseId));
    }
    // The case that joined Beijing came whole, its intake before the join included.
    expect(pulled(ids.joins).map((e) => e.type)).toEqual(['case.received', 'case.updated']);

    const unknown = await bj.request('GET', `${SNAPSHOT_CASE_PATH}/${uuidv7()}`);
    const outside = await bj.request('GET', `${SNAPSHOT_CASE_PATH}/${ids.never[0]}`);
    expect([unknown.status, outside.status]).toEqual([404, 404]);
    const notFound = { code: 'NOT_FOUND', message: '中心没有此办件，或本机无权查看' };
    expect(await errorOf(unknown)).toEqual(notFound);
    expect(await errorOf(outside)).toEqual(notFound);
    // The region sees it.
    const regional = await region.request('GET', `${SNAPSHOT_CASE_PATH}/${ids.never[0]}`);
    expect(regional.status).toBe(200);
    const read = readSnapshotPage(await regional.json(), null);
    expect(read.ok && read.page.cases.map((c) => c.events.length)).toEqual([1]);

    for (const bad of ['not-a-case', '12345', `${ids.paused}x`]) {
      const res = await bj.request('GET', `${SNAPSHOT_CASE_PATH}/${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await errorOf(res)).code).toBe('INVALID_REQUEST');
    }
  });
});
