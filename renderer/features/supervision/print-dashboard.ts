// The dashboard as a printable page (through the bridge's print): the figures as tables, with the
// charts' pictures, the period and halls, and when it was made. An official paper: in Chinese whatever
// language the screen shows (the screen's words are in period.ts and words.ts).
import { hallName } from '../../../shared/halls';
import { RATING_LABELS, RATING_LEVELS } from '../../../shared/protocol/events';
import type { Dashboard, DashboardQuery } from '../../../shared/supervision/dashboard';
import { ALL, BUCKET_LABELS, STATE_BUCKETS } from '../../../shared/supervision/figures';
import { beijingDateTime, escapeHtml as e, printDocument } from '../../ui/print/html';
import { percent } from './words';

export const DASHBOARD_PRINT_TITLE = '跨区域通办督查统计';

export interface DashboardPrint {
  dashboard: Dashboard;
  query: DashboardQuery;
  scope: string;
  madeAt: string;
  madeBy: string;
  /** Chart pictures by chart name (data: URLs), where the chart was on screen. */
  pictures: Partial<Record<'states' | 'flows' | 'durations' | 'ratings', string>>;
}

const table = (head: string[], rows: (string | number)[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const picture = (src: string | undefined, alt: string) => (src ? `<img src="${e(src)}" alt="${e(alt)}" style="width:100%;max-height:70mm;object-fit:contain">` : '');
const v = (n: number | null) => (n === null ? '—' : n);

/** Whose cases this device holds, for the printed page and the Excel export. */
export const scopeWords = (scope: 'hall' | 'region', hallId: string) =>
  scope === 'region' ? '区域督查设备：全部营业厅的办件' : `${hallName(hallId)}设备：本厅参与的办件`;

export function periodText(q: DashboardQuery): string {
  if (!q.from && !q.to) return '全部期间';
  return `${q.from ?? '最早'} 至 ${q.to ?? '今日'}`;
}

export function hallsText(q: DashboardQuery): string {
  return q.halls.length ? q.halls.map(hallName).join('、') : '全部营业厅';
}

export function dashboardDocument(p: DashboardPrint): string {
  const d = p.dashboard;
  const body = `<div class="tb-doc" style="max-width:none">
<h1>${DASHBOARD_PRINT_TITLE}</h1>
<p class="tb-sub">统计期间：${e(periodText(p.query))}&emsp;营业厅：${e(hallsText(p.query))}&emsp;范围：${e(p.scope)}</p>
<h2 style="font-size:15px">一、办件概况（按受理日期）</h2>
${picture(p.pictures.states, '各状态办件数')}
${table(
  ['受理', ...STATE_BUCKETS.map((b) => BUCKET_LABELS[b]), '临期', '已超期', '督办未答复'],
  [[d.total, ...STATE_BUCKETS.map((b) => d.states[b]), d.risk.at_risk, d.risk.overdue, d.flagged]],
)}
<h2 style="font-size:15px">二、跨区域流向</h2>
${picture(p.pictures.flows, '受理厅到主管厅的流向')}
${table(['受理厅', '主管厅', '件数'], d.flows.map((f) => [hallName(f.intakeHallId), hallName(f.homeHallId), f.count]))}
<h2 style="font-size:15px">三、办理用时（受理至交付，工作日，不含等待补正）</h2>
${picture(p.pictures.durations, '各受理厅办理用时')}
${table(['受理厅', '已交付', '平均', '90% 分位'], [...d.durations.byHall, { ...d.durations.all, label: '合计' }].map((r) => [r.label, r.count, v(r.mean), v(r.p90)]))}
${table(['事项', '已交付', '平均', '90% 分位'], d.durations.byItem.map((r) => [r.label, r.count, v(r.mean), v(r.p90)]))}
<h2 style="font-size:15px">四、好差评</h2>
${picture(p.pictures.ratings, '各营业厅评价等级')}
${table(
  ['营业厅', ...RATING_LEVELS.map((l) => RATING_LABELS[l]), '评价数', '满意率'],
  [...d.satisfaction.byHall, d.satisfaction.all].map((r) => [r.hallId === ALL ? '合计' : hallName(r.hallId), ...RATING_LEVELS.map((l) => r.levels[l]), r.total, percent(r.rate)]),
)}
<h2 style="font-size:15px">五、差评整改</h2>
${table(
  ['营业厅', '整改总数', '未办结', '待督查审核', '超期未整改', '已办结'],
  [...d.rectifications.byHall, d.rectifications.all].map((r) => [r.hallId === ALL ? '合计' : hallName(r.hallId), r.total, r.open, r.reported, r.overdue, r.closed]),
)}
<p class="tb-note">统计口径：办件按受理日期（北京时间）计入期间，涉及所选营业厅（受理、主管或交付）即计入；临期、超期按承诺办结期限（工作日，法定节假日与调休按国务院办公厅通知，等待补正的时间不计）；评价与整改按评价日期计入；满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数。</p>
<p class="tb-note">制表：${e(p.madeBy)}&emsp;制表时间：${e(beijingDateTime(p.madeAt))}</p>
</div>`;
  return printDocument(DASHBOARD_PRINT_TITLE, body);
}
