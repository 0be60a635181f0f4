// The one-time notice (一次性告知单): everything the applicant still has to bring or correct, told
// once and in full, so nobody comes back twice for the same item.
import { beijingDateTime, escapeHtml as e, printDocument } from './html';

export interface NoticeData {
  issuedAt: string;
  item: { code: string; name: string; authority: string };
  applicantName: string;
  /** Required materials the applicant did not bring. */
  materials: { name: string; forms: string; count?: number | undefined; note?: string | undefined }[];
  /** Information that is missing or wrong: what it is and what is wrong with it. */
  problems: { label: string; message: string }[];
  hallName: string;
  clerkName: string;
}

export const NOTICE_TITLE = '一次性告知单';

export function noticeBody(n: NoticeData): string {
  const materials = n.materials
    .map((m) => `<li>${e(m.name)}（${e(m.forms)}${m.count ? `，${m.count} 份` : ''}）${m.note ? `<div class="tb-note">${e(m.note)}</div>` : ''}</li>`)
    .join('');
  const problems = n.problems.map((p) => `<li>${e(p.label)}：${e(p.message)}</li>`).join('');
  return `<div class="tb-doc">
<h1>${NOTICE_TITLE}</h1>
<p class="tb-sub">京津冀政务服务“跨区域通办”</p>
<p>${e(n.applicantName || '申请人')}：</p>
<p>您申请办理的“${e(n.item.name)}”（事项编码 ${e(n.item.code)}，审批机关 ${e(n.item.authority)}），经窗口核对，尚需补齐以下材料或信息后方可受理。现一次性告知如下：</p>
${materials ? `<p><strong>一、需补齐的材料</strong></p><ol>${materials}</ol>` : ''}
${problems ? `<p><strong>${materials ? '二' : '一'}、需补充或更正的信息</strong></p><ol>${problems}</ol>` : ''}
<p>请备齐上述材料后到任一通办大厅办理，无需重复提交已核对的材料。</p>
<div class="tb-sign"><span>经办人：${e(n.clerkName)}</span><span>${e(n.hallName)}（盖章）</span></div>
<p style="text-align:right">${e(beijingDateTime(n.issuedAt))}</p>
</div>`;
}

export function noticeDocument(n: NoticeData): string {
  return printDocument(NOTICE_TITLE, noticeBody(n));
}
