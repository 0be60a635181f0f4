// The supervision dashboard's facts (shared/supervision/case-fact), one per case, kept up to date
// incrementally from the counter's store and saved in a database of their own, so a supervisor's
// dashboard over 200,000 cases reads one saved snapshot and the few cases changed since, never every
// case. Runs in the dashboard's Web Worker.
//
// What changed since the snapshot is known from the store's own counters: every pulled event gets
// the next feedPos and every local event the next deviceSeq, in the same transaction that rebuilds
// its case row; a refusal by the hub (the only other change of a row) marks the outbox row rejected.
// So the cases touched are those of feed rows after the snapshot's feedPos, of outbox rows after
// its deviceSeq, and of rejections it has not seen.
import Dexie, { type Table } from 'dexie';
import { caseFact, type CaseFact } from '../../../shared/supervision/case-fact';
import { db, type CaseRow, type DeviceIdentity, type TongbanDB } from '../../data/db';

/** Bumped when CaseFact changes shape: an old snapshot is then rebuilt, not read. */
export const FACT_VERSION = 1;
const BATCH = 2000;

interface Watermark {
  feedPos: number;
  deviceSeq: number;
  rejected: string[];
}

interface Snapshot extends Watermark {
  id: 'facts';
  version: number;
  /** The device the facts were taken from: a re-enrolled counter starts over. */
  deviceId: string;
  savedAt: string;
  facts: CaseFact[];
}

class FactDB extends Dexie {
  snapshots!: Table<Snapshot, string>;
  constructor() {
    super('tongban-supervision');
    this.version(1).stores({ snapshots: 'id' });
  }
}

export type Progress = { done: number; total: number };

async function watermark(d: TongbanDB): Promise<Watermark> {
  const [feedPos, deviceSeq, rejected] = await Promise.all([
    d.feed.orderBy('feedPos').lastKey(),
    d.outbox.orderBy('deviceSeq').lastKey(),
    d.outbox.where('state').equals('rejected').primaryKeys(),
  ]);
  return { feedPos: Number(feedPos ?? 0), deviceSeq: Number(deviceSeq ?? 0), rejected: rejected.map(String) };
}

export class FactStore {
  private facts = new Map<string, CaseFact>();
  private mark: Watermark | null = null;
  private deviceId = '';
  private dirty = false;
  private readonly own = new FactDB();
  /** Bumped on every change, so the worker recomputes only when something moved. */
  generation = 0;

  constructor(private readonly source: TongbanDB = db()) {}

  get size(): number {
    return this.facts.size;
  }

  values(): IterableIterator<CaseFact> {
    return this.facts.values();
  }

  /** Brings the facts up to date; the first time, from the snapshot or, failing that, from every case. */
  async catchUp(onProgress: (p: Progress) => void): Promise<void> {
    if (!this.mark) await this.load();
    if (!this.mark) return this.rebuild(onProgress);
    const d = this.source;
    const before = this.mark;
    const changed = await d.transaction('r', [d.feed, d.outbox, d.cases], async () => {
      const now = await watermark(d);
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
      return { now, ids: [...ids], rows };
    });
    changed.ids.forEach((caseId, i) => {
      const row = changed.rows[i];
      if (row) this.facts.set(caseId, caseFact(row.view));
      else this.facts.delete(caseId);
    });
    this.mark = changed.now;
    if (changed.ids.length > 0) {
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
    const mark = await d.transaction('r', [d.feed, d.outbox], () => watermark(d));
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
    this.facts = facts;
    this.mark = mark;
    this.generation += 1;
    this.dirty = true;
    await this.save();
  }

  private async load(): Promise<void> {
    this.deviceId = ((await this.source.meta.get('device'))?.value as DeviceIdentity | undefined)?.deviceId ?? '';
    const snap = await this.own.snapshots.get('facts');
    if (!snap || snap.version !== FACT_VERSION || snap.deviceId !== this.deviceId) return;
    this.facts = new Map(snap.facts.map((f) => [f.caseId, f]));
    this.mark = { feedPos: snap.feedPos, deviceSeq: snap.deviceSeq, rejected: snap.rejected };
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
      facts: [...this.facts.values()],
    });
  }
}
