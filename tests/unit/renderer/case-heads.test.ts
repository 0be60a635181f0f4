// A new counter's case heads (shared/sync/heads.ts) through the real client path: the sync engine
// over the Dexie store on fake-indexeddb (an IndexedDB implementation in Node; the real browser's
// runs in the e2e tests and the counter benchmark), with a scripted hub. The heads reach the list
// log before the snapshot; the list (CaseKeyIndex, headListItem) shows each case as its stored row
// will; a case page's fetch stores one case ahead of the snapshot; the snapshot then replaces
// every head; a compaction keeps the heads; a case stored before its head keeps its row; a
// restart resumes the heads after the last page kept; a hub that stops offering heads midway
// leaves the heads kept in the list until the snapshot replaces them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { foldCase } from '../../../shared/case/projection';
import type { StoredEvent } from '../../../shared/protocol/events';
import type { PullRequest, PullResponse } from '../../../shared/protocol/wire';
import { SyncEngine } from '../../../shared/sync/engine';
import type { CaseHead, HeadsRequest } from '../../../shared/sync/heads';
import type { SnapshotCase, SnapshotRequest } from '../../../shared/sync/snapshot';
import type { SyncTransport, TransportStatus } from '../../../shared/sync/transport';
import { DexieSyncStorage } from '../../../renderer/data/dexie-storage';
import { TongbanDB } from '../../../renderer/data/db';
import { CaseKeyIndex } from '../../../renderer/features/cases/case-key-index';
import { headListItem, toListItem, type DeadlineContext } from '../../../renderer/features/cases/list-item';
import { makeEvent, receivedPayload } from '../../support/events';
import { headOf } from '../../support/heads';
import { FakeTimers, settle } from '../shared/sync/fake-hub';

const NAME = 'tongban-heads-test';
const DEVICE = '0193b1c2-0000-7000-8000-00000000d001';
const caseId = (n: number) => `0193b1c2-0000-7000-9000-${String(n).padStart(12, '0')}`;

let open: TongbanDB[] = [];
afterEach(async () => {
  for (const d of open) {
    d.close();
    await d.delete();
  }
  open = [];
});
let stores = 0;
function store(): TongbanDB {
  const d = new TongbanDB(`${NAME}-${++stores}`);
  open.push(d);
  return d;
}

/** Case n: received (its own applicant and promised days), then `notes` notes; one with a correction pause. */
function caseEvents(n: number, seq: number, opts: { notes?: number; corrected?: boolean } = {}): StoredEvent[] {
  const id = caseId(n);
  const base = receivedPayload();
  const received = makeEvent('case.received', { ...base, caseNo: `TJ03A-20261125-000${n}X`, promisedDays: 3 + n, applicant: { ...base.applicant, name: `申请人${n}` } }, { caseId: id, at: `2026-11-2${n}T02:00:00.000Z` });
  const events = [received];
  if (opts.corrected) {
    events.push(makeEvent('case.review_started', {}, { caseId: id, hallId: 'BJ', staffId: 'bj-reviewer', at: '2026-11-27T01:00:00.000Z' }));
    events.push(makeEvent('case.correction_requested', { reasons: ['材料不清晰'], materialIds: [] }, { caseId: id, hallId: 'BJ', staffId: 'bj-reviewer', at: '2026-11-27T02:00:00.000Z' }));
  }
  for (let i = 0; i < (opts.notes ?? 0); i++) events.push(makeEvent('case.note_added', { text: `备注${i}` }, { caseId: id }));
  return events.map((e, i) => ({ ...e, hubSeq: seq + i, receivedAt: e.at }));
}
const whole = (events: StoredEvent[]): SnapshotCase => ({ caseId: events[0]!.caseId, hubSeq: events.at(-1)!.hubSeq, events });

/** The head the hub serves of a case: its projection, without history. */
const headOfEvents = (events: StoredEvent[]): CaseHead => headOf(foldCase(events).view!);

/** A scripted hub: heads pages, snapshot pages (the first held until `release`), one case whole, an empty feed. */
class Scripted implements SyncTransport {
  heads_: HeadsRequest[] = [];
  snapshots: SnapshotRequest[] = [];
  private status: ((s: TransportStatus) => void) | null = null;
  release!: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));
  constructor(
    private readonly headPages: ((r: HeadsRequest) => unknown) | null,
    private readonly pages: (r: SnapshotRequest) => unknown,
    private readonly cases: Map<string, SnapshotCase>,
    private readonly cursor: number,
  ) {}
  connect(): void {
    queueMicrotask(() => this.status?.({ connected: true }));
  }
  disconnect(): void {}
  isConnected(): boolean {
    return true;
  }
  async push() {
    return { results: [] };
  }
  async pull(r: PullRequest): Promise<PullResponse> {
    return { events: [], cursor: r.cursor, more: false };
  }
  async heads(r: HeadsRequest) {
    this.heads_.push(r);
    return this.headPages ? this.headPages(r) : null;
  }
  async snapshot(r: SnapshotRequest) {
    this.snapshots.push(r);
    await this.gate;
    return this.pages(r);
  }
  async snapshotCase(id: string) {
    const c = this.cases.get(id);
    return c ? { cursor: this.cursor, cases: [c], after: id, more: false } : { error: { code: 'NOT_FOUND', message: '中心没有此办件' } };
  }
  onPoke() {
    return () => undefined;
  }
  onStatus(cb: (s: TransportStatus) => void) {
    this.status = cb;
    return () => (this.status = null);
  }
}

/** The list as the counter keeps it in memory: the log read from its start. */
async function listIndex(d: TongbanDB): Promise<CaseKeyIndex> {
  const index = new CaseKeyIndex();
  for (const r of await d.caseKeys.toArray()) index.apply(r.entries);
  return index;
}

/** Waits (real time: fake-indexeddb works on the real event loop) until `check` holds. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An engine over the store and the scripted hub, started, until the snapshot's first page is asked for (and held). */
async function untilSnapshotAsked(d: TongbanDB, transport: Scripted): Promise<SyncEngine> {
  const timers = new FakeTimers();
  const engine = new SyncEngine({ deviceId: DEVICE, storage: new DexieSyncStorage(d), transport, timers, random: () => 0.5 });
  await engine.start();
  await until('the snapshot asked for', () => transport.snapshots.length === 1);
  await settle(timers, 5_000);
  return engine;
}

const ctx: DeadlineContext = { calendar: new WorkingCalendar([]), promisedDays: new Map(), itemNames: new Map(), now: new Date('2026-12-01T04:00:00.000Z') };

describe('case heads before the snapshot', () => {
  const a = caseEvents(1, 1, { notes: 1 });
  const b = caseEvents(2, 3, { corrected: true });
  const c = caseEvents(3, 6);
  const all = [a, b, c];

  it('lists every case from its head, fetches one whole ahead of the snapshot, and the snapshot replaces the rest', async () => {
    const d = store();
    const headPages = (r: HeadsRequest) =>
      r.after === null ? { heads: [headOfEvents(a), headOfEvents(b)], after: caseId(2), more: true } : { heads: [headOfEvents(c)], after: caseId(3), more: false };
    const transport = new Scripted(headPages, () => ({ cursor: 6, cases: all.map(whole), after: caseId(3), more: false }), new Map(all.map((e) => [e[0]!.caseId, whole(e)])), 6);
    const engine = await untilSnapshotAsked(d, transport);

    // The heads are in, the snapshot's first page asked for and held.
    expect(transport.heads_).toEqual([{ after: null, limit: 5000 }, { after: caseId(2), limit: 5000 }]);
    expect(transport.snapshots).toHaveLength(1);
    expect(await d.cases.count()).toBe(0);
    expect(engine.status().bootstrap.heads).toEqual({ cases: 3, done: true });
    let index = await listIndex(d);
    expect(index.size).toBe(3);
    expect(index.headCount).toBe(3);
    expect(index.newestFirst()).toEqual([caseId(3), caseId(2), caseId(1)]);
    expect(index.filter({ states: ['needs_correction'], itemCode: null, hall: null })).toEqual(new Set([caseId(2)]));
    const fromHeads = new Map(all.map((e) => [e[0]!.caseId, headListItem(index.head(e[0]!.caseId)!, ctx)]));
    // The corrected case's head carries its open pause: the deadline stands still as the row's will.
    expect(fromHeads.get(caseId(2))!.deadline?.paused).toBe(true);

    // A case page opens case 3: fetched whole, stored ahead of the snapshot, its head gone.
    expect(await engine.fetchCase(caseId(3))).toBe(true);
    expect((await d.cases.get(caseId(3)))?.view.history).toHaveLength(1);
    index = await listIndex(d);
    expect(index.head(caseId(3))).toBeUndefined();
    expect(index.headCount).toBe(2);
    // The hub has no such case for this counter: nothing stored, no error.
    expect(await engine.fetchCase(caseId(9))).toBe(false);

    transport.release();
    await until('the snapshot stored', async () => (await d.meta.get('cursor')) !== undefined);
    expect(await d.cases.count()).toBe(3);
    expect(await d.meta.get('cursor')).toEqual({ key: 'cursor', value: 6 });
    index = await listIndex(d);
    expect(index.headCount).toBe(0);
    expect(index.size).toBe(3);
    // Each line from a head read as the stored row's line reads.
    for (const row of await d.cases.toArray()) expect(fromHeads.get(row.caseId)).toEqual(toListItem(row, ctx));
    await engine.stop();
  });

  it('keeps the heads through a compaction of the list log', async () => {
    const d = store();
    await new DexieSyncStorage(d).applyHeads(all.map(headOfEvents), { after: caseId(3), cases: 3, done: true });
    const index = await listIndex(d);
    const again = new CaseKeyIndex();
    for (const chunk of index.chunks(2)) again.apply(chunk);
    expect(again.headCount).toBe(3);
    for (const e of all) expect(again.head(e[0]!.caseId)).toEqual(index.head(e[0]!.caseId));
    expect(again.newestFirst()).toEqual(index.newestFirst());
  });

  it('leaves a case stored before its head arrives as stored', async () => {
    const d = store();
    const storage = new DexieSyncStorage(d);
    await storage.storeCases([whole(b)]);
    expect(await storage.applyHeads([headOfEvents(a), { ...headOfEvents(b), state: 'received', applicantName: '旧名' }], { after: caseId(2), cases: 2, done: false })).toBe(1);
    const index = await listIndex(d);
    expect(index.head(caseId(1))).toBeDefined();
    expect(index.head(caseId(2))).toBeUndefined();
    expect(index.filter({ states: ['needs_correction'], itemCode: null, hall: null })).toEqual(new Set([caseId(2)]));
    expect(await storage.headsState()).toEqual({ after: caseId(2), cases: 2, done: false });
  });

  it('resumes the heads after the last page kept when the counter starts again', async () => {
    const d = store();
    // The counter stopped after the first page of heads: kept, with where the download stood.
    await new DexieSyncStorage(d).applyHeads([headOfEvents(a), headOfEvents(b)], { after: caseId(2), cases: 2, done: false });
    const transport = new Scripted(
      (r) => (r.after === caseId(2) ? { heads: [headOfEvents(c)], after: caseId(3), more: false } : { error: { code: 'BAD_REQUEST', message: '不该从头再取' } }),
      () => ({ cursor: 6, cases: all.map(whole), after: caseId(3), more: false }),
      new Map(),
      6,
    );
    const engine = await untilSnapshotAsked(d, transport);
    // Only the page after the one kept is asked for; the count goes on from the pages kept.
    expect(transport.heads_).toEqual([{ after: caseId(2), limit: 5000 }]);
    expect(engine.status().bootstrap.heads).toEqual({ cases: 3, done: true });
    expect(await new DexieSyncStorage(d).headsState()).toEqual({ after: caseId(3), cases: 3, done: true });
    const index = await listIndex(d);
    expect(index.headCount).toBe(3);
    expect(index.newestFirst()).toEqual([caseId(3), caseId(2), caseId(1)]);
    transport.release();
    await until('the snapshot stored', async () => (await d.meta.get('cursor')) !== undefined);
    expect((await listIndex(d)).headCount).toBe(0);
    await engine.stop();
  });

  it('goes on to the snapshot, keeping the heads it has, when the hub stops offering heads midway', async () => {
    const d = store();
    // The first page answers; the next finds a hub that no longer offers heads (an older hub took over).
    const transport = new Scripted(
      (r) => (r.after === null ? { heads: [headOfEvents(a), headOfEvents(b)], after: caseId(2), more: true } : null),
      () => ({ cursor: 6, cases: all.map(whole), after: caseId(3), more: false }),
      new Map(),
      6,
    );
    const engine = await untilSnapshotAsked(d, transport);
    expect(transport.heads_).toEqual([{ after: null, limit: 5000 }, { after: caseId(2), limit: 5000 }]);
    // The two heads kept show in the list while the snapshot brings every case.
    let index = await listIndex(d);
    expect(index.size).toBe(2);
    expect(index.headCount).toBe(2);
    expect(await new DexieSyncStorage(d).headsState()).toEqual({ after: caseId(2), cases: 2, done: false });
    transport.release();
    await until('the snapshot stored', async () => (await d.meta.get('cursor')) !== undefined);
    index = await listIndex(d);
    expect(index.size).toBe(3);
    expect(index.headCount).toBe(0);
    expect(await d.cases.count()).toBe(3);
    // The heads are not asked for again in this session.
    expect(transport.heads_).toHaveLength(2);
    await engine.stop();
  });

  it('goes straight to the snapshot with a hub that has no heads, and never asks once a snapshot has started', async () => {
    const d = store();
    const transport = new Scripted(null, () => ({ cursor: 6, cases: all.map(whole), after: caseId(3), more: false }), new Map(), 6);
    transport.release();
    const timers = new FakeTimers();
    const engine = new SyncEngine({ deviceId: DEVICE, storage: new DexieSyncStorage(d), transport, timers, random: () => 0.5 });
    await engine.start();
    await until('the snapshot stored', async () => (await d.meta.get('cursor')) !== undefined);
    expect(transport.heads_).toHaveLength(1);
    expect(await d.cases.count()).toBe(3);
    expect(await d.meta.get('heads')).toBeUndefined();
    await engine.stop();

    const started = store();
    await started.meta.put({ key: 'snapshot', value: { cursor: 6, after: caseId(1), cases: 1, events: 2, done: false } });
    const again = new Scripted(() => ({ heads: [], after: null, more: false }), () => ({ cursor: 6, cases: [whole(b), whole(c)], after: caseId(3), more: false }), new Map(), 6);
    again.release();
    const engine2 = new SyncEngine({ deviceId: DEVICE, storage: new DexieSyncStorage(started), transport: again, timers, random: () => 0.5 });
    await engine2.start();
    await until('the snapshot stored', async () => (await started.meta.get('cursor')) !== undefined);
    expect(again.heads_).toHaveLength(0);
    expect(again.snapshots).toEqual([{ after: caseId(1), limit: 1000 }]);
    await engine2.stop();
  });
});
