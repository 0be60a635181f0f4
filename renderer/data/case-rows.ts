// Rebuilds the case list rows from what the store holds: confirmed events in hub order, then our
// pending ones in outbox order. Runs inside the transaction that changed them.
import { foldCase } from '../../shared/case/projection';
import { attentionKeys } from '../../shared/supervision/feedback';
import type { Event } from '../../shared/protocol/events';
import { calendarOf, dueKey } from './case-due';
import type { CaseRow, TongbanDB } from './db';

/** The tables a transaction that rebuilds case rows must include besides outbox, feed and cases. */
export const dueTables = (d: TongbanDB) => [d.calendar, d.catalog];

export async function rebuildCases(database: TongbanDB, caseIds: Iterable<string>): Promise<void> {
  // The calendar and catalog must be in the calling transaction's scope (see DUE_TABLES).
  const calendar = calendarOf(await database.calendar.toArray());
  let catalogDays: Map<string, number> | null = null;
  const daysOf = async (itemCode: string) => {
    catalogDays ??= new Map(((await database.catalog.get('current'))?.catalog.items ?? []).map((i) => [i.code, i.promisedDays]));
    return catalogDays.get(itemCode);
  };
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
    const due = dueKey(view, calendar, view.promisedDays === undefined ? await daysOf(view.itemCode) : undefined);
    if (due !== undefined) row.due = due;
    const attention = attentionKeys(view);
    if (attention.length) row.attention = attention;
    await database.cases.put(row);
  }
}
