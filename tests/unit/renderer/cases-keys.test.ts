// The case list's search keys in memory (renderer/features/cases/case-key-index.ts): records of the
// store's key log applied in order, a later entry replacing an earlier one, the id alone removing a
// case; the search's prefixes; and the chunks a compaction writes, which read back to the same index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseKeyEntry } from '../../../renderer/data/db';
import { CaseKeyIndex } from '../../../renderer/features/cases/case-key-index';
import { searchPrefixes } from '../../../renderer/features/cases/case-filters';

const find = (index: CaseKeyIndex, q: string) => [...index.search(searchPrefixes(q)!)].sort();

describe('CaseKeyIndex', () => {
  const a: CaseKeyEntry = ['a', 'BJ01A-20261125-0001K', '赵书宁', '120104199001011234'];
  const b: CaseKeyEntry = ['b', 'BJ01A-20261125-0002L', '赵书', '11010519491231002X'];
  const c: CaseKeyEntry = ['c', 'TJ03A-20261126-0001M', '钱多多', '130102198807070011'];

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
    index.apply([['a', 'BJ01A-20261125-0001K', '孙书宁', '120104199001011234']]);
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
    const many: CaseKeyEntry[] = Array.from({ length: 12 }, (_, i) => [`id${i}`, `SJZ0${i % 3}A-20261201-${String(i).padStart(4, '0')}X`, `李${i}`, `13010219900101${String(i).padStart(4, '0')}`]);
    index.apply(many);
    index.apply([['id3'], ['id7']]);
    const chunks = index.chunks(4);
    expect(chunks.map((ch) => ch.length)).toEqual([4, 4, 2]);
    const again = new CaseKeyIndex();
    for (const chunk of chunks) again.apply(chunk);
    expect(again.size).toBe(10);
    for (const q of ['SJZ00A', 'SJZ01A', '李1', '130102199001010011']) expect(find(again, q)).toEqual(find(index, q));
    expect(find(again, 'SJZ00A-20261201-0003')).toEqual([]);
  });

  it('finds what a pass over the latest entries finds, after any records (fast-check)', () => {
    // Up to 14 characters: past the buckets' lengths (5 for case numbers, 12 for ID numbers), so
    // both ways of looking up a prefix are taken, in one bucket and across the buckets.
    const word = fc.string({ unit: fc.constantFrom('A', '1', '赵', '-'), maxLength: 14 });
    const entry = fc.oneof(
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), word, word, word),
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
    ) as fc.Arbitrary<CaseKeyEntry>;
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 6 }), { maxLength: 6 }), fc.array(word.filter((w) => w !== ''), { minLength: 1, maxLength: 6 }), (records, queries) => {
        const index = new CaseKeyIndex();
        const latest = new Map<string, CaseKeyEntry>();
        for (const r of records) {
          index.apply(r);
          for (const e of r) if (e.length === 1) latest.delete(e[0]);
          else latest.set(e[0], e);
        }
        expect(index.size).toBe(latest.size);
        for (const q of queries) {
          const keys = { caseNo: q, name: q, idNumbers: [q] };
          const want = [...latest.values()].filter((e) => e.length === 4 && (e[1].startsWith(q) || e[2].startsWith(q) || e[3].startsWith(q))).map((e) => e[0]).sort();
          expect([...index.search(keys)].sort()).toEqual(want);
        }
      }),
    );
  });
});
