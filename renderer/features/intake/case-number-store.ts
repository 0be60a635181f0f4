// The device's daily case count in db().meta, one key per Beijing day, counted up inside the
// acceptance's Dexie transaction so two quick accepts never share a number; with it, the case
// number made offline.
import { beijingDate, makeCaseNumber } from '../../../shared/case-number';
import type { Result } from '../../../shared/result';
import { db } from '../../data/db';

const PREFIX = 'caseCount:';

/** The next case number, and the write of the day's count that it takes. */
export interface CaseNumber {
  caseNo: Result<string>;
  /**
   * The day's count written (and earlier days' removed): sent, not yet done. The caller waits for it
   * with its own next requests, inside the same transaction: its failure must reach the transaction
   * (Dexie does not abort one for a request inside an async scope that nobody waits for).
   */
  written: Promise<unknown>;
}

/** Inside the caller's read-write transaction when there is one (it must hold db().meta). */
export async function nextCaseNumber(deviceCode: string, at: Date): Promise<CaseNumber> {
  const key = `${PREFIX}${deviceCode}:${beijingDate(at)}`;
  const d = db();
  return d.transaction('rw', d.meta, async () => {
    // Today's count and every count's key in one round; earlier days' counts are never needed again.
    const [today, keys] = await Promise.all([d.meta.get(key), d.meta.where('key').startsWith(PREFIX).primaryKeys()]);
    const next = ((today?.value as number | undefined) ?? 0) + 1;
    const others = keys.filter((k) => k !== key);
    const written = Promise.all([d.meta.put({ key, value: next }), others.length ? d.meta.bulkDelete(others) : undefined]);
    return { caseNo: makeCaseNumber({ deviceCode, at, dailyCount: next }), written };
  });
}
