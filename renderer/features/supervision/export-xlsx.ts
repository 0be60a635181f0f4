// The cases behind a figure as an Excel workbook (exceljs, loaded only when a list is exported):
// a title row saying what and when, Chinese headers, one row per case; then saved as a download.
// The workbook is Chinese whatever language the screen shows (the screen's words are in words.ts).
import type { Workbook } from 'exceljs';
import { STATE_LABELS } from '../../../shared/case/states';
import { hallName } from '../../../shared/halls';
import { RATING_LABELS, RATING_STAGE_LABELS } from '../../../shared/protocol/events';
import type { CaseLine, DashboardQuery } from '../../../shared/supervision/dashboard';
import { RECTIFICATION_STATUS_LABELS } from '../../../shared/supervision/feedback';
import { t } from '../../i18n';
import { beijingTime } from '../cases/format';
import { hallsText, periodText, scopeWords } from './print-dashboard';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const RISK_WORDS = { ok: '正常', at_risk: '临期', overdue: '已超期' } as const;

export const ratingWords = (l: CaseLine) => l.ratings.map((r) => `${RATING_STAGE_LABELS[r.stage]}：${RATING_LABELS[r.level]}（${hallName(r.hallId)}）`).join('；');
export const rectificationWords = (l: CaseLine) =>
  l.rectifications.map((r) => `${hallName(r.hallId)}：${RECTIFICATION_STATUS_LABELS[r.status]}，期限 ${r.dueDate}${r.overdue ? '（已超期）' : ''}`).join('；');
export const deadlineWords = (l: CaseLine) => {
  if (!l.risk) return '';
  return `${l.dueDate ?? '补正中，暂停计时'} ${RISK_WORDS[l.risk]}`;
};

/** The workbook's second row: the period, the halls, whose cases, how many, who exported them and when. */
export const exportSubtitle = (query: DashboardQuery, device: { scope: 'hall' | 'region'; hallId: string }, total: number, by: string, at: Date) =>
  `统计期间：${periodText(query)}；营业厅：${hallsText(query)}；${scopeWords(device.scope, device.hallId)}；共 ${total} 件；导出：${by} ${beijingTime(at.toISOString())}`;

/** The columns, in order: header and cell. */
export const COLUMNS: { header: string; width: number; cell(l: CaseLine): string | number }[] = [
  { header: '办件编号', width: 26, cell: (l) => l.caseNo },
  { header: '事项编码', width: 18, cell: (l) => l.itemCode },
  { header: '事项名称', width: 32, cell: (l) => l.itemName },
  { header: '申请人', width: 14, cell: (l) => l.applicantName },
  { header: '办件状态', width: 14, cell: (l) => STATE_LABELS[l.state] },
  { header: '受理厅', width: 24, cell: (l) => hallName(l.intakeHallId) },
  { header: '主管厅', width: 24, cell: (l) => hallName(l.homeHallId) },
  { header: '交付厅', width: 24, cell: (l) => hallName(l.deliveryHallId) },
  { header: '受理时间', width: 18, cell: (l) => beijingTime(l.receivedAt) },
  { header: '承诺办结期限', width: 22, cell: (l) => deadlineWords(l) },
  { header: '办理用时（工作日）', width: 12, cell: (l) => l.duration ?? '' },
  { header: '评价', width: 36, cell: (l) => ratingWords(l) },
  { header: '整改', width: 40, cell: (l) => rectificationWords(l) },
  { header: '督办未答复', width: 10, cell: (l) => l.openFlags || '' },
];

async function newWorkbook(): Promise<Workbook> {
  // The browser build of exceljs is a UMD bundle: its exports sit on the module or on its default.
  const mod = (await import('exceljs')) as unknown as { Workbook?: new () => Workbook; default?: { Workbook: new () => Workbook } };
  const Ctor = mod.Workbook ?? mod.default?.Workbook;
  if (!Ctor) throw new Error(t('supervision.list.excelUnavailable'));
  return new Ctor();
}

export async function linesWorkbook(title: string, subtitle: string, lines: readonly CaseLine[]): Promise<ArrayBuffer> {
  const wb = await newWorkbook();
  wb.creator = '通办';
  wb.created = new Date();
  const sheet = wb.addWorksheet('办件清单', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = subtitle;
  const header = sheet.getRow(3);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const l of lines) sheet.addRow(COLUMNS.map((c) => c.cell(l)));
  return wb.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
