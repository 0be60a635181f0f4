// What the receipt and the one-time notice print, built from the accepted payload or the open issues.
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { Item } from '../../../shared/catalog/item-schema';
import { hallName } from '../../../shared/halls';
import { ID_TYPE_LABELS, PROVIDED_LABELS } from '../../../shared/protocol/events';
import { maskIdNumberByType, maskMobilePhone } from '../../../shared/validators';
import type { NoticeData } from '../../ui/print/one-time-notice';
import { qrSvg } from '../../ui/print/qr-svg';
import type { ReceiptData } from '../../ui/print/receipt';
import type { CaseReceivedPayload } from './intake-payload';
import type { IntakeIssue } from './intake-schema';
import { APPLICANT_KIND_LABELS, type IntakeValues } from './intake-values';

export function feeText(item: Item): string {
  if (item.fee.amount === 0) return item.fee.note ?? '不收费';
  return `${item.fee.amount.toFixed(2)} 元${item.fee.note ? `（${item.fee.note}）` : ''}`;
}

export function trackUrl(hubUrl: string, caseNo: string, queryCode: string): string {
  return `${hubUrl}/track?caseNo=${encodeURIComponent(caseNo)}&code=${encodeURIComponent(queryCode)}`;
}

export interface ReceiptContext {
  payload: CaseReceivedPayload;
  item: Item;
  acceptedAt: string;
  calendar: WorkingCalendar;
  hubUrl: string;
  clerkName: string;
  deviceCode: string;
}

export function buildReceipt(c: ReceiptContext): ReceiptData {
  const p = c.payload;
  const deadline = c.calendar.computeDeadline({ acceptedAt: c.acceptedAt, promisedDays: c.item.promisedDays });
  const url = trackUrl(c.hubUrl, p.caseNo, p.queryCode);
  return {
    caseNo: p.caseNo,
    queryCode: p.queryCode,
    trackUrl: url,
    qrSvg: qrSvg(url, '办件查询二维码'),
    acceptedAt: c.acceptedAt,
    item: { code: c.item.code, name: c.item.name, authority: c.item.authority, homeHallName: hallName(c.item.homeHallId), fee: feeText(c.item) },
    applicant: {
      kindLabel: APPLICANT_KIND_LABELS[p.applicant.kind],
      name: p.applicant.name,
      idTypeLabel: ID_TYPE_LABELS[p.applicant.idType],
      idMasked: maskIdNumberByType(p.applicant.idType, p.applicant.idNumber),
      phoneMasked: p.applicant.phone ? maskMobilePhone(p.applicant.phone) : '',
    },
    materials: p.materials
      .filter((m) => m.provided !== 'missing')
      .map((m) => ({ name: c.item.materials.find((x) => x.materialId === m.materialId)?.name ?? m.materialId, provided: PROVIDED_LABELS[m.provided], attachments: m.attachments.length })),
    promisedDays: c.item.promisedDays,
    dueDate: deadline.dueDate,
    provisional: deadline.provisional,
    intakeHallName: hallName(p.intakeHallId),
    deliveryHallName: hallName(p.deliveryHallId),
    clerkName: c.clerkName,
    deviceCode: c.deviceCode,
  };
}

/** The notice lists the required materials marked 缺 and the information missing or wrong. */
export function buildNotice(item: Item, values: IntakeValues, issues: readonly IntakeIssue[], ctx: { issuedAt: string; hallId: string; clerkName: string }): NoticeData {
  const missing = new Set(issues.filter((i) => i.section === 'material' && i.kind === 'missing').map((i) => Number(i.path.split('.')[1])));
  return {
    issuedAt: ctx.issuedAt,
    item: { code: item.code, name: item.name, authority: item.authority },
    applicantName: values.applicant.name.trim(),
    materials: item.materials
      .filter((_, index) => missing.has(index))
      .map((m) => ({ name: m.name, forms: m.forms.map((f) => PROVIDED_LABELS[f]).join('或'), count: m.count, note: m.note })),
    problems: issues.filter((i) => i.section !== 'material').map((i) => ({ label: i.label, message: i.message })),
    hallName: hallName(ctx.hallId),
    clerkName: ctx.clerkName,
  };
}

/** Whether there is anything for a one-time notice to tell. */
export function hasNoticeContent(issues: readonly IntakeIssue[]): boolean {
  return issues.some((i) => i.kind === 'missing');
}
