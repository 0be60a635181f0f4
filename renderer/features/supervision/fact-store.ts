// The supervision dashboard's facts (shared/supervision/case-fact), one per case, kept up to date
// incrementally from the counter's store and saved in a database of their own, so a supervisor's
// dashboard over 200,000 cases reads one saved snapshot and the few cases changed since, never every
// case. Runs in the dashboard's Web Worker.
//
// What changed since the facts were taken is known from the store's own counters: every pulled
// event gets the next feedPos and every local event the next deviceSeq, in the same transaction that
// rewrites its case row; a refusal by the hub marks the outbox row rejected; and the sync's case
// snapshot (a fresh counter's bootstrap) stores its pages in case id order, noting the last id of
// each. So the cases touched are those of feed rows after the facts' feedPos, of outbox rows after
// their deviceSeq, of rejections not seen yet, and with ids up to the snapshot's last one beyond
// the last one seen. The counters are read first and the cases after, in transactions of their own
// (the sync is never held up): a case that changes in between is read again next time.
import Dexie, { type Table } from 'dexie';
import { caseFact, type CaseFact } from '../../../shared/supervision/case-fact';
import type { SnapshotState } from '../../../shared/sync/snapshot';
import { db, SNAPSHOT_META, type CaseRow, type DeviceIdentity, type TongbanDB } from '../../data/db';
import { decodeFacts, encodeFacts, type FactColumns } from './fact-columns';

/** Bumped when CaseFact changes shape: an old snapshot is then rebuilt, not read. */
export const FACT_VERSION = 4;
const BATCH = 2000;

interface Watermark {
  feedPos: number;
  deviceSeq: number;
  rejected: string[];
  /** The last case id of the sync's case snapshot stored so far (null: none). */
  snapshotAfter: string | null;
}


interface Snapshot extends Watermark {
  id: 'facts';
  version: number;
  /** The device the facts were taken from: a re-enrolled counter starts over. */
  deviceId: string;
  savedAt: string;
  facts: FactColumns;
}

class FactDB extends Dexie {
  snapshots!: Table<Snapshot, string>;
  constructor() {
    super('tongban-supervision');
    this.version(1).stores({ snapshots: 'id' });
  }
}

export type Progress = { done: number; total: number };

function watermark(d: TongbanDB): Promise<Watermark> {
  return d.transaction('r', [d.meta, d.feed, d.outbox], async () => {
    const [feedPos, deviceSeq, rejected, snapshot] = await Promise.all([
      d.feed.orderBy('feedPos').lastKey(),
      d.outbox.orderBy('deviceSeq').lastKey(),
      d.outbox.where('state').equals('rejected').primaryKeys(),
      d.meta.get(SNAPSHOT_META),
    ]);
    const after = (snapshot?.value as SnapshotState | undefined)?.after ?? null;
    return { feedPos: Number(feedPos ?? 0), deviceSeq: Number(deviceSeq ?? 0), rejected: rejected.map(String), snapshotAfter: after };
  });
}

/** Case rows with ids in (after, upTo], a batch at a time. */
async function rowsBetween(d: TongbanDB, after: string | null, upTo: string, each: (rows: CaseRow[]) => void): Promise<void> {
  let from = after ?? '';
  for (;;) {
    const batch = await d.cases.where(':id').between(from, upTo, false, true).limit(BATCH).toArray();
    each(batch);
    if (batch.length < BATCH) return;
    from = batch[batch.length - 1]!.caseId;
  }
}

export class FactStore {
  /** The facts as the snapshot gave them; keyed by case (below) only once a case changes. */
  private list: CaseFact[] = [];
  private byId: Map<string, CaseFact> | null = null;
  private mark: Watermark | null = null;
  private deviceId = '';
  private dirty = false;
  private readonly own = new FactDB();
  /** Bumped on every change, so the worker recomputes only when something moved. */
  generation = 0;

  constructor(private readonly source: TongbanDB = db()) {}

  get size(): number {
    return this.byId ? this.byId.size : this.list.length;
  }

  values(): Iterable<CaseFact> {
    return this.byId ? this.byId.values() : this.list;
  }

  private keyed(): Map<string, CaseFact> {
    if (!this.byId) {
      this.byId = new Map(this.list.map((f) => [f.caseId, f]));
      this.list = [];
    }
    return this.byId;
  }

  /** Brings the facts up to date; the first time, from the snapshot or, failing that, from every case. */
  async catchUp(onProgress: (p: Progress) => void): Promise<void> {
    if (!this.mark) await this.load();
    if (!this.mark) return this.rebuild(onProgress);
    const d = this.source;
    const before = this.mark;
    const now = await watermark(d);
    // A snapshot started over (the counter's store was reset): start over too.
    if (before.snapshotAfter !== null && (now.snapshotAfter === null || now.snapshotAfter < before.snapshotAfter)) {
      this.mark = null;
      return this.rebuild(onProgress);
    }
    const known = new Set(before.rejected);
    const newlyRejected = now.rejected.filter((id) => !known.has(id));
    const [pulled, ours, refused] = await Promise.all([
      now.feedPos > before.feedPos ? d.feed.where('feedPos').above(before.feedPos).toArray() : [],
      now.deviceSeq > before.deviceSeq ? d.outbox.where('deviceSeq').above(before.deviceSeq).toArray() : [],
      newlyRejected.length ? d.outbox.bulkGet(newlyRejected) : [],
    ]);
    const ids = new Set<string>();
    for (const r of [...pulled, ...ours, ...refused]) if (r) ids.add(r.caseId);
    const rows = await d.cases.bulkGet([...ids]);
    let changes = ids.size;
    const facts = () => this.keyed();
    [...ids].forEach((caseId, i) => {
      const row = rows[i];
      if (row) facts().set(caseId, caseFact(row.view));
      else facts().delete(caseId);
    });
    if (now.snapshotAfter !== null && now.snapshotAfter !== before.snapshotAfter) {
      await rowsBetween(d, before.snapshotAfter, now.snapshotAfter, (batch) => {
        for (const row of batch) facts().set(row.caseId, caseFact(row.view));
        changes += batch.length;
      });
    }
    this.mark = now;
    if (changes > 0) {
      this.generation += 1;
      this.dirty = true;
    }
  }

  /**
   * Every case, in batches of their own transactions so the sync is never held up for long. The
   * watermark is read first: a case changed while the batches run is read again by the next catch-up.
   */
  private async rebuild(onProgress: (p: Progress) => void): Promise<void> {
    const d = this.source;
    const mark = await watermark(d);
    const total = await d.cases.count();
    const facts = new Map<string, CaseFact>();
    let last: string | null = null;
    onProgress({ done: 0, total });
    for (;;) {
      const batch: CaseRow[] = await (last === null ? d.cases.orderBy(':id') : d.cases.where(':id').above(last)).limit(BATCH).toArray();
      for (const row of batch) facts.set(row.caseId, caseFact(row.view));
      if (batch.length < BATCH) break;
      last = batch[batch.length - 1]!.caseId;
      onProgress({ done: facts.size, total: Math.max(total, facts.size) });
    }
    this.byId = facts;
    this.list = [];
    this.mark = mark;
    this.generation += 1;
    this.dirty = true;
    await this.save();
  }

  private async load(): Promise<void> {
    this.deviceId = ((await this.source.meta.get('device'))?.value as DeviceIdentity | undefined)?.deviceId ?? '';
    const snap = await this.own.snapshots.get('facts');
    if (!snap || snap.version !== FACT_VERSION || snap.deviceId !== this.deviceId) return;
    try {
      this.list = decodeFacts(snap.facts);
      this.byId = null;
    } catch {
      return; // damaged: built again from the case rows
    }
    this.mark = { feedPos: snap.feedPos, deviceSeq: snap.deviceSeq, rejected: snap.rejected, snapshotAfter: snap.snapshotAfter };
    this.generation += 1;
  }

  /** Saves the facts when they changed since the last save. */
  async save(): Promise<void> {
    if (!this.dirty || !this.mark) return;
    this.dirty = false;
    await this.own.snapshots.put({
      id: 'facts',
      version: FACT_VERSION,
      deviceId: this.deviceId,
      savedAt: new Date().toISOString(),
      ...this.mark,
      facts: encodeFacts([...this.values()]),
    });
  }
}
