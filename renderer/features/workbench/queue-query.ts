// The rows the workbench needs, read by index: a hall's cases in the states its queues hold, and
// the cases near or past their promised date. Never every case.
import Dexie from 'dexie';
import { db, type CaseRow } from '../../data/db';
import { atRiskCandidates, overdueRows } from '../cases/case-query';
import { attentionRows } from '../supervision/attention';

/** The most cases one queue reads; more are counted but not listed (the case list filters them all). */
export const QUEUE_READ_LIMIT = 500;

export async function queueRows(hallId: string, now: Date): Promise<CaseRow[]> {
  const cases = db().cases;
  const review = ['received', 'in_review'].map((state) =>
    cases
      .where('[homeHallId+state+due]')
      .between([hallId, state, Dexie.minKey], [hallId, state, Dexie.maxKey])
      .limit(QUEUE_READ_LIMIT)
      .toArray(),
  );
  const corrections = cases
    .where('[intakeHallId+state]')
    .equals([hallId, 'needs_correction'])
    .limit(QUEUE_READ_LIMIT)
    .toArray();
  const issuance = cases
    .where('[deliveryHallId+state]')
    .anyOf([
      [hallId, 'certificate_issued'],
      [hallId, 'printed'],
    ])
    .limit(QUEUE_READ_LIMIT)
    .toArray();
  const late = [atRiskCandidates(now), overdueRows(now, QUEUE_READ_LIMIT)];
  const attention = attentionRows(hallId, QUEUE_READ_LIMIT);
  const byId = new Map<string, CaseRow>();
  for (const row of (await Promise.all([...review, corrections, issuance, ...late, attention])).flat())
    byId.set(row.caseId, row);
  return [...byId.values()];
}
