// Accepting a case, entirely on this counter: the case number and query code are made here, the
// `case.received` event goes to the outbox in one transaction, and the receipt is built at once.
import type { Item } from '../../../shared/catalog/item-schema';
import { randomDigits } from '../../../shared/crypto/bytes';
import { fail, ok, type Problem, type Result } from '../../../shared/result';
import { localCalendar } from '../../data/catalog-store';
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import { db, type DeviceIdentity } from '../../data/db';
import { deviceIdentity } from '../../data/device';
import type { Session } from '../../data/session';
import { appendTables } from '../../data/dexie-storage';
import { kickSync, storeEvent } from '../../data/sync-client';
import { measure } from '../../data/sync-timing';
import type { ReceiptData } from '../../ui/print/receipt';
import { nextCaseNumber } from './case-number-store';
import { deleteDraft } from './drafts';
import { toCaseReceived, type CaseReceivedPayload } from './intake-payload';
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
 * The case number, the event, the draft's removal and the calendar's read are one transaction: the
 * case is in the outbox and its draft gone together, or neither (a draft left behind after a crash
 * would be offered again for a case already accepted), and the clerk waits for one commit, not three.
 * Inside it, requests that do not wait for each other's answers are sent together, in three rounds
 * to IndexedDB: the day's count, the counts' keys and the device; the count's write, the case's
 * reads, the draft and the calendar; the event's and the case's writes. Each step is a User Timing measure
 * (`tongban:accept-*`: checking, storing, the receipt), which DevTools and the counter benchmark read.
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
  const d = db();
  let stored: { payload: CaseReceivedPayload; calendar: WorkingCalendar };
  try {
    stored = await d.transaction('rw', [...appendTables(d), d.drafts], async () => {
      // The device's record is read with the day's count (the event needs the device's id).
      const device = deviceIdentity();
      const { caseNo, written } = await nextCaseNumber(a.device.deviceCode, at);
      if (!caseNo.ok) {
        // The transaction is undone, the day's count with it: the count's write fails with it, as it should.
        written.catch(() => undefined);
        throw new Undone(caseNo.error);
      }
      const payload = toCaseReceived(a.item, a.values, { caseNo: caseNo.value, queryCode: randomDigits(6), intakeHallId: a.device.hallId });
      // The count's write, the draft's removal and the calendar's read go with the event's requests
      // (a refused event undoes them; a failed write fails the transaction).
      const [, appended, , calendar] = await Promise.all([
        written,
        storeEvent({
          caseId: a.caseId,
          type: 'case.received',
          payload,
          actor: { staffId: a.session.staff.staffId, hallId: a.session.staff.hallId },
          at: at.toISOString(),
        }, device),
        deleteDraft(a.caseId),
        localCalendar(),
      ]);
      if (!appended.ok) throw new Undone({ code: appended.error.code, message: `受理未能保存：${appended.error.message}` });
      return { payload, calendar };
    });
  } catch (e) {
    if (e instanceof Undone) return { ok: false, error: e.problem };
    throw e;
  }
  stepDone('store');
  kickSync();
  const receipt = buildReceipt({ ...stored, item: a.item, acceptedAt: at.toISOString(), hubUrl: a.device.hubUrl, clerkName: a.session.staff.name, deviceCode: a.device.deviceCode });
  stepDone('receipt');
  return ok(receipt);
}

/** What stopped the acceptance (no case number, the event refused), thrown to undo its transaction. */
class Undone extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}
