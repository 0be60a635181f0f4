// The acceptance receipt (受理回执) the applicant takes home: what was accepted, by when, and how to
// follow the case (QR code and query code).
import { beijingDateTime, chineseDate, escapeHtml as e, printDocument } from './html';

export interface ReceiptData {
  caseNo: string;
  queryCode: string;
  trackUrl: string;
  /** The QR code of trackUrl, as inline SVG (see qr-svg.ts). */
  qrSvg: string;
  acceptedAt: string;
  item: { code: string; name: string; authority: string; homeHallName: string; fee: string };
  applicant: { kindLabel: string; name: string; idTypeLabel: string; idMasked: string; phoneMasked: string };
  materials: { name: string; provided: string; attachments: number }[];
  promisedDays: number;
  /** `YYYY-MM-DD`, or null when it cannot be known. */
  dueDate: string | null;
  /** The deadline runs into a year without the official holiday schedule. */
  provisional: boolean;
  intakeHallName: string;
  deliveryHallName: string;
  clerkName: string;
  deviceCode: string;
}

export const RECEIPT_TITLE = '受理回执';

export function promiseText(r: Pick<ReceiptData, 'promisedDays' | 'dueDate' | 'provisional'>): string {
  if (r.promisedDays === 0) return '即办（当日办结）';
  const due = r.dueDate ? `，预计 ${chineseDate(r.dueDate)} 前办结` : '';
  return `${r.promisedDays} 个工作日${due}${r.provisional ? '（暂定）' : ''}`;
}

/** The receipt's body, shared by the print document and the on-screen preview. */
export function receiptBody(r: ReceiptData): string {
  const materials = r.materials
    .map((m, i) => `<tr><td>${i + 1}</td><td>${e(m.name)}</td><td>${e(m.provided)}</td><td>${m.attachments ? `${m.attachments} 个文件` : ''}</td></tr>`)
    .join('');
  const provisional = r.provisional
    ? '<p class="tb-note">注：办结日期所在年度的法定节假日安排尚未公布，日期按周末和固定节日推算，为暂定日期，以实际安排为准。</p>'
    : '';
  return `<div class="tb-doc">
<h1>${RECEIPT_TITLE}</h1>
<p class="tb-sub">京津冀政务服务“跨区域通办”</p>
<table>
<tr><th>办件编号</th><td class="tb-mono tb-strong">${e(r.caseNo)}</td><td rowspan="4" style="width:140px;text-align:center">${r.qrSvg}<div class="tb-note">扫码查询办理进度</div></td></tr>
<tr><th>查询码</th><td class="tb-mono tb-strong">${e(r.queryCode)}</td></tr>
<tr><th>受理时间</th><td>${e(beijingDateTime(r.acceptedAt))}</td></tr>
<tr><th>承诺时限</th><td>${e(promiseText(r))}</td></tr>
</table>
<table>
<tr><th>申请人</th><td>${e(r.applicant.name)}（${e(r.applicant.kindLabel)}）</td></tr>
<tr><th>证件</th><td>${e(r.applicant.idTypeLabel)} <span class="tb-mono">${e(r.applicant.idMasked)}</span></td></tr>
<tr><th>联系电话</th><td class="tb-mono">${e(r.applicant.phoneMasked)}</td></tr>
<tr><th>办理事项</th><td>${e(r.item.name)}<span class="tb-note">（${e(r.item.code)}）</span></td></tr>
<tr><th>审批机关</th><td>${e(r.item.authority)}（${e(r.item.homeHallName)}）</td></tr>
<tr><th>收费</th><td>${e(r.item.fee)}</td></tr>
<tr><th>受理大厅</th><td>${e(r.intakeHallName)}</td></tr>
<tr><th>领取地点</th><td>${e(r.deliveryHallName)}</td></tr>
</table>
<table>
<thead><tr><th style="width:3em">序号</th><th>已收材料</th><th style="width:6em">形式</th><th style="width:6em">电子文件</th></tr></thead>
<tbody>${materials}</tbody>
</table>
${provisional}
<p class="tb-note">凭本回执和办件编号、查询码查询办理进度；办结后请携带本回执及申请人有效身份证件到领取地点领取结果。查询网址：${e(r.trackUrl.split('?')[0] ?? '')}</p>
<div class="tb-sign"><span>受理人：${e(r.clerkName)}（${e(r.deviceCode)}）</span><span>${e(r.intakeHallName)}（盖章）</span></div>
</div>`;
}

export function receiptDocument(r: ReceiptData): string {
  return printDocument(`${RECEIPT_TITLE} ${r.caseNo}`, receiptBody(r));
}
