// MemorySyncStorage keeps the SyncStorage contract: gapless deviceSeq, ordered pending, settled
// answers never overwritten, pulled events applied once together with their cursor.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Event, StoredEvent } from '../../../../shared/protocol/events';
import { MemorySyncStorage } from '../../../../shared/sync/memory-storage';
import type { UnsequencedEvent } from '../../../../shared/sync/storage';
import { TJ_DEVICE, noteDraft } from './fake-hub';

const unsequenced = (caseId = uuidv7()): UnsequencedEvent =>
  ({ ...noteDraft(caseId, 'TJ'), id: uuidv7(), deviceId: TJ_DEVICE.deviceId }) as UnsequencedEvent;

const stored = (event: Event, hubSeq: number): StoredEvent => ({
  ...event,
  hubSeq,
  receivedAt: '2026-11-25T01:00:00.000Z',
});

describe('MemorySyncStorage', () => {
  it('gives deviceSeq 1, 2, 3… even to concurrent appends, and lists pending in that order', async () => {
    const s = new MemorySyncStorage();
    const events = await Promise.all(Array.from({ length: 20 }, () => s.append(unsequenced())));
    expect(events.map((e) => e.deviceSeq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await s.pending(5)).map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
    expect((await s.counts()).pending).toBe(20);
  });

  it('refuses an id it already holds', async () => {
    const s = new MemorySyncStorage();
    const e = unsequenced();
    await s.append(e);
    await expect(s.append(e)).rejects.toThrow();
    expect((await s.counts()).pending).toBe(1);
  });

  it('keeps a refused event, marked, and never lets a later answer overwrite a settled one', async () => {
    const s = new MemorySyncStorage();
    const a = await s.append(unsequenced());
    const b = await s.append(unsequenced());
    const reason = { code: 'INVALID_TRANSITION', message: 'no' };
    await s.recordPushOutcomes([
      { id: a.id, status: 'accepted', hubSeq: 7 },
      { id: b.id, status: 'rejected', reason },
    ]);
    await s.recordPushOutcomes([
      { id: a.id, status: 'rejected', reason },
      { id: b.id, status: 'accepted', hubSeq: 9 },
    ]);
    expect(s.outbox().map((e) => [e.event.deviceSeq, e.state, e.hubSeq, e.reason?.code])).toEqual([
      [1, 'accepted', 7, undefined],
      [2, 'rejected', undefined, 'INVALID_TRANSITION'],
    ]);
    expect(await s.refused()).toEqual([{ event: b, reason }]);
    expect(await s.counts()).toEqual({ pending: 0, refused: 1 });
    expect(await s.pending(10)).toEqual([]);
  });

  it('applies a pulled event once, moves the cursor with it, and settles an own pending event it sees', async () => {
    const s = new MemorySyncStorage();
    const own = await s.append(unsequenced());
    const other = { ...own, id: uuidv7(), deviceId: 'hub', deviceSeq: 1 } as Event;
    expect(await s.applyPulled([stored(other, 1), stored(own, 2)], 2)).toBe(2);
    expect(await s.applyPulled([stored(other, 1), stored(own, 2)], 2)).toBe(0);
    expect(s.feed().map((e) => e.hubSeq)).toEqual([1, 2]);
    expect(await s.getCursor()).toBe(2);
    expect(s.outbox()[0]).toMatchObject({ state: 'accepted', hubSeq: 2 });
  });

  it('changes nothing when asked to store a bad cursor', async () => {
    const s = new MemorySyncStorage();
    const e = { ...unsequenced(), deviceSeq: 1 } as Event;
    await expect(s.applyPulled([stored(e, 1)], -1)).rejects.toThrow();
    expect(s.feed()).toEqual([]);
    expect(await s.getCursor()).toBe(0);
  });

  it('hands out copies, so a caller cannot change what is stored', async () => {
    const s = new MemorySyncStorage();
    const e = await s.append(unsequenced());
    (e.payload as { text: string }).text = 'changed';
    const [again] = await s.pending(1);
    expect((again?.payload as { text: string }).text).not.toBe('changed');
  });
});
