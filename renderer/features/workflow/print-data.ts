// The data of the papers printed along a case's path, from the case as this counter has it.
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import { hallName } from '../../../shared/halls';
import type { CertificatePrint } from '../../ui/print/certificate';
import type { CorrectionNoticeData } from '../../ui/print/correction-notice';

export function correctionNotice(
  view: CaseView,
  item: Item | undefined,
  clerkName: string,
  now = new Date(),
): CorrectionNoticeData | null {
  const c = view.correction;
  if (!c) return null;
  const names = new Map((item?.materials ?? []).map((m) => [m.materialId, m.name]));
  return {
    caseNo: view.caseNo,
    itemName: view.itemName ?? item?.name ?? view.itemCode,
    authority: item?.authority ?? hallName(view.halls.homeHallId),
    homeHallName: hallName(view.halls.homeHallId),
    intakeHallName: hallName(view.halls.intakeHallId),
    applicantName: view.applicant.name,
    requestedAt: c.at,
    reasons: c.reasons,
    materials: c.materialIds.map((id) => names.get(id) ?? id),
    printedAt: now.toISOString(),
    clerkName,
  };
}

export function certificatePrint(
  view: CaseView,
  item: Item | undefined,
  hubUrl: string,
  reprintReason?: string,
): CertificatePrint | null {
  if (!view.certificate) return null;
  return {
    signed: view.certificate,
    hubUrl,
    itemName: view.itemName ?? item?.name ?? view.itemCode,
    fieldLabels: new Map((item?.fields ?? []).map((f) => [f.name, f.label])),
    deliveryHallName: hallName(view.halls.deliveryHallId),
    ...(reprintReason ? { reprint: { count: view.prints.length, reason: reprintReason } } : {}),
  };
}
