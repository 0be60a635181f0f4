// Group commit: several pushes in one transaction are each answered exactly as if alone — in
// order, per device, across devices touching the same case — and a push of an unknown device
// in the batch harms no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningKeys } from '../../hub/domain/authority-keys';
import { CatalogService } from '../../hub/domain/catalog';
import { createEnrollCode } from '../../hub/domain/devices';
import { addStaff, Principals } from '../../hub/domain/staff';
import type { Hub } from '../../hub/server';
import { ingestBatch, type IngestDeps, type IngestDevice } from '../../hub/sync/ingest';
import { IngestQueue } from '../../hub/sync/ingest-queue';
import { TestDevice } from '../support/device';
import { freshStore, inProcessHub, STORES, type StoreTarget } from '../support/hub-process';

describe.each(STORES)('group commit on %s', (kind) => {
  let target: StoreTarget;
  let hub: Hub;
  let deps: IngestDeps;
  let clerk: string;
  const devices: { test: TestDevice; row: IngestDevice }[] = [];

  beforeAll(async () => {
    target = await freshStore(kind);
    hub = await inProcessHub(target);
    const db = hub.store.db;
    deps = { db, native: hub.store.native, principals: new Principals(db), catalog: new CatalogService(db), keys: new SigningKeys(db), clock: { now: () => Date.now() } };
    clerk = (await addStaff(db, { username: 'tj-gc', name: '组提交', hallId: 'TJ', roles: ['clerk'], password: 'password-gc' })).staffId;
    for (const counterNo of [41, 42]) {
      const test = await TestDevice.enroll(hub.url, (await createEnrollCode(db, { hallId: 'TJ', counterNo, scope: 'hall' })).code);
      devices.push({ test, row: { device_id: test.id, device_code: test.info.deviceCode, hall_id: 'TJ', scope: 'hall' } });
    }
  });
  afterAll(async () => {
    await hub?.close();
    await target?.cleanup();
  });

  it('answers each push of one transaction as if it had been alone', async () => {
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const rec = a.test.received(clerk, { itemCode: 'GG00406001-BJ', homeHallId: 'BJ' });
    const noteA = a.test.event('case.note_added', rec.caseId, { text: '甲' }, clerk);
    const noteB = b.test.event('case.note_added', rec.caseId, { text: '乙' }, clerk);
    const gap = { ...b.test.event('case.note_added', rec.caseId, { text: '跳号' }, clerk), deviceSeq: 9 };
    b.test.seq -= 1; // the gap used no seq at the hub, so the device's next event takes the one it skipped
    const { outcomes } = await ingestBatch(deps, [
      { device: a.row, raw: [rec] },
      { device: b.row, raw: [noteB] }, // device B notes a case device A received earlier in this same batch
      { device: a.row, raw: [noteA, rec] }, // A's second push, with a replay of its first event
      { device: b.row, raw: [gap] },
    ]);
    expect(outcomes.map((o) => o.results.map((r) => r.reason?.code ?? r.status))).toEqual([['accepted'], ['accepted'], ['accepted', 'duplicate'], ['SEQ_GAP']]);
    const seqs = outcomes.flatMap((o) => o.results).filter((r) => r.status === 'accepted').map((r) => r.hubSeq!);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(outcomes[2]!.results[1]!.hubSeq).toBe(outcomes[0]!.results[0]!.hubSeq);
  });

  it('the queue batches concurrent pushes of several devices, each answered on its own', async () => {
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const commits: number[] = [];
    const queue = new IngestQueue(deps, (heads) => commits.push(heads.get('region') ?? 0));
    const recA = a.test.received(clerk, { itemCode: 'GG00406001-BJ', homeHallId: 'BJ' });
    const recB = b.test.received(clerk, { itemCode: 'GG00406001-BJ', homeHallId: 'BJ' });
    // A push from a device the store does not know, in the same batch: refused whole (as a revoked
    // device's is, checked inside the transaction), and nobody else is.
    const ghost: IngestDevice = { device_id: '0193b1c2-0000-7000-8000-00000000dead', device_code: 'TJ99Z', hall_id: 'TJ', scope: 'hall' };
    const answers = await Promise.allSettled([
      queue.submit({ device: a.row, raw: [recA] }),
      queue.submit({ device: ghost, raw: [{ ...recB, deviceId: ghost.device_id }] }),
      queue.submit({ device: b.row, raw: [recB] }),
    ]);
    expect(answers[0]).toMatchObject({ status: 'fulfilled', value: { results: [{ status: 'accepted' }] } });
    expect(answers[1]).toMatchObject({ status: 'fulfilled', value: { results: [], error: { code: 'DEVICE_REVOKED' } } });
    expect(answers[2]).toMatchObject({ status: 'fulfilled', value: { results: [{ status: 'accepted' }] } });
    // All three waited for one transaction: a single commit announced the new head.
    expect(commits).toHaveLength(1);
  });

  it('when one push breaks the batch\'s transaction, each push is stored alone and answered as if alone', async () => {
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const commits: number[] = [];
    const queue = new IngestQueue(deps, (heads) => commits.push(heads.get('region') ?? 0));
    const recA = a.test.received(clerk, { itemCode: 'GG00406001-BJ', homeHallId: 'BJ' });
    // Device B sends an event under A's event id, in the same batch: both look new to the store,
    // so the transaction fails on the unique id when it writes them — the queue's fallback path.
    const clash = { ...b.test.received(clerk, { itemCode: 'GG00406001-BJ', homeHallId: 'BJ' }), id: recA.id };
    const noteA = a.test.event('case.note_added', recA.caseId, { text: '同一批次' }, clerk);
    const answers = await Promise.all([
      queue.submit({ device: a.row, raw: [recA] }),
      queue.submit({ device: b.row, raw: [clash] }),
      queue.submit({ device: a.row, raw: [noteA] }),
    ]);
    expect(answers.map((x) => x.results.map((r) => r.reason?.code ?? r.status))).toEqual([['accepted'], ['INVALID_EVENT'], ['accepted']]);
    expect(answers[1]!.results[0]!.reason!.message).toBe('事件 id 已被其他设备使用');
    // Stored one by one: A's two pushes committed apart (B's refusal grew no feed, so no poke).
    expect(commits).toHaveLength(2);
    expect(commits[1]).toBeGreaterThan(commits[0]!);
    // B's refusal used its seq up, so a replay gets the same answer and its next event goes on.
    const again = await ingestBatch(deps, [{ device: b.row, raw: [clash] }]);
    expect(again.outcomes[0]!.results[0]!.reason?.code).toBe('INVALID_EVENT');
  });
});
