// The intake form's zod schema for one item (the react-hook-form resolver), and the list of what
// still stands between the clerk and acceptance, read from the same schema.
import { t } from '../../i18n';
import { z } from 'zod';
import type { ApplicantKind, Item } from '../../../shared/catalog/item-schema';
import { HALL_ID_PATTERN } from '../../../shared/halls';
import { ID_TYPES, PROVIDED } from '../../../shared/protocol/events';
import { validateMobilePhone } from '../../../shared/validators';
import { checkField, checkIdNumber } from './field-checks';
import { idTypesFor, type IntakeValues } from './intake-values';

/** Why an issue blocks acceptance; `missing` ones are what a one-time notice tells the applicant. */
export type IssueKind = 'missing' | 'unchecked' | 'noFile';

export interface IntakeIssue {
  /** The form path, as react-hook-form names it (`applicant.idNumber`, `form.practiceOrg`, `materials.2.provided`). */
  path: string;
  section: 'applicant' | 'field' | 'material' | 'delivery';
  /** What it is about, for lists: the field label or material name. */
  label: string;
  message: string;
  kind: IssueKind;
}

const NAME_MAX = 100;

export function applicantLabels(kind: ApplicantKind) {
  return kind === 'enterprise'
    ? { name: '单位名称', idType: '证件类型', idNumber: '统一社会信用代码', phone: '经办人手机号码' }
    : { name: '申请人姓名', idType: '证件类型', idNumber: '证件号码', phone: '手机号码' };
}

function applicantSchema(item: Item, today: Date) {
  return z
    .object({
      kind: z.enum(item.applicantKinds as [ApplicantKind, ...ApplicantKind[]], { error: '本事项不受理这类申请人' }),
      name: z.string(),
      idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
      idNumber: z.string(),
      phone: z.string(),
    })
    .superRefine((a, ctx) => {
      const labels = applicantLabels(a.kind);
      const name = a.name.trim();
      if (name === '') ctx.addIssue({ code: 'custom', path: ['name'], message: `请填写${labels.name}` });
      else if (name.length > NAME_MAX) ctx.addIssue({ code: 'custom', path: ['name'], message: `${labels.name}不能超过 ${NAME_MAX} 个字` });
      if (!idTypesFor(a.kind).includes(a.idType)) {
        ctx.addIssue({ code: 'custom', path: ['idType'], message: a.kind === 'enterprise' ? '法人或其他组织应使用统一社会信用代码' : '自然人不能使用统一社会信用代码' });
      } else {
        const id = checkIdNumber(a.idType, a.idNumber, today);
        if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.message });
      }
      const phone = validateMobilePhone(a.phone);
      if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.error.message });
    });
}

function materialsSchema(item: Item) {
  const entry = z.object({
    materialId: z.string(),
    provided: z.enum([...PROVIDED, ''] as const),
    attachments: z.array(z.object({ sha256: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  });
  return z.array(entry).superRefine((values, ctx) => {
    item.materials.forEach((m, i) => {
      const v = values.find((x) => x.materialId === m.materialId);
      const path = [i, 'provided'];
      if (!v || v.provided === '') {
        if (m.required) ctx.addIssue({ code: 'custom', path, message: '尚未核对', params: { kind: 'unchecked' } });
      } else if (v.provided === 'missing') {
        if (m.required) ctx.addIssue({ code: 'custom', path, message: '必需材料，申请人未提供', params: { kind: 'missing' } });
      } else if (!m.forms.includes(v.provided)) {
        ctx.addIssue({ code: 'custom', path, message: '本事项不接受这种材料形式', params: { kind: 'unchecked' } });
      } else if (v.provided === 'electronic' && v.attachments.length === 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'attachments'], message: '电子件需上传文件或拍摄', params: { kind: 'noFile' } });
      }
    });
  });
}

export function intakeSchema(item: Item, today: Date = new Date()) {
  const value = z.union([z.string(), z.number(), z.null()]);
  const form = Object.fromEntries(
    item.fields.map((f) => [
      f.name,
      value.superRefine((v, ctx) => {
        const problem = checkField(f, v, today);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ]),
  );
  return z.object({
    applicant: applicantSchema(item, today),
    form: z.object(form),
    materials: materialsSchema(item),
    deliveryHallId: z.string().regex(HALL_ID_PATTERN, { error: '请选择领取地点' }),
  });
}

function describe(item: Item, values: IntakeValues, path: readonly PropertyKey[]): Pick<IntakeIssue, 'section' | 'label'> {
  const [head, key] = path;
  if (head === 'applicant') {
    const labels = applicantLabels(values.applicant.kind);
    return { section: 'applicant', label: labels[key as keyof typeof labels] ?? '申请人' };
  }
  if (head === 'form') return { section: 'field', label: item.fields.find((f) => f.name === key)?.label ?? String(key) };
  if (head === 'materials') return { section: 'material', label: item.materials[Number(key)]?.name ?? '材料' };
  return { section: 'delivery', label: '领取地点' };
}

/** Everything that blocks acceptance, in the form's order. */
export function collectIssues(item: Item, values: IntakeValues, today: Date = new Date()): IntakeIssue[] {
  const parsed = intakeSchema(item, today).safeParse(values);
  if (parsed.success) return [];
  return parsed.error.issues.map((iss) => {
    const params = (iss as { params?: { kind?: IssueKind } }).params;
    return { path: iss.path.join('.'), ...describe(item, values, iss.path), message: iss.message, kind: params?.kind ?? 'missing' };
  });
}

/** A short reason the accept button is disabled, e.g. `缺 2 项必需材料，3 项信息未填或有误`. */
export function blockingReason(issues: readonly IntakeIssue[]): string | null {
  if (issues.length === 0) return null;
  const count = (pred: (i: IntakeIssue) => boolean) => issues.filter(pred).length;
  const parts: string[] = [];
  const missing = count((i) => i.section === 'material' && i.kind === 'missing');
  const unchecked = count((i) => i.section === 'material' && i.kind === 'unchecked');
  const noFile = count((i) => i.kind === 'noFile');
  const info = count((i) => i.section !== 'material');
  if (missing) parts.push(t('intake.reason.missing', { count: missing }));
  if (unchecked) parts.push(t('intake.reason.unchecked', { count: unchecked }));
  if (noFile) parts.push(t('intake.reason.noFile', { count: noFile }));
  if (info) parts.push(t('intake.reason.info', { count: info }));
  return parts.join(t('intake.reasonJoin'));
}
