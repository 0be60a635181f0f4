// The correction notice (补正材料通知书) the intake hall gives the applicant: what the home authority
// asked for, told once and in full, and that the clock stands still until they bring it.
import { beijingDateTime, escapeHtml as e, printDocument } from './html';

export interface CorrectionNoticeData {
  caseNo: string;
  itemName: string;
  authority: string;
  homeHallName: string;
  intakeHallName: string;
  applicantName: string;
  requestedAt: string;
  reasons: readonly string[];
  materials: readonly string[];
  printedAt: string;
  clerkName: string;
}

export const CORRECTION_NOTICE_TITLE = '补正材料通知书';

export function correctionNoticeBody(n: CorrectionNoticeData): string {
  const reasons = n.reasons.map((r) => `<li>${e(r)}</li>`).join('');
  const materials = n.materials.length
    ? `<h3>请补交的材料</h3><ol>${n.materials.map((m) => `<li>${e(m)}</li>`).join('')}</ol>`
    : '';
  return `<div class="tb-doc">
<h1>${CORRECTION_NOTICE_TITLE}</h1>
<p class="tb-sub">办件编号 <span class="tb-mono">${e(n.caseNo)}</span></p>
<table><tbody>
<tr><th>申请人</th><td>${e(n.applicantName)}</td></tr>
<tr><th>申请事项</th><td>${e(n.itemName)}</td></tr>
<tr><th>审核机关</th><td>${e(n.authority)}（${e(n.homeHallName)}）</td></tr>
<tr><th>通知时间</th><td>${e(beijingDateTime(n.requestedAt))}</td></tr>
</tbody></table>
<p>您的申请经审核，需补正以下内容：</p>
<ol>${reasons}</ol>
${materials}
<p>请携带上述材料到${e(n.intakeHallName)}办理补正。补正期间办理时限暂停计算，自补正材料提交之日起继续计算。</p>
<div class="tb-sign"><span>经办人：${e(n.clerkName)}</span><span>${e(n.intakeHallName)}&emsp;${e(beijingDateTime(n.printedAt))}</span></div>
</div>`;
}

export function correctionNoticeDocument(n: CorrectionNoticeData): string {
  return printDocument(`${CORRECTION_NOTICE_TITLE} ${n.caseNo}`, correctionNoticeBody(n));
}
