// The sync engine's storage over Dexie: each call is one IndexedDB transaction, and the case list
// is updated in the same transaction, so what the screens show never disagrees with the outbox.
// Pulled events and snapshot pages are folded onto each case's row (case-rows.ts) with one batch
// read of the rows and of our outbox, and written back in one bulk write: a page costs a few
// requests per case, never a read of the case's earlier events.
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { CaseHead, HeadsState } from '../../shared/sync/heads';
import type { SnapshotCase, SnapshotState } from '../../shared/sync/snapshot';
import type { OutboxCounts, PushOutcome, RefusedEvent, SyncStorage, UnsequencedEvent } from '../../shared/sync/storage';
import { dueTables, foldOnto, loadCases, rebuildCases, writeCases } from './case-rows';
import { HEADS_META, SNAPSHOT_META, headEntry, type CaseKeyRecord, type OutboxRow, type TongbanDB } from './db';
import { measure, timed } from './sync-timing';

const LAST_SEQ = 'lastDeviceSeq';
/** Heads per list log record. */
const HEAD_RECORD = 1000;
const CURSOR = 'cursor';

/** The tables one append's transaction holds (the device's sequence, the outbox, the case and its list entries). */
export const appendTables = (d: TongbanDB) => [d.meta, d.outbox, d.feed, d.cases, ...dueTables(d)];

export class DexieSyncStorage implements SyncStorage {
  constructor(private readonly database: TongbanDB) {}

  async append(event: UnsequencedEvent): Promise<Event> {
    const d = this.database;
    return d.transaction('rw', appendTables(d), async () => {
      // Every read at once, then every write at once: IndexedDB carries out a transaction's requests
      // in the order they were made, without waiting for the page between them.
      const [inOutbox, inFeed, lastSeq, loaded] = await Promise.all([d.outbox.get(event.id), d.feed.get(event.id), d.meta.get(LAST_SEQ), loadCases(d, [event.caseId], false)]);
      if (inOutbox || inFeed) throw new Error(`event ${event.id} is already stored`);
      const last = (lastSeq?.value as number | undefined) ?? 0;
      const stored = { ...event, deviceSeq: last + 1 } as Event;
      const row: OutboxRow = { id: stored.id, deviceSeq: stored.deviceSeq, caseId: stored.caseId, state: 'pending', event: stored };
      // The case's row is rebuilt with the event as the outbox will hold it (rebuildCases, read after the add, would find the same).
      loaded.outbox.set(stored.caseId, [...(loaded.outbox.get(stored.caseId) ?? []), row]);
      await Promise.all([d.meta.put({ key: LAST_SEQ, value: stored.deviceSeq }), d.outbox.add(row), writeCases(d, loaded)]);
      return stored;
    });
  }

  async pending(limit: number): Promise<Event[]> {
    const rows = await this.database.outbox.where('[state+deviceSeq]').between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER]).limit(limit).toArray();
    return rows.map((r) => r.event);
  }

  async recordPushOutcomes(outcomes: readonly PushOutcome[]): Promise<void> {
    const d = this.database;
    await d.transaction('rw', [d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
      const rows = await d.outbox.bulkGet(outcomes.map((o) => o.id));
      const settled: OutboxRow[] = [];
      const touched: string[] = [];
      outcomes.forEach((o, i) => {
        const row = rows[i];
        if (!row || row.state !== 'pending') return;
        if (o.status === 'accepted') settled.push({ ...row, state: 'accepted', hubSeq: o.hubSeq });
        else {
          settled.push({ ...row, state: 'rejected', reason: { code: o.reason.code, message: o.reason.message } });
          // A refused event leaves the case: it is shown in the status bar with its reason instead.
          touched.push(row.caseId);
        }
      });
      if (settled.length) await d.outbox.bulkPut(settled);
      await rebuildCases(d, touched);
    });
  }

  async counts(): Promise<OutboxCounts> {
    return {
      pending: await this.database.outbox.where('state').equals('pending').count(),
      refused: await this.database.outbox.where('state').equals('rejected').count(),
    };
  }

  async refused(): Promise<RefusedEvent[]> {
    const rows = await this.database.outbox.where('state').equals('rejected').sortBy('deviceSeq');
    return rows.map((r) => ({ event: r.event, reason: r.reason ?? { code: 'UNKNOWN', message: '' } }));
  }

  async getCursor(): Promise<number> {
    return ((await this.database.meta.get(CURSOR))?.value as number | undefined) ?? 0;
  }

  async applyPulled(events: readonly StoredEvent[], cursor: number): Promise<number> {
    if (!Number.isSafeInteger(cursor) || cursor < 0) throw new Error(`bad cursor ${cursor}`);
    const d = this.database;
    const work = () => d.transaction('rw', [d.meta, d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
      const have = new Set((await d.feed.bulkGet(events.map((e) => e.id))).flatMap((x) => (x ? [x.id] : [])));
      const byCase = new Map<string, StoredEvent[]>();
      for (const e of events) {
        if (have.has(e.id)) continue;
        have.add(e.id);
        const list = byCase.get(e.caseId);
        if (list) list.push(e);
        else byCase.set(e.caseId, [e]);
      }
      const loaded = await loadCases(d, [...byCase.keys()], true);
      const { confirmed, outbox } = loaded;
      const fresh = new Set<string>();
      for (const [caseId, list] of byCase) {
        const c = confirmed.get(caseId)!;
        // A case holds its events in hubSeq order: those at or below its hubSeq came with the snapshot.
        const newer = list.filter((e) => e.hubSeq > c.hubSeq);
        if (newer.length === 0) {
          confirmed.delete(caseId);
          continue;
        }
        for (const e of newer) fresh.add(e.id);
        confirmed.set(caseId, { view: foldOnto(c.view, newer), hubSeq: newer[newer.length - 1]!.hubSeq });
      }
      const last = ((await d.meta.get('feedPos'))?.value as number | undefined) ?? 0;
      const rows = events.filter((e) => fresh.has(e.id));
      await d.feed.bulkAdd(rows.map((e, i) => ({ ...e, feedPos: last + i + 1 })));
      await this.settleOwn(rows, outbox);
      await d.meta.bulkPut([
        { key: CURSOR, value: cursor },
        { key: 'feedPos', value: last + rows.length },
        { key: 'lastPullAt', value: Date.now() },
      ]);
      await writeCases(d, loaded);
      return rows.length;
    });
    return timed('pull-apply', work, (fresh) => ({ events: events.length, fresh }));
  }

  async snapshotState(): Promise<SnapshotState | null> {
    return ((await this.database.meta.get(SNAPSHOT_META))?.value as SnapshotState | undefined) ?? null;
  }

  async applySnapshot(cases: readonly SnapshotCase[], state: SnapshotState): Promise<number> {
    if (!Number.isSafeInteger(state.cursor) || state.cursor < 0) throw new Error(`bad cursor ${state.cursor}`);
    const d = this.database;
    const work = () => d.transaction('rw', [d.meta, d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
      const fresh = await this.storeWhole(cases);
      const meta: { key: string; value: unknown }[] = [{ key: SNAPSHOT_META, value: state }];
      if (state.done) meta.push({ key: CURSOR, value: Math.max(state.cursor, await this.getCursor()) }, { key: 'lastPullAt', value: Date.now() });
      await d.meta.bulkPut(meta);
      return fresh;
    });
    return timed('snapshot-apply', work, (fresh) => ({ cases: cases.length, events: fresh }));
  }

  async storeCases(cases: readonly SnapshotCase[]): Promise<number> {
    const d = this.database;
    // An async scope: Dexie keeps a transaction open across native awaits only in one.
    return d.transaction('rw', [d.outbox, d.feed, d.cases, ...dueTables(d)], async () => await this.storeWhole(cases));
  }

  async headsState(): Promise<HeadsState | null> {
    return ((await this.database.meta.get(HEADS_META))?.value as HeadsState | undefined) ?? null;
  }

  async applyHeads(heads: readonly CaseHead[], state: HeadsState): Promise<number> {
    const d = this.database;
    const work = () => d.transaction('rw', [d.meta, d.cases, d.caseKeys], async () => {
      // A case stored already (fetched whole, taken here) keeps its row's entry: a head is older.
      const held = new Set(await d.cases.where(':id').anyOf(heads.map((h) => h.caseId)).primaryKeys());
      const entries = heads.filter((h) => !held.has(h.caseId)).map(headEntry);
      // Records of a thousand, as a snapshot page's: the list reads a few per task.
      const records: CaseKeyRecord[] = [];
      for (let i = 0; i < entries.length; i += HEAD_RECORD) records.push({ entries: entries.slice(i, i + HEAD_RECORD) });
      if (records.length) await d.caseKeys.bulkAdd(records);
      await d.meta.put({ key: HEADS_META, value: state });
      return entries.length;
    });
    return timed('heads-apply', work, (kept) => ({ heads: heads.length, kept }));
  }

  /**
   * Stores whole cases (a snapshot page's, or one fetched for a case page): each case's events become
   * what the store holds confirmed of it, unless it holds the case this far already. Inside a
   * transaction over outbox, feed, cases and dueTables; returns how many events were new.
   */
  private async storeWhole(cases: readonly SnapshotCase[]): Promise<number> {
    const d = this.database;
    const loaded = await loadCases(d, cases.map((c) => c.caseId), true);
    const { confirmed, outbox } = loaded;
    const fresh: StoredEvent[] = [];
    const folding = performance.now();
    for (const c of cases) {
      // A case the store already holds this far (or further) keeps what it has.
      if (confirmed.get(c.caseId)!.hubSeq >= c.hubSeq) {
        confirmed.delete(c.caseId);
        continue;
      }
      fresh.push(...c.events);
      confirmed.set(c.caseId, { view: foldOnto(null, c.events), hubSeq: c.hubSeq });
    }
    measure('snapshot-fold', folding, { cases: cases.length });
    await this.settleOwn(fresh, outbox);
    await writeCases(d, loaded);
    return fresh.length;
  }

  /**
   * Marks our pending events among `events` accepted: the hub has them even if the push's answer
   * was lost. Every such event is on a case whose outbox rows `outbox` holds (mayHaveOwn), and
   * those rows are updated in place so the rows written after see them settled.
   */
  private async settleOwn(events: readonly StoredEvent[], outbox: Map<string, OutboxRow[]>): Promise<void> {
    if (outbox.size === 0) return;
    const settled: OutboxRow[] = [];
    for (const e of events) {
      const own = outbox.get(e.caseId)?.find((o) => o.id === e.id);
      if (!own || own.state !== 'pending') continue;
      own.state = 'accepted';
      own.hubSeq = e.hubSeq;
      settled.push(own);
    }
    if (settled.length) await this.database.outbox.bulkPut(settled);
  }
}
