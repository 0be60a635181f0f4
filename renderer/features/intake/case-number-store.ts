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
    // Earlier days' counters are never needed again: removed while today's is read.
    const [today] = await Promise.all([d.meta.get(key), d.meta.where('key').startsWith(PREFIX).and((row) => row.key !== key).delete()]);
    const next = ((today?.value as number | undefined) ?? 0) + 1;
    await d.meta.put({ key, value: next });
    return next;
  });
}

export async function nextCaseNumber(deviceCode: string, at: Date): Promise<Result<string>> {
  return makeCaseNumber({ deviceCode, at, dailyCount: await nextDailyCount(deviceCode, at) });
}
