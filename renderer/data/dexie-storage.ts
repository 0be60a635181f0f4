// The sync engine's storage over Dexie: each call is one IndexedDB transaction, and the case list
// is rebuilt in the same transaction, so what the screens show never disagrees with the outbox.
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { OutboxCounts, PushOutcome, RefusedEvent, SyncStorage, UnsequencedEvent } from '../../shared/sync/storage';
import { dueTables, rebuildCases } from './case-rows';
import type { TongbanDB } from './db';

const LAST_SEQ = 'lastDeviceSeq';
const CURSOR = 'cursor';

export class DexieSyncStorage implements SyncStorage {
  constructor(private readonly database: TongbanDB) {}

  async append(event: UnsequencedEvent): Promise<Event> {
    const d = this.database;
    return d.transaction('rw', [d.meta, d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
      if ((await d.outbox.get(event.id)) || (await d.feed.get(event.id))) throw new Error(`event ${event.id} is already stored`);
      const last = ((await d.meta.get(LAST_SEQ))?.value as number | undefined) ?? 0;
      const stored = { ...event, deviceSeq: last + 1 } as Event;
      await d.meta.put({ key: LAST_SEQ, value: stored.deviceSeq });
      await d.outbox.add({ id: stored.id, deviceSeq: stored.deviceSeq, caseId: stored.caseId, state: 'pending', event: stored });
      await rebuildCases(d, [stored.caseId]);
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
      const touched: string[] = [];
      for (const o of outcomes) {
        const row = await d.outbox.get(o.id);
        if (!row || row.state !== 'pending') continue;
        if (o.status === 'accepted') await d.outbox.update(o.id, { state: 'accepted', hubSeq: o.hubSeq });
        else await d.outbox.update(o.id, { state: 'rejected', reason: { code: o.reason.code, message: o.reason.message } });
        // A refused event leaves the case: it is shown in the status bar with its reason instead.
        if (o.status === 'rejected') touched.push(row.caseId);
      }
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
    return d.transaction('rw', [d.meta, d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
      const ids = events.map((e) => e.id);
      const have = new Set((await d.feed.bulkGet(ids)).filter((x) => x).map((x) => x!.id));
      const last = ((await d.meta.get('feedPos'))?.value as number | undefined) ?? 0;
      const fresh: StoredEvent[] = [];
      for (const e of events) {
        if (have.has(e.id)) continue;
        have.add(e.id);
        fresh.push(e);
      }
      await d.feed.bulkAdd(fresh.map((e, i) => ({ ...e, feedPos: last + i + 1 })));
      for (const own of (await d.outbox.bulkGet(fresh.map((e) => e.id))).filter((x) => x && x.state === 'pending')) {
        const hubSeq = fresh.find((e) => e.id === own!.id)!.hubSeq;
        await d.outbox.update(own!.id, { state: 'accepted', hubSeq });
      }
      await d.meta.bulkPut([
        { key: CURSOR, value: cursor },
        { key: 'feedPos', value: last + fresh.length },
        { key: 'lastPullAt', value: Date.now() },
      ]);
      await rebuildCases(d, fresh.map((e) => e.caseId));
      return fresh.length;
    });
  }
}
