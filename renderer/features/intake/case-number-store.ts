// The device's daily case count in db().meta, one key per Beijing day, counted up inside one Dexie
// transaction so two quick accepts never share a number; with it, the case number made offline.
import { beijingDate, makeCaseNumber } from '../../../shared/case-number';
import type { Result } from '../../../shared/result';
import { db } from '../../data/db';

const PREFIX = 'caseCount:';

export async function nextDailyCount(deviceCode: string, at: Date): Promise<number> {
  const key = `${PREFIX}${deviceCode}:${beijingDate(at)}`;
  const d = db();
  return d.transaction('rw', d.meta, async () => {
    // Earlier days' counters (any other key of the prefix) are never needed again: removed while
    // today's is read, as two key ranges (a request each; a filter would walk a cursor).
    const others = [d.meta.where('key').between(PREFIX, key, true, false).delete(), d.meta.where('key').between(key, `${PREFIX}\uffff`, false, true).delete()];
    const [today] = await Promise.all([d.meta.get(key), ...others]);
    const next = ((today?.value as number | undefined) ?? 0) + 1;
    // Not waited for: the transaction carries it out before anything asked after it, and a failure
    // aborts the transaction (Dexie's rule for a request nobody catches), the caller's with it.
    void d.meta.put({ key, value: next });
    return next;
  });
}

export async function nextCaseNumber(deviceCode: string, at: Date): Promise<Result<string>> {
  return makeCaseNumber({ deviceCode, at, dailyCount: await nextDailyCount(deviceCode, at) });
}
