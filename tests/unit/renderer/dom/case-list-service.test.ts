// What the case list's worker answers (renderer/features/cases/case-list-service.ts), run in Node over
// the counter's store on fake-indexeddb (an IndexedDB implementation; the real browser's, with the
// worker itself, runs in the e2e tests and the counter benchmark): the list's ids for the filters,
// packed for the page and read back as it reads them, the heads of cases not stored yet, the ids a
// state filter keeps, and the buffers handed over without a copy.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { foldCase } from '../../../../shared/case/projection';
import type { StoredEvent } from '../../../../shared/protocol/events';
import { db } from '../../../../renderer/data/db';
import { DexieSyncStorage } from '../../../../renderer/data/dexie-storage';
import { NO_FILTERS } from '../../../../renderer/features/cases/case-filters';
import { caseKeyIndex } from '../../../../renderer/features/cases/case-keys';
import { answer, answerHeads, answerQuery, answerWhere, keysState } from '../../../../renderer/features/cases/case-list-service';
import { NO_IDS, PackedIds, packIds, type PackedIdBuffers } from '../../../../renderer/features/cases/packed-ids';
import { makeEvent, receivedPayload } from '../../../support/events';
import { headOf } from '../../../support/heads';

const caseId = (n: number) => `0193b1c2-0000-7000-9000-${String(n).padStart(12, '0')}`;

function received(n: number): StoredEvent {
  const base = receivedPayload();
  const e = makeEvent('case.received', { ...base, caseNo: `TJ03A-20261125-000${n}X`, applicant: { ...base.applicant, name: `列表${n}` } }, { caseId: caseId(n), at: `2026-11-2${n}T02:00:00.000Z` });
  return { ...e, hubSeq: n, receivedAt: e.at };
}

const ids = (a: { ids?: PackedIdBuffers }) => {
  if (!a.ids) throw new Error('no ids in the answer');
  return new PackedIds(a.ids).slice(0, Infinity);
};

afterAll(async () => {
  db().close();
  await db().delete();
});

describe('packed ids', () => {
  it('read back in order, one byte a character when they fit and two when not, kept by a set', () => {
    const narrow = packIds(['b', 'a-1', 'ccc']);
    expect(narrow.chars).toBeInstanceOf(Uint8Array);
    const p = new PackedIds(narrow);
    expect(p.length).toBe(3);
    expect([p.at(0), p.at(1), p.at(2), p.at(3), p.at(-1)]).toEqual(['b', 'a-1', 'ccc', undefined, undefined]);
    expect(p.slice(1, 10)).toEqual(['a-1', 'ccc']);
    const wide = packIds(['甲乙', 'x', '丙'], new Set(['甲乙', '丙']));
    expect(wide.chars).toBeInstanceOf(Uint16Array);
    expect(new PackedIds(wide).slice(0, 5)).toEqual(['甲乙', '丙']);
    expect(NO_IDS.length).toBe(0);
    expect(NO_IDS.at(0)).toBeUndefined();
  });
});

describe('the list worker\'s answers', () => {
  const events = [1, 2, 3, 4].map(received);
  const storage = new DexieSyncStorage(db());

  it('answers the list from the cases in memory: every case newest first, a search, a deadline, heads and a state filter', async () => {
    // Heads of four cases (a new counter's first download), then rows of three.
    await storage.applyHeads(events.map((e) => headOf(foldCase([e]).view!)), { after: caseId(4), cases: 4, done: true });
    const all = await answerQuery(NO_FILTERS, Date.parse('2026-11-30T00:00:00Z'));
    expect(ids(all)).toEqual([4, 3, 2, 1].map(caseId));
    expect(all.total).toBe(4);
    expect(keysState()).toMatchObject({ total: 4, headCount: 4 });
    expect(all.version).toBeGreaterThan(0);

    await storage.storeCases(events.slice(0, 3).map((e) => ({ caseId: e.caseId, hubSeq: e.hubSeq, events: [e] })));
    // An answer comes from the cases as last read, and starts a read of what the log gained.
    expect(keysState().headCount).toBe(4);
    await answerQuery(NO_FILTERS, Date.now());
    await caseKeyIndex();
    expect(keysState().headCount).toBe(1);
    const searched = await answerQuery({ ...NO_FILTERS, search: '列表2' }, Date.now());
    expect(ids(searched)).toEqual([caseId(2)]);
    // Asked again by a page that has them: the same ids are not sent again; a page that has other ids gets them.
    const same = await answerQuery({ ...NO_FILTERS, search: '列表2' }, Date.now(), searched.token);
    expect(same.ids).toBeUndefined();
    expect(same.token).toBe(searched.token);
    expect(ids(await answerQuery({ ...NO_FILTERS, search: '列表2' }, Date.now(), searched.token - 1))).toEqual([caseId(2)]);
    // Another query with that token: its own ids.
    expect(ids(await answerQuery({ ...NO_FILTERS, search: '列表3' }, Date.now(), searched.token))).toEqual([caseId(3)]);

    // The heads: only the case not stored yet has one.
    const heads = await answerHeads([caseId(1), caseId(4), 'unknown']);
    expect(heads[0]).toBeNull();
    expect(heads[1]).toMatchObject({ caseId: caseId(4), caseNo: 'TJ03A-20261125-0004X', applicantName: '列表4' });
    expect(heads[2]).toBeNull();

    // Overdue, years later: the stored open cases by their promised date (a head has no row, no date yet).
    const overdue = await answerQuery({ ...NO_FILTERS, deadline: 'overdue' }, Date.parse('2030-01-01T00:00:00Z'));
    expect(ids(overdue)).toEqual([3, 2, 1].map(caseId));
    // The day they were received, none is.
    const notYet = await answerQuery({ ...NO_FILTERS, deadline: 'overdue' }, Date.parse('2026-11-21T03:00:00Z'));
    expect(ids(notYet)).toEqual([]);

    expect(new Set(await answerWhere({ states: ['received'], itemCode: null, hall: null }))).toEqual(new Set([1, 2, 3, 4].map(caseId)));
    expect(await answerWhere({ states: ['delivered'], itemCode: null, hall: null })).toEqual([]);

    // The page's request: the packed buffers are the ones to transfer.
    const { value, transfer } = await answer({ kind: 'query', filters: NO_FILTERS, now: Date.now() });
    const packed = (value as typeof all).ids!;
    expect(transfer).toEqual([packed.chars.buffer, packed.ends.buffer]);
  }, 30_000);
});
