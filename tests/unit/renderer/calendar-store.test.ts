// Storing the hub's calendar on the counter (renderer/data/catalog-store.ts, storeCalendar), over
// fake-indexeddb (an IndexedDB implementation in Node): the years are stored, and the open cases'
// promised-date keys move with the new schedule in the same transaction, found through the index
// that version 4 kept (`due`); a decided case is left as it is.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { dueKey, UNKNOWN_DUE } from '../../../renderer/data/case-due';
import { storeCalendar } from '../../../renderer/data/catalog-store';
import { TongbanDB, type CaseRow } from '../../../renderer/data/db';

const NAME = 'tongban-calendar-test';
const year = (y: number) => calendarYearSchema.parse(JSON.parse(readFileSync(new URL(`../../../resources/calendar/${y}.json`, import.meta.url), 'utf8')));

function row(caseId: string, state: string, due: string | undefined): CaseRow {
  const view = { state, receivedAt: '2026-09-28T02:00:00.000Z', promisedDays: 5, pauses: [] } as unknown as CaseRow['view'];
  return {
    caseId,
    caseNo: `BJ01A-20260928-000${caseId}K`,
    state,
    itemCode: 'GJJ-001',
    itemName: '住房公积金缴存证明',
    applicantName: '李四',
    idNumber: '110105199001010011',
    intakeHallId: 'BJ',
    homeHallId: 'TJ',
    deliveryHallId: 'BJ',
    receivedAt: '2026-09-28T02:00:00.000Z',
    updatedAt: '2026-09-28T02:00:00.000Z',
    pending: 0,
    hubSeq: 1,
    ...(due === undefined ? {} : { due }),
    view,
  };
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('storeCalendar', () => {
  it('stores the years and re-keys the open cases, not the decided ones', async () => {
    const d = new TongbanDB(NAME);
    await d.cases.bulkPut([row('1', 'received', UNKNOWN_DUE), row('2', 'printed', undefined)]);
    await storeCalendar(d, [year(2026)]);
    expect((await d.calendar.toArray()).map((y) => y.year)).toEqual([2026]);
    const open = await d.cases.get('1');
    // Five working days from Monday 28 September 2026 run past the National Day holiday.
    const want = dueKey(open!.view, new WorkingCalendar([year(2026)]), undefined);
    expect(want).toMatch(/^2026-10-\d\d$/);
    expect(open!.due).toBe(want);
    expect(await d.cases.get('2')).toEqual(row('2', 'printed', undefined));
    // The same years again change nothing; the open case is found by its key.
    await storeCalendar(d, [year(2026)]);
    expect((await d.cases.where('due').equals(want!).primaryKeys())).toEqual(['1']);
    d.close();
  });
});
