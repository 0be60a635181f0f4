// Rebuilds the case list rows from what the store holds: confirmed events in hub order, then our
// pending ones in outbox order. Runs inside the transaction that changed them.
import { foldCase } from '../../shared/case/projection';
import type { Event } from '../../shared/protocol/events';
import type { CaseRow, TongbanDB } from './db';

export async function rebuildCases(database: TongbanDB, caseIds: Iterable<string>): Promise<void> {
  for (const caseId of new Set(caseIds)) {
    const confirmed = await database.feed.where('caseId').equals(caseId).sortBy('hubSeq');
    const confirmedIds = new Set(confirmed.map((e) => e.id));
    // Ours not pulled back yet: pending ones, and accepted ones whose event the feed has not brought.
    const ours = (await database.outbox.where('caseId').equals(caseId).sortBy('deviceSeq')).filter((o) => o.state !== 'rejected' && !confirmedIds.has(o.id));
    const { view } = foldCase([...confirmed, ...ours.map((o) => o.event as Event)]);
    if (!view) {
      await database.cases.delete(caseId);
      continue;
    }
    const row: CaseRow = {
      caseId,
      caseNo: view.caseNo,
      state: view.state,
      itemCode: view.itemCode,
      itemName: view.itemName ?? view.itemCode,
      applicantName: view.applicant.name,
      idNumber: view.applicant.idNumber,
      intakeHallId: view.halls.intakeHallId,
      homeHallId: view.halls.homeHallId,
      deliveryHallId: view.halls.deliveryHallId,
      receivedAt: view.receivedAt,
      updatedAt: view.updatedAt,
      pending: ours.filter((o) => o.state === 'pending').length,
      view,
    };
    await database.cases.put(row);
  }
}
