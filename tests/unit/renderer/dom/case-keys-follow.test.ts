// The page's cases in memory (renderer/features/cases/case-keys.ts) over the counter's store on
// fake-indexeddb (an IndexedDB implementation in Node; the real browser's runs in the e2e tests):
// followed as the store changes (Dexie tells of every write, here of the sync storage's), read at
// most once more while a read waits, published to the list with a new version each time they
// change, and, once a new counter's heads all have their rows, compacted so the heads' records go.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { foldCase } from '../../../../shared/case/projection';
import type { StoredEvent } from '../../../../shared/protocol/events';
import { CASE_KEYS_EPOCH, db } from '../../../../renderer/data/db';
import { DexieSyncStorage } from '../../../../renderer/data/dexie-storage';
import { CaseKeyIndex } from '../../../../renderer/features/cases/case-key-index';
import { caseKeyIndex, currentCaseKeys, followCaseKeys, onCaseKeys } from '../../../../renderer/features/cases/case-keys';
import { makeEvent, receivedPayload } from '../../../support/events';
import { headOf } from '../../../support/heads';

const caseId = (n: number) => `0193b1c2-0000-7000-9000-${String(n).padStart(12, '0')}`;

function received(n: number): StoredEvent {
  const base = receivedPayload();
  const e = makeEvent('case.received', { ...base, caseNo: `TJ03A-20261125-000${n}X`, applicant: { ...base.applicant, name: `跟随${n}` } }, { caseId: caseId(n), at: `2026-11-2${n}T02:00:00.000Z` });
  return { ...e, hubSeq: n, receivedAt: e.at };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterAll(async () => {
  db().close();
  await db().delete();
});

describe('the cases in memory, followed', () => {
  const events = [1, 2, 3].map(received);
  const storage = new DexieSyncStorage(db());

  it('follows the store, shares a waiting read, publishes each change, and compacts once every head has its row', async () => {
    const versions: number[] = [];
    const off = onCaseKeys(() => versions.push(currentCaseKeys().version));
    const stop = followCaseKeys();
    await until('the first read', () => currentCaseKeys().index !== null);
    expect(currentCaseKeys().index!.size).toBe(0);

    // Heads written by the sync storage (as the worker does): the page reads them without being asked.
    await storage.applyHeads(events.map((e) => headOf(foldCase([e]).view!)), { after: caseId(3), cases: 3, done: true });
    await until('the heads read', () => currentCaseKeys().index!.headCount === 3);
    await until('the heads published', () => versions.length >= 2);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));

    // Calls while a read waits share it.
    const a = caseKeyIndex();
    const b = caseKeyIndex();
    expect(b).toBe(a);
    await a;

    // Every case stored whole: no head left, and a moment later the log is compacted to one chunk.
    const before = currentCaseKeys().version;
    await storage.storeCases(events.map((e) => ({ caseId: e.caseId, hubSeq: e.hubSeq, events: [e] })));
    await until('the rows read', () => currentCaseKeys().index!.headCount === 0);
    // Published at once, or at most a moment later when a change was published just before.
    await until('the change published', () => currentCaseKeys().version > before);
    expect(await db().caseKeys.count()).toBe(2);
    await until('the compaction', async () => (await db().caseKeys.count()) === 1, 10_000);
    expect((await db().meta.get(CASE_KEYS_EPOCH))?.value).toBe(1);
    const fresh = new CaseKeyIndex();
    for (const r of await db().caseKeys.toArray()) fresh.apply(r.entries);
    expect(fresh.size).toBe(3);
    expect(fresh.headCount).toBe(0);
    expect(fresh.newestFirst()).toEqual(currentCaseKeys().index!.newestFirst());

    stop();
    off();
  }, 30_000);
});
