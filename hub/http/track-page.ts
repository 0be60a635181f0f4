// The public tracking page opened from the receipt's QR code: the case's state, the promised date
// and where to collect, with no personal data beyond a masked name. A wrong query code and an
// unknown case get the same answer, so the page cannot be used to probe for case numbers.
import type { Kysely } from 'kysely';
import { parseCalendarYear } from '../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../shared/calendar/working-days';
import type { CaseView } from '../../shared/case/projection';
import { STATE_LABELS } from '../../shared/case/states';
import { hallName } from '../../shared/halls';
import type { HubDatabase } from '../store/schema';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const maskName = (name: string) => (name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`);

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>办件进度查询 · 通办</title><style>body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f5f5f5;color:#262626}
main{max-width:560px;margin:32px auto;background:#fff;padding:28px;border-radius:8px}h1{font-size:22px;margin:0 0 16px}
dl{display:grid;grid-template-columns:7em 1fr;gap:8px 12px}dt{color:#8c8c8c}dd{margin:0}.state{font-size:20px;color:#b5242b;font-weight:600}</style></head>
<body><main><h1>办件进度查询</h1>${body}<p style="color:#8c8c8c;font-size:13px;margin-top:24px">京津冀政务服务“跨省通办”</p></main></body></html>`;
}

export async function trackPage(db: Kysely<HubDatabase>, caseNo: string, code: string, promisedDaysOf: (itemCode: string) => Promise<number | undefined>): Promise<{ status: number; html: string }> {
  const notFound = { status: 404, html: page('<p>未查询到该办件。请核对回执上的办件编号和查询码。</p>') };
  if (!caseNo || !/^\d{6}$/.test(code)) return notFound;
  const row = await db.selectFrom('cases').select(['view', 'state']).where('case_no', '=', caseNo.trim().toUpperCase()).executeTakeFirst();
  if (!row) return notFound;
  const view = JSON.parse(row.view) as CaseView;
  if (view.queryCode !== code) return notFound;
  let due = '';
  // The promise made at intake, or the catalog's when the counter did not record it.
  const promisedDays = view.promisedDays ?? (await promisedDaysOf(view.itemCode));
  if (promisedDays !== undefined) {
    const years = (await db.selectFrom('calendar').select('body').execute()).map((r) => parseCalendarYear(JSON.parse(r.body))).flatMap((r) => (r.ok ? [r.value] : []));
    const d = new WorkingCalendar(years).computeDeadline({ acceptedAt: view.receivedAt, promisedDays, pauses: view.pauses });
    due = d.dueDate ? `${d.dueDate}${d.provisional ? '（暂定）' : ''}` : '补正期间暂停计时';
  }
  const body = `<dl><dt>办件编号</dt><dd>${esc(view.caseNo)}</dd><dt>事项</dt><dd>${esc(view.itemName ?? view.itemCode)}</dd>
<dt>申请人</dt><dd>${esc(maskName(view.applicant.name))}</dd><dt>当前状态</dt><dd class="state">${esc(STATE_LABELS[view.state])}</dd>
${due ? `<dt>承诺办结</dt><dd>${esc(due)}</dd>` : ''}<dt>受理地点</dt><dd>${esc(hallName(view.halls.intakeHallId))}</dd>
<dt>领取地点</dt><dd>${esc(hallName(view.halls.deliveryHallId))}</dd></dl>`;
  return { status: 200, html: page(body) };
}
