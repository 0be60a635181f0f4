// The receipt and the one-time notice: what they print, masked and escaped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { parseCatalog, type Item } from '../../../shared/catalog/item-schema';
import { toCaseReceived } from '../../../renderer/features/intake/intake-payload';
import { collectIssues } from '../../../renderer/features/intake/intake-schema';
import { buildNotice, buildReceipt, hasNoticeContent, trackUrl } from '../../../renderer/features/intake/receipt-data';
import { noticeDocument } from '../../../renderer/ui/print/one-time-notice';
import { qrSvg } from '../../../renderer/ui/print/qr-svg';
import { promiseText, receiptDocument } from '../../../renderer/ui/print/receipt';
import { emptyValues, type IntakeValues } from '../../../renderer/features/intake/intake-values';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../resources/${path}`, import.meta.url), 'utf8'));
const catalog = parseCatalog(read('catalog/catalog.json'));
const NURSE = 'XK00101001-BJ';
const TODAY = new Date('2026-11-25T02:00:00.000Z');
const item = (code: string): Item => (catalog.ok ? catalog.value.items.find((i) => i.code === code) : undefined) ?? (() => { throw new Error(`no item ${code}`); })();
const calendar = (years: number[]) => new WorkingCalendar(years.map((y) => calendarYearSchema.parse(read(`calendar/${y}.json`))));

function completeNurse(): IntakeValues {
  const v = emptyValues(item(NURSE), 'TJ');
  v.applicant = { kind: 'person', name: '张晓梅', idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678' };
  v.form = { practiceOrg: '北京协和医院', practiceOrgUscc: '91350100M000100Y43', examPassDate: '2025-06-30', education: '本科', orgPhone: '' };
  v.materials = v.materials.map((m) => ({ ...m, provided: 'original' }));
  return v;
}

const caseNo = 'TJ03A-20261125-00422';

function receipt(years: number[], acceptedAt = '2026-11-25T02:00:00.000Z', values = completeNurse()) {
  const payload = toCaseReceived(item(NURSE), values, { caseNo, queryCode: '048213', intakeHallId: 'TJ' });
  return buildReceipt({ payload, item: item(NURSE), acceptedAt, calendar: calendar(years), hubUrl: 'https://hub.example.cn', clerkName: '李静', deviceCode: 'TJ03A' });
}

describe('receipt', () => {
  it('shows the case, the masked applicant, the due date and the tracking QR code', () => {
    const r = receipt([2026]);
    expect(r.trackUrl).toBe('https://hub.example.cn/track?caseNo=TJ03A-20261125-00422&code=048213');
    expect(r.applicant).toMatchObject({ idMasked: '110105********002X', phoneMasked: '138****5678', idTypeLabel: '居民身份证' });
    // Accepted Wednesday 2026-11-25: five working days later is Wednesday 2026-12-02.
    expect(r.dueDate).toBe('2026-12-02');
    expect(r.provisional).toBe(false);
    expect(r.item).toMatchObject({ authority: '北京市卫生健康委员会', homeHallName: '北京市政务服务中心', fee: '不收费' });
    const html = receiptDocument(r);
    for (const text of [caseNo, '048213', '张晓梅', '110105********002X', '2026年12月02日', '天津市政务服务中心', '护士执业注册申请审核表']) expect(html).toContain(text);
    expect(html).not.toContain('11010519491231002X');
    expect(html).toContain(qrSvg(r.trackUrl, '办件查询二维码'));
  });

  it('says 暂定 when the deadline runs into a year without the official schedule', () => {
    const r = receipt([2026], '2026-12-28T02:00:00.000Z');
    expect(r.provisional).toBe(true);
    expect(promiseText(r)).toContain('（暂定）');
    expect(receiptDocument(r)).toContain('为暂定日期');
  });

  it('escapes what the clerk typed', () => {
    const v = completeNurse();
    v.applicant.name = '<img src=x onerror=alert(1)>';
    const html = receiptDocument(receipt([2026], undefined, v));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says 即办 for an item done on the day', () => {
    expect(promiseText({ promisedDays: 0, dueDate: '2026-11-25', provisional: false })).toBe('即办（当日办结）');
  });

  it('encodes the query in the tracking address', () => {
    expect(trackUrl('http://h', 'A B', '1&2')).toBe('http://h/track?caseNo=A%20B&code=1%262');
  });
});

describe('one-time notice', () => {
  it('lists the required materials marked 缺 and the information missing, nothing else', () => {
    const v = completeNurse();
    v.materials[4]!.provided = 'missing';
    v.materials[5]!.provided = '';
    v.form.examPassDate = '';
    const issues = collectIssues(item(NURSE), v, TODAY);
    expect(hasNoticeContent(issues)).toBe(true);
    const n = buildNotice(item(NURSE), v, issues, { issuedAt: '2026-11-25T02:00:00.000Z', hallId: 'TJ', clerkName: '李静' });
    expect(n.materials).toEqual([{ name: '健康体检证明', forms: '原件', count: undefined, note: '二级以上医疗机构出具的6个月内体检证明' }]);
    expect(n.problems).toEqual([{ label: '执业资格考试合格日期', message: '请选择执业资格考试合格日期' }]);
    const html = noticeDocument(n);
    expect(html).toContain('一次性告知单');
    expect(html).toContain('张晓梅');
    expect(html).toContain('天津市政务服务中心');
    expect(html).not.toContain('医疗卫生机构拟聘用证明');
  });

  it('has nothing to tell when only the clerk’s own checks are open', () => {
    const v = completeNurse();
    v.materials[5]!.provided = '';
    expect(hasNoticeContent(collectIssues(item(NURSE), v, TODAY))).toBe(false);
  });
});
