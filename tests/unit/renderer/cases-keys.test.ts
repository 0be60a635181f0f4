// The cases as the case list keeps them in memory (renderer/features/cases/case-key-index.ts):
// records of the store's list log applied in order, a later entry replacing an earlier one, the id
// alone removing a case; the search's prefixes, the state, item and hall filters, the order (newest
// received first); and the chunks a compaction writes, which read back to the same index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseKeyEntry } from '../../../renderer/data/db';
import { CaseKeyIndex } from '../../../renderer/features/cases/case-key-index';
import { searchPrefixes } from '../../../renderer/features/cases/case-filters';

const find = (index: CaseKeyIndex, q: string) => [...index.search(searchPrefixes(q)!)].sort();

/** What a case is besides its search keys: state, item, intake, home and delivery hall, received at. */
type Rest = [state: string, itemCode: string, intake: string, home: string, delivery: string, receivedAt: string];
const REST: Rest = ['received', 'GJJ-001', 'BJ', 'TJ', 'BJ', '2026-11-25T02:00:00.000Z'];
const entry = (caseId: string, caseNo: string, name: string, idNumber: string, rest: Partial<Record<'state' | 'itemCode' | 'intake' | 'home' | 'delivery' | 'receivedAt', string>> = {}): CaseKeyEntry => [
  caseId,
  caseNo,
  name,
  idNumber,
  rest.state ?? REST[0],
  rest.itemCode ?? REST[1],
  rest.intake ?? REST[2],
  rest.home ?? REST[3],
  rest.delivery ?? REST[4],
  rest.receivedAt ?? REST[5],
];

describe('CaseKeyIndex', () => {
  const a = entry('a', 'BJ01A-20261125-0001K', '赵书宁', '120104199001011234', { receivedAt: '2026-11-25T02:00:00.000Z' });
  const b = entry('b', 'BJ01A-20261125-0002L', '赵书', '11010519491231002X', { state: 'in_review', receivedAt: '2026-11-25T03:00:00.000Z' });
  const c = entry('c', 'TJ03A-20261126-0001M', '钱多多', '130102198807070011', { itemCode: 'HJ-002', intake: 'TJ', home: 'BJ', delivery: 'TJ', receivedAt: '2026-11-26T01:00:00.000+08:00' });

  it('finds by case number (any case), name prefix and ID number, whole or prefix', () => {
    const index = new CaseKeyIndex();
    index.apply([a, b, c]);
    expect(index.size).toBe(3);
    expect(find(index, 'bj01a-20261125')).toEqual(['a', 'b']);
    expect(find(index, 'BJ01A-20261125-0001K')).toEqual(['a']);
    expect(find(index, '赵书')).toEqual(['a', 'b']);
    expect(find(index, '赵书宁')).toEqual(['a']);
    expect(find(index, '1201041990')).toEqual(['a']);
    // A trailing x is looked up as typed and as X.
    expect(find(index, '11010519491231002x')).toEqual(['b']);
    expect(find(index, '钱')).toEqual(['c']);
    expect(find(index, '不存在的人')).toEqual([]);
    // A middle part matches nothing: prefixes only, as the store's indexes did.
    expect(find(index, '20261125')).toEqual([]);
  });

  it('replaces a case by its later entry and removes it by its id alone; a freed slot is reused', () => {
    const index = new CaseKeyIndex();
    index.apply([a, b]);
    index.apply([entry('a', 'BJ01A-20261125-0001K', '孙书宁', '120104199001011234')]);
    expect(find(index, '赵书')).toEqual(['b']);
    expect(find(index, '孙')).toEqual(['a']);
    index.apply([['b'], ['nobody']]);
    expect(index.size).toBe(1);
    expect(find(index, 'BJ01A')).toEqual(['a']);
    index.apply([c]);
    expect(index.size).toBe(2);
    expect(find(index, 'TJ')).toEqual(['c']);
    // Removed and added again in one record: the last entry stands.
    index.apply([['c'], c]);
    expect(find(index, 'TJ')).toEqual(['c']);
  });

  it('compacts to chunks that read back to the same cases', () => {
    const index = new CaseKeyIndex();
    const many: CaseKeyEntry[] = Array.from({ length: 12 }, (_, i) =>
      entry(`id${i}`, `SJZ0${i % 3}A-20261201-${String(i).padStart(4, '0')}X`, `李${i}`, `13010219900101${String(i).padStart(4, '0')}`, { state: i % 2 ? 'received' : 'printed', home: i % 3 ? 'SJZ' : 'XA', receivedAt: `2026-12-01T0${i % 10}:00:00.000Z` }),
    );
    index.apply(many);
    index.apply([['id3'], ['id7']]);
    const chunks = index.chunks(4);
    expect(chunks.map((ch) => ch.length)).toEqual([4, 4, 2]);
    const again = new CaseKeyIndex();
    for (const chunk of chunks) again.apply(chunk);
    expect(again.size).toBe(10);
    for (const q of ['SJZ00A', 'SJZ01A', '李1', '130102199001010011']) expect(find(again, q)).toEqual(find(index, q));
    expect(find(again, 'SJZ00A-20261201-0003')).toEqual([]);
    expect(again.newestFirst()).toEqual(index.newestFirst());
    const byId = (chunks: CaseKeyEntry[][]) => chunks.flat().sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(byId(again.chunks(100))).toEqual(byId(index.chunks(100)));
    expect(byId(chunks)).toEqual(byId([many.filter((e) => e[0] !== 'id3' && e[0] !== 'id7')]));
    const home = { states: [], itemCode: null, hall: { role: 'home' as const, hallId: 'XA' } };
    expect([...again.filter(home)!].sort()).toEqual([...index.filter(home)!].sort());
  });

  it('keeps the cases newest received first (ties: the greater id first), through changes', () => {
    const index = new CaseKeyIndex();
    index.apply([a, b, c]);
    // c's time is 2026-11-25T17:00Z (an offset, compared as a time, not as text).
    expect(index.newestFirst()).toEqual(['c', 'b', 'a']);
    const same = index.newestFirst();
    // A change that keeps the order keeps the array (the list's memo holds).
    index.apply([entry('a', 'BJ01A-20261125-0001K', '赵书宁', '120104199001011234', { state: 'printed', receivedAt: '2026-11-25T02:00:00.000Z' })]);
    expect(index.newestFirst()).toBe(same);
    index.apply([entry('d', 'BJ01A-20261125-0003M', '孙', '1', { receivedAt: '2026-11-25T03:00:00.000Z' }), ['c']]);
    expect(index.newestFirst()).toEqual(['d', 'b', 'a']);
    index.apply([entry('b', 'BJ01A-20261125-0002L', '赵书', '11010519491231002X', { receivedAt: '2026-11-24T00:00:00.000Z' })]);
    expect(index.newestFirst()).toEqual(['d', 'a', 'b']);
  });

  it('mends the order in steps, and anything that reads or changes it meanwhile finishes the mending first', () => {
    // Past the mending's threshold (16,384 moved) and its step (50,000 places), so it pauses mid-order.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 977) * 60_000).toISOString();
    const many = (n: number, shift: number): CaseKeyEntry[] =>
      Array.from({ length: n }, (_, i) => entry(`id${i}`, `BJ01A-20261201-${i}`, `赵${i}`, `${i}`, { receivedAt: at(i + shift) }));
    const fresh = (...records: CaseKeyEntry[][]) => {
      const index = new CaseKeyIndex();
      for (const r of records) index.apply(r);
      return index.newestFirst();
    };
    const first = many(70_000, 0);
    const index = new CaseKeyIndex();
    index.apply(first);
    expect(index.newestFirst()).toEqual(fresh(first));
    // 20,000 cases received at other times, and 5 removed: due, mended in steps.
    const moved = many(20_000, 13);
    index.apply([...moved, ['id1'], ['id2'], ['id3'], ['id50000'], ['id69999']]);
    expect(index.reorderDue).toBe(true);
    const final = fresh(first, moved, [['id1'], ['id2'], ['id3'], ['id50000'], ['id69999']]);
    let steps = 0;
    for (const _ of index.reorderSteps()) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(index.reorderDue).toBe(false);
    expect(index.newestFirst()).toEqual(final);
    expect(index.newestFirst()).toHaveLength(69_995);

    // Paused after the sort and after a step: the list's read finishes it, the same order.
    const again = many(20_000, 29);
    for (const stop of [1, 2]) {
      index.apply(again.map((e, i) => (i === 0 ? entry('id0', 'X', 'X', 'X', { receivedAt: at(stop * 7) }) : e)));
      const paused = index.reorderSteps();
      for (let i = 0; i < stop; i++) paused.next();
      const read = index.newestFirst();
      expect(paused.next().done).toBe(true);
      const expected = new CaseKeyIndex();
      for (const r of [first, moved, [['id1'], ['id2'], ['id3'], ['id50000'], ['id69999']] as CaseKeyEntry[], again]) expected.apply(r);
      expected.apply([entry('id0', 'X', 'X', 'X', { receivedAt: at(stop * 7) })]);
      expect(read).toEqual(expected.newestFirst());
    }
    // Left by its reader after a step: the slots it took are mended by the next read.
    index.apply(again.map((e, i) => (i === 0 ? entry('id0', 'X', 'X', 'X', { receivedAt: at(99) }) : e)));
    let stepsTaken = 0;
    for (const _ of index.reorderSteps()) if (++stepsTaken === 2) break;
    const left = new CaseKeyIndex();
    for (const r of [first, moved, [['id1'], ['id2'], ['id3'], ['id50000'], ['id69999']] as CaseKeyEntry[], again]) left.apply(r);
    left.apply([entry('id0', 'X', 'X', 'X', { receivedAt: at(99) })]);
    expect(index.newestFirst()).toEqual(left.newestFirst());
    // Paused, then a record applied: the mending ends before the record changes anything.
    index.apply(again);
    const paused = index.reorderSteps();
    paused.next();
    index.apply([['id10'], entry('new', 'N', 'N', 'N', { receivedAt: '2027-01-01T00:00:00.000Z' })]);
    expect(paused.next().done).toBe(true);
    const read = index.newestFirst();
    expect(read[0]).toBe('new');
    expect(read).not.toContain('id10');
    // id1–id3 came back with `again`; id10 went and `new` came.
    expect(read).toHaveLength(69_998);
  });

  it('filters by state, item and hall, each hall role on its own column', () => {
    const index = new CaseKeyIndex();
    index.apply([a, b, c]);
    const keep = (f: Partial<Parameters<CaseKeyIndex['filter']>[0]>) => {
      const set = index.filter({ states: [], itemCode: null, hall: null, ...f });
      return set && [...set].sort();
    };
    expect(keep({})).toBeNull();
    expect(keep({ states: ['received'] })).toEqual(['a', 'c']);
    expect(keep({ states: ['received', 'in_review'] })).toEqual(['a', 'b', 'c']);
    expect(keep({ states: ['delivered'] })).toEqual([]);
    expect(keep({ itemCode: 'HJ-002' })).toEqual(['c']);
    expect(keep({ itemCode: 'NOPE' })).toEqual([]);
    expect(keep({ hall: { role: 'intake', hallId: 'TJ' } })).toEqual(['c']);
    expect(keep({ hall: { role: 'home', hallId: 'TJ' } })).toEqual(['a', 'b']);
    expect(keep({ hall: { role: 'delivery', hallId: 'BJ' } })).toEqual(['a', 'b']);
    expect(keep({ states: ['received'], hall: { role: 'home', hallId: 'TJ' } })).toEqual(['a']);
  });

  it('finds what a pass over the latest entries finds, after any records (fast-check)', () => {
    // Up to 14 characters: past the buckets' lengths (5 for case numbers, 12 for ID numbers), so
    // both ways of looking up a prefix are taken, in one bucket and across the buckets.
    const word = fc.string({ unit: fc.constantFrom('A', '1', '赵', '-'), maxLength: 14 });
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const state = fc.constantFrom('received', 'printed');
    const when = fc.constantFrom('2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', '2026-12-02T08:00:00.000+08:00', 'garbled');
    const someEntry = fc.oneof(
      fc.tuple(id, word, word, word, state).chain(([i, no, name, idn, st]) => fc.tuple(fc.constant([i, no, name, idn, st] as const), fc.constantFrom('X', 'Y'), when)).map(([[i, no, name, idn, st], item, at]) => entry(i, no, name, idn, { state: st, itemCode: item, receivedAt: at })),
      fc.tuple(id),
    ) as fc.Arbitrary<CaseKeyEntry>;
    fc.assert(
      fc.property(fc.array(fc.array(someEntry, { maxLength: 6 }), { maxLength: 6 }), fc.array(word.filter((w) => w !== ''), { minLength: 1, maxLength: 6 }), (records, queries) => {
        const index = new CaseKeyIndex();
        const latest = new Map<string, Exclude<CaseKeyEntry, [string]>>();
        for (const r of records) {
          index.apply(r);
          for (const e of r) if (e.length === 1) latest.delete(e[0]);
          else latest.set(e[0], e);
          // The list asks for the order between some records: the moved cases merge into an order made before.
          if (r.length % 2) index.newestFirst();
        }
        expect(index.size).toBe(latest.size);
        for (const q of queries) {
          const keys = { caseNo: q, name: q, idNumbers: [q] };
          const want = [...latest.values()].filter((e) => e[1].startsWith(q) || e[2].startsWith(q) || e[3].startsWith(q)).map((e) => e[0]).sort();
          expect([...index.search(keys)].sort()).toEqual(want);
        }
        // The order: a sort of the latest entries by time (unparsable: 0), then id, both descending.
        const time = (e: Exclude<CaseKeyEntry, [string]>) => Date.parse(e[9]) || 0;
        const order = [...latest.values()].sort((x, y) => time(y) - time(x) || (y[0] < x[0] ? -1 : y[0] > x[0] ? 1 : 0)).map((e) => e[0]);
        expect(index.newestFirst()).toEqual(order);
        const printedX = [...latest.values()].filter((e) => e[4] === 'printed' && e[5] === 'X').map((e) => e[0]).sort();
        expect([...index.filter({ states: ['printed'], itemCode: 'X', hall: null })!].sort()).toEqual(printedX);
      }),
    );
  });
});
