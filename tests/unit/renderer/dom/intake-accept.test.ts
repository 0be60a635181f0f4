// Accepting a case (renderer/features/intake/accept-intake.ts) over fake-indexeddb (an IndexedDB
// implementation in Node): the day's case number, the `case.received` event in the outbox, the case's
// row and the draft's removal land in one transaction. When the outbox refuses the event, or no case
// number can be made, none of it does: the draft stays to be offered again, and the day's count is
// not used up.
// The sync worker is not started here: the acceptance's call to it (kickSync) has no worker to tell.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import catalogJson from '../../../../resources/catalog/catalog.json';
import { parseCatalog, type Item } from '../../../../shared/catalog/item-schema';
import { db, setMeta, type DeviceIdentity } from '../../../../renderer/data/db';
import type { Session } from '../../../../renderer/data/session';
import { acceptIntake } from '../../../../renderer/features/intake/accept-intake';
import { saveDraft } from '../../../../renderer/features/intake/drafts';
import { emptyValues, type IntakeValues } from '../../../../renderer/features/intake/intake-values';

const catalog = parseCatalog(catalogJson);
if (!catalog.ok) throw new Error(catalog.error.message);
const nurse: Item = catalog.value.items.find((i) => i.code === 'XK00101001-BJ')!;

const device: DeviceIdentity = {
  deviceId: '0192f3a4-5b6c-7d8e-9f00-112233445566',
  deviceCode: 'TJ03A',
  hallId: 'TJ',
  counterNo: 3,
  scope: 'hall',
  hubUrl: 'http://127.0.0.1:5999',
  deviceName: '天津 3 号窗口',
  enrolledAt: '2026-11-25T01:00:00.000Z',
} as DeviceIdentity;
const session: Session = { staff: { staffId: 'tj-clerk', name: '李静', hallId: 'TJ', roles: ['clerk'] }, mode: 'offline', startedAt: Date.now() };

function completeNurse(): IntakeValues {
  const v = emptyValues(nurse, 'TJ');
  v.applicant = { kind: 'person', name: '张晓梅', idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678' };
  v.form = { practiceOrg: '北京协和医院', practiceOrgUscc: '91350100M000100Y43', examPassDate: '2025-06-30', education: '本科', orgPhone: '' };
  v.materials = v.materials.map((m) => ({ ...m, provided: 'original' }));
  return v;
}

const CASE_ID = '0192f3a4-5b6c-7d8e-9f00-aabbccddeeff';
const dayCounts = async () => (await db().meta.toArray()).filter((r) => r.key.startsWith('caseCount:'));

beforeEach(async () => {
  await setMeta('device', device);
  await saveDraft(CASE_ID, nurse.code, completeNurse());
});

afterEach(async () => {
  db().close();
  await db().delete();
  await db().open();
});

describe('accepting a case', () => {
  it('stores the event, the case and the day’s count, and removes the draft, together', async () => {
    const r = await acceptIntake({ caseId: CASE_ID, item: nurse, values: completeNurse(), device, session });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.caseNo).toMatch(/^TJ03A-\d{8}-0001[0-9A-Z]$/);
    const outbox = await db().outbox.toArray();
    expect(outbox.map((o) => [o.caseId, o.event.type, o.state, o.deviceSeq])).toEqual([[CASE_ID, 'case.received', 'pending', 1]]);
    expect((await db().cases.get(CASE_ID))?.caseNo).toBe(r.value.caseNo);
    expect(await db().drafts.get(CASE_ID)).toBeUndefined();
    expect((await dayCounts()).map((c) => c.value)).toEqual([1]);
  });

  it('counts on from today’s count and removes the earlier days’ counts, whichever device’s', async () => {
    await db().meta.bulkPut([
      { key: 'caseCount:AA01A:2026-01-01', value: 9 },
      { key: 'caseCount:ZZ99Z:2030-12-31', value: 9 },
      { key: 'caseCountless', value: 'not a count' },
    ]);
    const first = await acceptIntake({ caseId: CASE_ID, item: nurse, values: completeNurse(), device, session });
    const second = await acceptIntake({ caseId: '0192f3a4-5b6c-7d8e-9f00-aabbccddee00', item: nurse, values: completeNurse(), device, session });
    if (!first.ok || !second.ok) throw new Error('not accepted');
    expect(second.value.caseNo.slice(0, -1)).toBe(`${first.value.caseNo.slice(0, -5)}0002`);
    expect((await dayCounts()).map((c) => c.value)).toEqual([2]);
    expect(await db().meta.get('caseCountless')).toBeDefined();
    expect((await db().outbox.toArray()).map((o) => o.deviceSeq)).toEqual([1, 2]);
  });

  it('leaves the draft and the day’s count as they were when the outbox refuses the event', async () => {
    // The store no longer knows the device (the outbox needs its id): the append is refused.
    await db().meta.delete('device');
    const r = await acceptIntake({ caseId: CASE_ID, item: nurse, values: completeNurse(), device, session });
    expect(r.ok ? null : r.error.code).toBe('DEVICE_UNKNOWN');
    expect(await db().outbox.count()).toBe(0);
    expect(await db().cases.get(CASE_ID)).toBeUndefined();
    expect(await db().drafts.get(CASE_ID)).toBeDefined();
    expect(await dayCounts()).toEqual([]);
  });

  it('undoes the acceptance when the day’s count cannot be written', async () => {
    // The count's write is sent and waited for with the event's requests: its failure must reach the transaction.
    const put = vi.spyOn(db().meta, 'put').mockImplementationOnce(() => Dexie.Promise.reject(new Error('磁盘已满')) as never);
    await expect(acceptIntake({ caseId: CASE_ID, item: nurse, values: completeNurse(), device, session })).rejects.toThrow('磁盘已满');
    put.mockRestore();
    expect(await db().outbox.count()).toBe(0);
    expect(await db().cases.get(CASE_ID)).toBeUndefined();
    expect(await db().drafts.get(CASE_ID)).toBeDefined();
    expect(await dayCounts()).toEqual([]);
  });

  it('leaves everything as it was when no case number can be made', async () => {
    const r = await acceptIntake({ caseId: CASE_ID, item: nurse, values: completeNurse(), device: { ...device, deviceCode: 'not-a-code' }, session });
    expect(r.ok).toBe(false);
    expect(await db().outbox.count()).toBe(0);
    expect(await db().drafts.get(CASE_ID)).toBeDefined();
    expect(await dayCounts()).toEqual([]);
  });
});
