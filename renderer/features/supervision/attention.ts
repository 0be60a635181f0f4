// The cases with something waiting on them for this hall (an unanswered flag, a rectification to
// do) or for a supervisor (a rectification to judge), read by the attention index of the case rows.
import { db, type CaseRow } from '../../data/db';

export async function attentionRows(hallId: string, limit: number): Promise<CaseRow[]> {
  const cases = db().cases;
  const [own, review] = await Promise.all([
    cases.where('attention').anyOf([`flag:${hallId}`, `rect:${hallId}`]).limit(limit).toArray(),
    // A hall's counter holds only cases its hall is involved in; a region device, all of them.
    cases.where('attention').startsWith('rect-review:').limit(limit).toArray(),
  ]);
  return [...own, ...review];
}
