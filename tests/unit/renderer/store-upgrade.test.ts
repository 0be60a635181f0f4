// The counter's store upgrading to version 4 (renderer/data/db.ts), over fake-indexeddb (an
// implementation of IndexedDB in Node; the real browser's runs in the e2e tests): a store of
// version 3, with case rows and the search-key log as version 3 wrote it, opens with the list log
// rewritten from the rows (what the list filters and orders by, besides the search keys), the
// epoch moved so a reader starts over, and the case list's indexes gone.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_KEYS_EPOCH, STORES, TongbanDB, type CaseKeyRecord, type CaseRow } from '../../../renderer/data/db';

const NAME = 'tongban-upgrade-test';

/** The store as version 3 declared it. */
function versionThree(): Dexie {
  const d = new Dexie(NAME);
  d.version(1).stores(STORES[1]);
  d.version(2).stores(STORES[2]);
  d.version(3).stores(STORES[3]);
  return d;
}

function row(i: number, state: string): CaseRow {
  return {
    caseId: `case-${i}`,
    caseNo: `BJ01A-20261201-000${i}K`,
    state,
    itemCode: 'GJJ-001',
    itemName: '住房公积金缴存证明',
    applicantName: `李${i}`,
    idNumber: `11010519900101000${i}`,
    intakeHallId: 'BJ',
    homeHallId: i % 2 ? 'TJ' : 'BJ',
    deliveryHallId: 'BJ',
    receivedAt: `2026-12-01T0${i}:00:00.000Z`,
    updatedAt: `2026-12-01T0${i}:30:00.000Z`,
    pending: 0,
    hubSeq: i,
    view: {} as CaseRow['view'],
  };
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('the store, version 3 to 4', () => {
  it('rewrites the list log from the case rows, moves the epoch and drops the list indexes', async () => {
    const old = versionThree();
    await old.open();
    const rows = [row(1, 'received'), row(2, 'printed'), row(3, 'in_review')];
    await old.table('cases').bulkPut(rows);
    // The search keys as version 3 logged them: four fields, and a record per write.
    await old.table('caseKeys').bulkAdd(rows.map((r) => ({ entries: [[r.caseId, r.caseNo, r.applicantName, r.idNumber]] })));
    old.close();

    const d = new TongbanDB(NAME);
    await d.open();
    const log: CaseKeyRecord[] = await d.caseKeys.toArray();
    expect(log.flatMap((r) => r.entries)).toEqual(
      rows.map((r) => [r.caseId, r.caseNo, r.applicantName, r.idNumber, r.state, r.itemCode, r.intakeHallId, r.homeHallId, r.deliveryHallId, r.receivedAt]),
    );
    expect((await d.meta.get(CASE_KEYS_EPOCH))?.value).toBe(1);
    const indexes = d.backendDB().transaction('cases').objectStore('cases').indexNames;
    expect([...indexes].sort()).toEqual(['[deliveryHallId+state]', '[homeHallId+state+due]', '[intakeHallId+state]', 'attention', 'caseNo', 'due'].sort());
    // The rows themselves are as they were, and the kept indexes still find them.
    expect(await d.cases.where('caseNo').equals(rows[1]!.caseNo).first()).toEqual(rows[1]);
    expect(await d.cases.where('[intakeHallId+state]').equals(['BJ', 'in_review']).primaryKeys()).toEqual(['case-3']);
    d.close();
  });

  it('opens a new store at version 4 with an empty log at epoch 0', async () => {
    const d = new TongbanDB(NAME);
    await d.open();
    expect(d.verno).toBe(4);
    expect(await d.caseKeys.count()).toBe(0);
    expect(await d.meta.get(CASE_KEYS_EPOCH)).toBeUndefined();
    d.close();
  });
});
