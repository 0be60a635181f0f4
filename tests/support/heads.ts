// The case head (shared/sync/heads.ts) the hub must answer for a case, from the case folded from its
// events: what the hub's SQL builds from its projection, written the plain way for tests to compare.
import type { CaseView } from '../../shared/case/projection';
import type { CaseHead } from '../../shared/sync/heads';

export function headOf(v: CaseView): CaseHead {
  return {
    caseId: v.caseId,
    caseNo: v.caseNo,
    state: v.state,
    itemCode: v.itemCode,
    ...(v.itemName !== undefined ? { itemName: v.itemName } : {}),
    ...(v.promisedDays !== undefined ? { promisedDays: v.promisedDays } : {}),
    applicantName: v.applicant.name,
    idType: v.applicant.idType,
    idNumber: v.applicant.idNumber,
    intakeHallId: v.halls.intakeHallId,
    homeHallId: v.halls.homeHallId,
    deliveryHallId: v.halls.deliveryHallId,
    receivedAt: v.receivedAt,
    pauses: v.pauses,
  };
}
