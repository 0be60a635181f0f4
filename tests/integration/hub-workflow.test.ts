// The hub's side of the cross-region workflow, on SQLite and PostgreSQL: the handover rule the
// counters apply is enforced on push too, and the staff directory names who acted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollCode } from '../../hub/domain/devices';
import { addStaff } from '../../hub/domain/staff';
import type { Hub } from '../../hub/server';
import { TestDevice } from '../support/device';
import { freshStore, inProcessHub, STORES, type StoreTarget } from '../support/hub-process';

const PW = 'correct-horse-9';

describe.each(STORES)('hub workflow on %s', (kind) => {
  let target: StoreTarget;
  let hub: Hub;
  const staff: Record<string, string> = {};
  const device = async (hallId: string, counterNo: number) => {
    const d = await TestDevice.enroll(hub.url, (await createEnrollCode(hub.store.db, { hallId, counterNo, scope: 'hall' })).code);
    await d.connect();
    return d;
  };

  beforeAll(async () => {
    target = await freshStore(kind);
    hub = await inProcessHub(target);
    for (const [username, name, hallId, role] of [
      ['tj-clerk', '李静', 'TJ', 'clerk'],
      ['bj-reviewer', '张伟', 'BJ', 'reviewer'],
    ] as const) {
      staff[username] = (await addStaff(hub.store.db, { username, name, hallId, roles: [role], password: PW })).staffId;
    }
  });
  afterAll(async () => {
    await hub?.close();
    await target?.cleanup();
  });

  it('refuses a handover to someone other than the holder without an authorization', async () => {
    const tj = await device('TJ', 1);
    const bj = await device('BJ', 1);
    try {
      const received = tj.received(staff['tj-clerk']!, { itemCode: 'GG00408001-BJ', homeHallId: 'BJ' });
      await tj.push([received]);
      await bj.push([bj.event('case.review_started', received.caseId, {}, staff['bj-reviewer']!), bj.event('case.approved', received.caseId, { note: '' }, staff['bj-reviewer']!)]);
      const issued = (await tj.pullAll()).events.find((e) => e.type === 'certificate.issued' && e.caseId === received.caseId);
      if (issued?.type !== 'certificate.issued') throw new Error('no certificate');
      const certificateId = issued.payload.certificate.certificateId;
      const clerk = staff['tj-clerk']!;
      expect((await tj.push([tj.event('case.printed', received.caseId, { certificateId, copies: 1 }, clerk)])).results[0]!.status).toBe('accepted');

      const stranger = { name: '李建民', idNumber: '130102199001011237' };
      const refused = await tj.push([tj.event('case.delivered', received.caseId, { certificateId, recipient: stranger }, clerk)]);
      expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_TRANSITION', message: '领取人不是持证人本人：须核验并登记授权委托书后方可交付' } });
      const authorized = await tj.push([tj.event('case.delivered', received.caseId, { certificateId, recipient: stranger, authorization: '持证人签署的授权委托书' }, clerk)]);
      expect(authorized.results[0]!.status).toBe('accepted');
    } finally {
      tj.close();
      bj.close();
    }
  });

  it('serves the staff directory to enrolled devices only, without credentials', async () => {
    const tj = await device('TJ', 2);
    try {
      const res = await tj.request('GET', '/api/v1/staff');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { staff: Record<string, unknown>[] };
      expect(body.staff).toEqual(
        expect.arrayContaining([
          { staffId: staff['bj-reviewer'], name: '张伟', hallId: 'BJ', roles: ['reviewer'] },
          { staffId: staff['tj-clerk'], name: '李静', hallId: 'TJ', roles: ['clerk'] },
        ]),
      );
      expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
      const anonymous = await fetch(`${hub.url}/api/v1/staff`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('DEVICE_UNKNOWN');
    } finally {
      tj.close();
    }
  });
});
