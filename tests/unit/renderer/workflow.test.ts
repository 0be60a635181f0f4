// The cross-region workflow's pure parts at the counter: what a correction resubmits, what still
// blocks it, which queue a case waits in, and the certificate and notice that are printed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { calendarYearSchema } from '../../../shared/calendar/calendar-data';
import { parseCatalog, type Item } from '../../../shared/catalog/item-schema';
import { certificateQrText } from '../../../shared/certificate/verify';
import { foldCase, type CaseView } from '../../../shared/case/projection';
import { Event, type EventType, type PayloadOf } from '../../../shared/protocol/events';
import type { CaseRow } from '../../../renderer/data/db';
import type { DeadlineContext } from '../../../renderer/features/cases/list-item';
import { buildQueues, queuesFor } from '../../../renderer/features/workbench/queues';
import { correctionIssues, correctionPayload, valuesFromView } from '../../../renderer/features/workflow/correction';
import { certificatePrint, correctionNotice } from '../../../renderer/features/workflow/print-data';
import { nextStepText } from '../../../renderer/features/workflow/next-step';
import { certificateBody } from '../../../renderer/ui/print/certificate';
import { correctionNoticeBody } from '../../../renderer/ui/print/correction-notice';
import { qrSvg } from '../../../renderer/ui/print/qr-svg';
import { CERT_ID, makeEvent } from '../../support/events';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../resources/${path}`, import.meta.url), 'utf8'));
const catalog = parseCatalog(read('catalog/catalog.json'));
const item = (code: string): Item => (catalog.ok ? catalog.value.items.find((i) => i.code === code) : undefined) ?? (() => { throw new Error(`no item ${code}`); })();
const HPF = item('GG00408001-BJ');
const calendar = new WorkingCalendar([2025, 2026].map((y) => calendarYearSchema.parse(read(`calendar/${y}.json`))));

let n = 0;
function caseOf(steps: { type: EventType; payload?: unknown | ((caseId: string) => unknown); at?: string }[], over: Partial<PayloadOf<'case.received'>> = {}): CaseView {
  const caseId = `0193b1c2-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const received: PayloadOf<'case.received'> = {
    caseNo: `TJ01A-20261125-${String(n).padStart(4, '0')}X`,
    itemCode: HPF.code,
    itemName: HPF.name,
    promisedDays: HPF.promisedDays,
    applicant: { kind: 'person', name: '李建国', idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678' },
    form: { accountNo: '110000123456', loanCity: '天津市', maritalStatus: '未婚' },
    materials: [
      { materialId: 'id-card', provided: 'original', attachments: [] },
      { materialId: 'application-form', provided: 'original', attachments: [] },
    ],
    intakeHallId: 'TJ',
    homeHallId: 'BJ',
    deliveryHallId: 'TJ',
    queryCode: '123456',
    ...over,
  };
  const events = [{ type: 'case.received' as EventType, payload: received, at: '2026-11-25T02:00:00.000Z' }, ...steps].map((s, i) =>
    Event.parse(makeEvent(s.type, (typeof s.payload === 'function' ? (s.payload as (id: string) => unknown)(caseId) : (s.payload ?? {})) as never, { caseId, at: s.at ?? new Date(Date.parse('2026-11-25T02:00:00.000Z') + i * 60_000).toISOString() })),
  );
  const r = foldCase(events);
  if (!r.view || r.refused.length) throw new Error(JSON.stringify(r.refused));
  return r.view;
}

const asked = () =>
  caseOf([{ type: 'case.review_started' }, { type: 'case.correction_requested', payload: { reasons: ['申请表缺少签字'], materialIds: ['application-form'] } }]);

describe('a correction at the intake hall', () => {
  it('starts from the case as it stands and resubmits only what changed', () => {
    const view = asked();
    const before = valuesFromView(HPF, view);
    expect(before.form).toMatchObject({ accountNo: '110000123456', loanCity: '天津市', maritalStatus: '未婚', spouseIdNumber: '' });
    expect(correctionPayload(HPF, before, before)).toEqual({ changes: {}, materials: [] });

    const after = structuredClone(before);
    after.form.loanCity = '天津市滨海新区';
    after.applicant.phone = '139 0013 9000';
    after.materials[1] = { materialId: 'application-form', provided: 'electronic', attachments: [{ sha256: 'a'.repeat(64), name: '申请表.png', mime: 'image/png', size: 70 }] };
    expect(correctionPayload(HPF, before, after)).toEqual({
      changes: { 'form.loanCity': '天津市滨海新区', 'applicant.phone': '13900139000' },
      materials: [after.materials[1]],
    });
  });

  it('is blocked while a requested material is missing or the data are wrong', () => {
    const view = asked();
    const values = valuesFromView(HPF, view);
    expect(correctionIssues(HPF, values, ['application-form'])).toEqual([]);
    values.materials[1]!.provided = 'missing';
    expect(correctionIssues(HPF, values, ['application-form']).map((i) => i.label)).toContain('异地贷款缴存使用证明申请表');
    values.materials[1]!.provided = 'original';
    values.form.spouseIdNumber = '110105194912310021';
    expect(correctionIssues(HPF, values, []).map((i) => i.path)).toEqual(['form.spouseIdNumber']);
  });

  it('prints a notice with every reason and material, escaped', () => {
    const view = caseOf([{ type: 'case.review_started' }, { type: 'case.correction_requested', payload: { reasons: ['<b>签字</b>缺失', '照片模糊'], materialIds: ['application-form', 'id-card'] } }]);
    const data = correctionNotice(view, HPF, '李静', new Date('2026-11-26T01:00:00.000Z'))!;
    expect(data.materials).toEqual(['异地贷款缴存使用证明申请表', '居民身份证']);
    const html = correctionNoticeBody(data);
    expect(html).toContain('&lt;b&gt;签字&lt;/b&gt;缺失');
    expect(html).toContain('照片模糊');
    expect(html).toContain('北京住房公积金管理中心');
    expect(html).toContain('暂停计算');
    expect(correctionNotice(caseOf([]), HPF, '李静')).toBeNull();
  });
});

const ctx: DeadlineContext = { calendar, promisedDays: new Map([[HPF.code, HPF.promisedDays]]), itemNames: new Map(), now: new Date('2026-11-25T03:00:00.000Z') };
const row = (view: CaseView): CaseRow => ({
  caseId: view.caseId,
  caseNo: view.caseNo,
  state: view.state,
  itemCode: view.itemCode,
  itemName: view.itemName ?? '',
  applicantName: view.applicant.name,
  idNumber: view.applicant.idNumber,
  ...view.halls,
  receivedAt: view.receivedAt,
  updatedAt: view.updatedAt,
  pending: 0,
  view,
});

const CERT = (caseId: string) => ({
  certificate: { certificateId: CERT_ID, caseId, caseNo: 'x', itemCode: HPF.code, name: HPF.certificate!.name, holder: { name: '李建国', idNumber: '11010519491231002X' }, authority: HPF.authority, issuedAt: '2026-11-25T03:00:00.000Z', fields: { accountNo: '110000123456', loanCity: '<天津>' } },
  signature: 'A'.repeat(86),
  keyId: 'BJ-1',
});

describe('the workbench queues', () => {
  it('puts each case in the queue of the hall that must act, in the order to act', () => {
    const early = caseOf([]);
    const reviewing = caseOf([{ type: 'case.review_started' }]);
    const correction = asked();
    const issued = caseOf([{ type: 'case.review_started' }, { type: 'case.approved', payload: { note: '' } }, { type: 'certificate.issued', payload: CERT }]);
    // A case collected in Shijiazhuang waits there, not in Tianjin.
    const elsewhere = caseOf([{ type: 'case.review_started' }, { type: 'case.approved', payload: { note: '' } }, { type: 'certificate.issued', payload: CERT }], { deliveryHallId: 'SJZ' });
    const rows = [early, reviewing, correction, issued, elsewhere].map(row);

    const bj = buildQueues(rows, 'BJ', ctx);
    expect(bj.review.map((i) => i.caseId)).toEqual([early.caseId, reviewing.caseId]);
    expect(bj.corrections).toEqual([]);
    const tj = buildQueues(rows, 'TJ', ctx);
    expect(tj.review).toEqual([]);
    expect(tj.corrections.map((i) => i.caseId)).toEqual([correction.caseId]);
    expect(tj.issuance.map((i) => i.caseId)).toEqual([issued.caseId]);
    expect(buildQueues(rows, 'SJZ', ctx).issuance.map((i) => i.caseId)).toEqual([elsewhere.caseId]);
    // One working day promised on Wed 2026-11-25: due Thu, at risk today; a decided case is not.
    expect(tj.deadline.map((i) => i.caseId).sort()).toEqual([early.caseId, reviewing.caseId, correction.caseId].sort());
    expect(Object.values(buildQueues(rows, 'XA', ctx)).every((q) => q.length === 0)).toBe(true);
  });

  it('shows each role its own queues', () => {
    expect(queuesFor(['reviewer']).map((q) => q.key)).toEqual(expect.arrayContaining(['review', 'deadline']));
    expect(queuesFor(['reviewer']).map((q) => q.key)).not.toContain('corrections');
    expect(queuesFor(['clerk']).map((q) => q.key)).toEqual(expect.arrayContaining(['corrections', 'issuance', 'deadline']));
    expect(queuesFor(['clerk']).map((q) => q.key)).not.toContain('review');
    expect(queuesFor(['technician'])).toEqual([]);
  });

  it('tells each hall what happens next', () => {
    const view = caseOf([]);
    expect(nextStepText(view, 'BJ')).toBe('本厅为主管厅：请开始审核。');
    expect(nextStepText(view, 'TJ')).toBe('等待主管厅（北京市政务服务中心）开始审核。');
  });
});

describe('the printed certificate', () => {
  const view = caseOf([{ type: 'case.review_started' }, { type: 'case.approved', payload: { note: '' } }, { type: 'certificate.issued', payload: CERT }]);

  it('carries the signed data, escaped, and the QR code of the verify address with the signature', () => {
    const print = certificatePrint(view, HPF, 'https://hub.example.cn')!;
    const html = certificateBody(print);
    expect(html).toContain('异地贷款职工住房公积金缴存使用证明');
    expect(html).toContain('公民身份号码');
    expect(html).toContain('11010519491231002X');
    expect(html).toContain('拟贷款城市');
    expect(html).toContain('&lt;天津&gt;');
    expect(html).not.toContain('<天津>');
    expect(html).toContain(`https://hub.example.cn/verify/${CERT_ID}`);
    const qr = certificateQrText('https://hub.example.cn', view.certificate!);
    const path = (svg: string) => svg.match(/<path d="([^"]+)"/)![1];
    expect(path(html)).toBe(path(qrSvg(qr, '证照核验二维码')));
    expect(html).not.toContain('补打');
  });

  it('marks a reprint with its count and reason', () => {
    const printed = { ...view, prints: [{ certificateId: CERT_ID, copies: 1, at: '2026-11-25T04:00:00.000Z', actor: { staffId: 's', hallId: 'TJ' } }] };
    const html = certificateBody(certificatePrint(printed, HPF, 'http://h', '原证照污损')!);
    expect(html).toContain('补打（第 1 次）：原证照污损');
  });
});
