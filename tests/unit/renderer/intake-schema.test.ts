// What blocks acceptance, read from the intake schema with the shared validators' messages, and
// the case.received payload made from a complete form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type Item } from '../../../shared/catalog/item-schema';
import { CaseReceived } from '../../../shared/protocol/events';
import { toCaseReceived } from '../../../renderer/features/intake/intake-payload';
import { blockingReason, collectIssues } from '../../../renderer/features/intake/intake-schema';
import { emptyValues, valuesFor, type IntakeValues, type MaterialValue } from '../../../renderer/features/intake/intake-values';

const catalog = parseCatalog(JSON.parse(readFileSync(new URL('../../../resources/catalog/catalog.json', import.meta.url), 'utf8')));
if (!catalog.ok) throw new Error(catalog.error.message);
function item(code: string): Item {
  const found = catalog.ok ? catalog.value.items.find((i) => i.code === code) : undefined;
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

const NURSE = 'XK00101001-BJ';
const TODAY = new Date('2026-11-25T02:00:00.000Z');

/** Everything 护士执业注册 needs, as a clerk would type it. */
function completeNurse(): IntakeValues {
  const v = emptyValues(item(NURSE), 'TJ');
  v.applicant = { kind: 'person', name: ' 张晓梅 ', idType: 'resident', idNumber: '11010519491231002x', phone: '+86 138-1234-5678' };
  v.form = { practiceOrg: '北京协和医院', practiceOrgUscc: '91350100m000100y43', examPassDate: '2025-06-30', education: '本科', orgPhone: '' };
  v.materials = v.materials.map((m) => ({ ...m, provided: 'original' }));
  return v;
}

const nurse = item(NURSE);
const issuesOf = (v: ReturnType<typeof completeNurse>) => collectIssues(nurse, v, TODAY);

describe('intake issues', () => {
  it('accepts a complete intake', () => {
    expect(issuesOf(completeNurse())).toEqual([]);
    expect(blockingReason([])).toBeNull();
  });

  it('lists everything an empty form lacks, in form order', () => {
    const issues = issuesOf(emptyValues(nurse, 'TJ'));
    expect(issues.map((i) => i.path)).toEqual([
      'applicant.name',
      'applicant.idNumber',
      'applicant.phone',
      'form.practiceOrg',
      'form.practiceOrgUscc',
      'form.examPassDate',
      'form.education',
      ...nurse.materials.map((_, i) => `materials.${i}.provided`),
    ]);
    expect(issues.find((i) => i.path === 'form.examPassDate')?.message).toBe('请选择执业资格考试合格日期');
    expect(blockingReason(issues)).toBe('7 项材料未核对，7 项信息未填或有误');
  });

  it('tells a required material marked 缺 apart from one not checked yet', () => {
    const v = completeNurse();
    v.materials[4]!.provided = 'missing';
    v.materials[5]!.provided = '';
    const issues = issuesOf(v);
    expect(issues.map((i) => [i.label, i.kind])).toEqual([
      ['健康体检证明', 'missing'],
      ['医疗卫生机构拟聘用证明', 'unchecked'],
    ]);
    expect(blockingReason(issues)).toBe('缺 1 项必需材料，1 项材料未核对');
  });

  it('wants a file for an electronic copy', () => {
    const v = completeNurse();
    v.materials[0]!.provided = 'electronic';
    expect(issuesOf(v)).toMatchObject([{ path: 'materials.0.attachments', kind: 'noFile', message: '电子件需上传文件或拍摄' }]);
    v.materials[0]!.attachments = [{ sha256: 'a'.repeat(64), name: '表.pdf', mime: 'application/pdf', size: 10 }];
    expect(issuesOf(v)).toEqual([]);
  });

  it('refuses a form the item does not allow', () => {
    const v = completeNurse();
    v.materials[4]!.provided = 'copy'; // 健康体检证明: originals only
    expect(issuesOf(v)[0]).toMatchObject({ label: '健康体检证明', message: '本事项不接受这种材料形式' });
  });

  it('shows the shared validators’ messages for wrong numbers', () => {
    const v = completeNurse();
    v.applicant.idNumber = '110105194912310021';
    v.applicant.phone = '1234';
    v.form.practiceOrgUscc = '911200007178977478';
    v.form.orgPhone = '010-12345678';
    const byPath = Object.fromEntries(issuesOf(v).map((i) => [i.path, i.message]));
    expect(byPath['applicant.idNumber']).toContain('校验位错误');
    expect(byPath['applicant.phone']).toContain('手机号码应为11位');
    expect(byPath['form.practiceOrgUscc']).toContain('统一社会信用代码');
    // An optional field may stay empty, but what is typed in it must be right.
    expect(byPath['form.orgPhone']).toBeDefined();
  });

  it('checks dates, selects and numbers by kind', () => {
    const v = completeNurse();
    v.form.examPassDate = '2025-02-30';
    v.form.education = '博士后';
    const byPath = Object.fromEntries(issuesOf(v).map((i) => [i.path, i.message]));
    expect(byPath['form.examPassDate']).toBe('执业资格考试合格日期应为有效日期（年-月-日）');
    expect(byPath['form.education']).toBe('护理专业学历应从列表中选择');

    const company = item('XK00104001-BJ');
    const c = valuesFor(company, 'TJ', { applicant: { kind: 'enterprise', name: '天津某某科技有限公司', idType: 'uscc', idNumber: '91350100M000100Y43', phone: '13812345678' } });
    expect(collectIssues(company, c, TODAY).find((i) => i.path === 'form.registeredCapital')?.message).toBe('请填写注册资本（万元）');
  });

  it('holds an organization to its unified social credit code', () => {
    const company = item('XK00104001-BJ');
    const v = valuesFor(company, 'TJ', { applicant: { kind: 'enterprise', name: '某公司', idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678' } });
    // valuesFor already moves an organization to its only ID type…
    expect(v.applicant.idType).toBe('uscc');
    // …and the schema refuses one that comes in otherwise.
    v.applicant.idType = 'resident';
    expect(collectIssues(company, v, TODAY)[0]).toMatchObject({ path: 'applicant.idType', message: '法人或其他组织应使用统一社会信用代码' });
    expect(collectIssues(company, v, TODAY)[0]?.label).toBe('证件类型');
  });
});

describe('values carried to another item', () => {
  it('keeps the applicant and the materials both items share', () => {
    const from = completeNurse();
    const other = item('XK00101001-XA');
    const v = valuesFor(other, 'TJ', from);
    expect(v.applicant.name).toBe(' 张晓梅 ');
    expect(v.materials.map((m) => m.provided)).toEqual(from.materials.map((m) => m.provided));
    const social = valuesFor(item('GG00401001-BJ'), 'TJ', from);
    expect(social.materials.find((m) => m.materialId === 'id-card')?.provided).toBe('original');
    expect(Object.keys(social.form)).toEqual(item('GG00401001-BJ').fields.map((f) => f.name));
  });
});

const id = { caseNo: 'TJ03A-20261125-00422', queryCode: '123456', intakeHallId: 'TJ' };

describe('case.received payload', () => {
  it('copies the item and the halls, and normalizes what the clerk typed', () => {
    const p = toCaseReceived(item(NURSE), completeNurse(), id);
    expect(p).toMatchObject({
      caseNo: id.caseNo,
      itemCode: NURSE,
      itemName: '护士执业注册（首次注册）',
      promisedDays: 5,
      intakeHallId: 'TJ',
      homeHallId: 'BJ',
      deliveryHallId: 'TJ',
      queryCode: '123456',
      applicant: { kind: 'person', name: '张晓梅', idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678' },
    });
    expect(p.form).toEqual({ practiceOrg: '北京协和医院', practiceOrgUscc: '91350100M000100Y43', examPassDate: '2025-06-30', education: '本科' });
    expect(CaseReceived.safeParse(p).success).toBe(true);
  });

  it('records an optional material not brought as missing, with its attachments for the rest', () => {
    const social = item('GG00401001-BJ');
    const v = completeNurse();
    const values = { ...v, form: { insuredPlace: '北京市', bank: '中国工商银行', mailingAddress: '', contactPhone: '13912345678' }, materials: social.materials.map((m): MaterialValue => ({ materialId: m.materialId, provided: m.required ? 'original' : '', attachments: [] })) };
    values.materials[0]!.attachments = [{ sha256: 'b'.repeat(64), name: '身份证.jpg', mime: 'image/jpeg', size: 2048 }];
    const p = toCaseReceived(social, values, { ...id, intakeHallId: 'TJ' });
    expect(p.materials.map((m) => m.provided)).toEqual(['original', 'original', 'original', 'missing']);
    expect(p.materials[0]?.attachments).toHaveLength(1);
    expect(p.form).not.toHaveProperty('mailingAddress');
    expect(CaseReceived.safeParse(p).success).toBe(true);
  });

  it('lets the applicant collect at another hall', () => {
    const v = { ...completeNurse(), deliveryHallId: 'SJZ' };
    expect(toCaseReceived(item(NURSE), v, id).deliveryHallId).toBe('SJZ');
  });
});
