// Accepting a case, entirely on this counter: the case number and query code are made here, the
// `case.received` event goes to the outbox in one transaction, and the receipt is built at once.
import type { Item } from '../../../shared/catalog/item-schema';
import { randomDigits } from '../../../shared/crypto/bytes';
import { fail, ok, type Result } from '../../../shared/result';
import { localCalendar } from '../../data/catalog-store';
import type { DeviceIdentity } from '../../data/db';
import type { Session } from '../../data/session';
import { appendEvent } from '../../data/sync-client';
import { measure } from '../../data/sync-timing';
import type { ReceiptData } from '../../ui/print/receipt';
import { nextCaseNumber } from './case-number-store';
import { deleteDraft } from './drafts';
import { toCaseReceived } from './intake-payload';
import { blockingReason, collectIssues } from './intake-schema';
import type { IntakeValues } from './intake-values';
import { buildReceipt } from './receipt-data';

export interface AcceptArgs {
  caseId: string;
  item: Item;
  values: IntakeValues;
  device: DeviceIdentity;
  session: Session;
}

/**
 * Each step is a User Timing measure (`tongban:accept-*`: checking, numbering, storing, the draft and
 * calendar, the receipt), which DevTools and the counter benchmark read.
 */
export async function acceptIntake(a: AcceptArgs): Promise<Result<ReceiptData>> {
  const at = new Date();
  let step = performance.now();
  const stepDone = (name: string) => {
    measure(`accept-${name}`, step);
    step = performance.now();
  };
  const reason = blockingReason(collectIssues(a.item, a.values, at));
  stepDone('check');
  if (reason) return fail('INTAKE_INCOMPLETE', `还不能受理：${reason}`);
  const caseNo = await nextCaseNumber(a.device.deviceCode, at);
  stepDone('number');
  if (!caseNo.ok) return caseNo;
  const payload = toCaseReceived(a.item, a.values, { caseNo: caseNo.value, queryCode: randomDigits(6), intakeHallId: a.device.hallId });
  const acceptedAt = at.toISOString();
  const appended = await appendEvent({
    caseId: a.caseId,
    type: 'case.received',
    payload,
    actor: { staffId: a.session.staff.staffId, hallId: a.session.staff.hallId },
    at: acceptedAt,
  });
  stepDone('store');
  if (!appended.ok) return fail(appended.error.code, `受理未能保存：${appended.error.message}`);
  // Both at once: the clerk waits for the receipt.
  const [, calendar] = await Promise.all([deleteDraft(a.caseId), localCalendar()]);
  stepDone('draft');
  const receipt = buildReceipt({ payload, item: a.item, acceptedAt, calendar, hubUrl: a.device.hubUrl, clerkName: a.session.staff.name, deviceCode: a.device.deviceCode });
  stepDone('receipt');
  return ok(receipt);
}
