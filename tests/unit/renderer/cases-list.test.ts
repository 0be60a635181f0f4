// The case list's pure parts: what the search box looks up, how filter sets combine and keep the
// newest-first order, which rows a virtual window reads and draws, and where the keys move.
import { describe, expect, it } from 'vitest';
import { hasIndexFilter, intersect, isFiltered, keepOrdered, NO_FILTERS, parseHallFilter, searchPrefixes } from '../../../renderer/features/cases/case-filters';
import { drawRange, isNavKey, moveSelection, scrollToShow, windowRange, WINDOW_BLOCK } from '../../../renderer/features/cases/list-window';
import { keepUnchanged, sameListItem, type CaseListItem } from '../../../renderer/features/cases/list-item';

describe('searchPrefixes', () => {
  it('upper-cases case and ID numbers, keeps names as typed, trims and folds full-width input', () => {
    expect(searchPrefixes('  tj03a-20261125 ')).toEqual({ caseNo: 'TJ03A-20261125', name: 'tj03a-20261125', idNumbers: ['tj03a-20261125', 'TJ03A-20261125'] });
    expect(searchPrefixes('李静')).toEqual({ caseNo: '李静', name: '李静', idNumbers: ['李静'] });
    expect(searchPrefixes('11010519491231002x')?.idNumbers).toEqual(['11010519491231002x', '11010519491231002X']);
    expect(searchPrefixes('１１０１０５')?.idNumbers).toEqual(['110105']);
    expect(searchPrefixes('1101 0519')?.idNumbers).toEqual(['11010519']);
    expect(searchPrefixes('   ')).toBeNull();
  });
});

describe('filters', () => {
  it('reads a hall filter and refuses anything else', () => {
    expect(parseHallFilter('home:BJ')).toEqual({ role: 'home', hallId: 'BJ' });
    expect(parseHallFilter('delivery:SJZ')).toEqual({ role: 'delivery', hallId: 'SJZ' });
    expect(parseHallFilter('owner:BJ')).toBeNull();
    expect(parseHallFilter('home:bj')).toBeNull();
    expect(parseHallFilter(null)).toBeNull();
  });

  it('tells index filters from the deadline filter', () => {
    expect(hasIndexFilter(NO_FILTERS)).toBe(false);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(hasIndexFilter({ ...NO_FILTERS, search: ' ' })).toBe(false);
    expect(hasIndexFilter({ ...NO_FILTERS, states: ['received'] })).toBe(true);
    expect(hasIndexFilter({ ...NO_FILTERS, deadline: 'overdue' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, deadline: 'overdue' })).toBe(true);
  });

  it('intersects sets, null meaning everything', () => {
    expect(intersect([])).toBeNull();
    expect(intersect([null, null])).toBeNull();
    expect([...intersect([new Set(['a', 'b', 'c']), null, new Set(['c', 'a', 'z'])])!].sort()).toEqual(['a', 'c']);
    expect(intersect([new Set(['a']), new Set()])!.size).toBe(0);
  });

  it('keeps the newest-first order of the index, whatever order the set was built in', () => {
    const ordered = ['e', 'd', 'c', 'b', 'a'];
    expect(keepOrdered(ordered, new Set(['a', 'd', 'x']))).toEqual(['d', 'a']);
    expect(keepOrdered(ordered, null)).toBe(ordered);
  });
});

describe('the virtual window', () => {
  it('reads whole blocks around the view, within the list', () => {
    expect(windowRange(0, 15, 200_000)).toEqual([0, 2 * WINDOW_BLOCK]);
    expect(windowRange(120, 15, 200_000)).toEqual([50, 200]);
    expect(windowRange(199_990, 15, 200_000)).toEqual([199_900, 200_000]);
    expect(windowRange(0, 15, 3)).toEqual([0, 3]);
    expect(windowRange(0, 15, 0)).toEqual([0, 0]);
    // Scrolling inside a block reads nothing new.
    expect(windowRange(101, 15, 200_000)).toEqual(windowRange(120, 15, 200_000));
  });

  it('draws the rows in view and a few beyond, never 200,000', () => {
    expect(drawRange(0, 440, 44, 200_000)).toEqual([0, 18]);
    const [from, to] = drawRange(44 * 150_000, 440, 44, 200_000);
    expect([from, to]).toEqual([149_992, 150_018]);
    expect(drawRange(44 * 199_995, 440, 44, 200_000)[1]).toBe(200_000);
  });

  it('moves the selection with the keys and stops at the ends', () => {
    expect(isNavKey('ArrowDown')).toBe(true);
    expect(isNavKey('Enter')).toBe(false);
    expect(moveSelection('ArrowDown', 0, 3, 10)).toBe(1);
    expect(moveSelection('ArrowDown', 2, 3, 10)).toBe(2);
    expect(moveSelection('ArrowUp', 0, 3, 10)).toBe(0);
    expect(moveSelection('PageDown', 0, 100, 10)).toBe(9);
    expect(moveSelection('PageUp', 5, 100, 10)).toBe(0);
    expect(moveSelection('End', 0, 100, 10)).toBe(99);
    expect(moveSelection('Home', 50, 100, 10)).toBe(0);
    expect(moveSelection('ArrowDown', 0, 0, 10)).toBe(0);
  });

  it('scrolls just enough to show the selected row', () => {
    expect(scrollToShow(0, 0, 440, 44)).toBe(0);
    expect(scrollToShow(9, 0, 440, 44)).toBe(0);
    expect(scrollToShow(10, 0, 440, 44)).toBe(44);
    expect(scrollToShow(3, 440, 440, 44)).toBe(132);
    expect(scrollToShow(12, 440, 440, 44)).toBe(440);
  });
});

describe('keepUnchanged (the rows on screen draw again only where a case changed)', () => {
  const line = (caseId: string, over: Partial<CaseListItem> = {}): CaseListItem => ({
    caseId,
    caseNo: `BJ01A-20261201-000${caseId}K`,
    applicantName: '李四',
    idMasked: '110105**********1X',
    itemName: '住房公积金缴存证明',
    state: 'received',
    intakeHallId: 'BJ',
    homeHallId: 'TJ',
    deliveryHallId: 'BJ',
    receivedAt: '2026-12-01T02:00:00.000Z',
    pending: 0,
    deadline: { dueDate: '2026-12-08', provisional: false, paused: false, remaining: 3, risk: 'ok' },
    ...over,
  });

  it('gives back the earlier map when every line reads the same, in new objects', () => {
    const before = new Map([['1', line('1')], ['2', line('2')]]);
    expect(keepUnchanged(before, new Map([['1', line('1')], ['2', line('2')]]))).toBe(before);
  });

  it('keeps the unchanged lines’ objects and takes the changed ones, the deadline field by field', () => {
    const before = new Map([['1', line('1')], ['2', line('2')], ['3', line('3')]]);
    const after = new Map([
      ['1', line('1')],
      ['2', line('2', { pending: 1 })],
      ['3', line('3', { deadline: { dueDate: '2026-12-08', provisional: false, paused: false, remaining: 2, risk: 'at_risk' } })],
      ['4', line('4')],
    ]);
    const kept = keepUnchanged(before, after);
    expect(kept).not.toBe(before);
    expect(kept.get('1')).toBe(before.get('1'));
    expect(kept.get('2')).toBe(after.get('2'));
    expect(kept.get('3')).toBe(after.get('3'));
    expect(kept.get('4')).toBe(after.get('4'));
    // A line gone is a change too.
    expect(keepUnchanged(before, new Map([['1', line('1')]]))).not.toBe(before);
    expect(sameListItem(line('1', { deadline: null }), line('1', { deadline: null }))).toBe(true);
    expect(sameListItem(line('1', { deadline: null }), line('1'))).toBe(false);
  });
});
