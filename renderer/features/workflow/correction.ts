// Resubmitting a case after the home hall asked for a correction: the intake form, filled from the
// case as it stands, and the payload of what the clerk changed (PROTOCOL.md, case.correction_submitted).
import { t } from '../../i18n';
import type { Item } from '../../../shared/catalog/item-schema';
import type { CaseView } from '../../../shared/case/projection';
import type { FormValue, MaterialEntry, PayloadOf } from '../../../shared/protocol/events';
import { canonicalJson } from '../../../shared/crypto/canonical-json';
import { collectIssues, type IntakeIssue } from '../intake/intake-schema';
import { toCaseReceived } from '../intake/intake-payload';
import type { IntakeValues } from '../intake/intake-values';

/** The case's present data as intake form values. */
export function valuesFromView(item: Item, view: CaseView): IntakeValues {
  const materials = new Map(view.materials.map((m) => [m.materialId, m]));
  return {
    applicant: { ...view.applicant },
    form: Object.fromEntries(
      item.fields.map((f) => [f.name, toFieldValue(view.form[f.name], f.kind === 'number')]),
    ),
    materials: item.materials.map((m) => {
      const had = materials.get(m.materialId);
      return {
        materialId: m.materialId,
        provided: had?.provided ?? '',
        attachments: had ? [...had.attachments] : [],
      };
    }),
    deliveryHallId: view.halls.deliveryHallId,
  };
}

function toFieldValue(v: FormValue | undefined, numeric: boolean): string | number | null {
  if (v === undefined || v === null) return numeric ? null : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

const IDENTITY = { caseNo: 'x', queryCode: '000000', intakeHallId: 'BJ' };

/**
 * What changed between the case and the corrected values, in the event's terms: field changes keyed
 * `form.x`, `applicant.y`, `deliveryHallId`, and every material whose form or files changed.
 */
export function correctionPayload(
  item: Item,
  before: IntakeValues,
  after: IntakeValues,
): PayloadOf<'case.correction_submitted'> {
  const a = toCaseReceived(item, before, IDENTITY);
  const b = toCaseReceived(item, after, IDENTITY);
  const changes: Record<string, FormValue> = {};
  for (const k of ['name', 'phone', 'idType', 'idNumber'] as const) {
    if (a.applicant[k] !== b.applicant[k]) changes[`applicant.${k}`] = b.applicant[k];
  }
  for (const f of item.fields) {
    const x = a.form[f.name];
    const y = b.form[f.name];
    if (x !== y) changes[`form.${f.name}`] = y ?? null;
  }
  if (a.deliveryHallId !== b.deliveryHallId) changes.deliveryHallId = b.deliveryHallId;
  const beforeMaterials = new Map(a.materials.map((m) => [m.materialId, canonicalJson(m)]));
  const materials: MaterialEntry[] = b.materials.filter(
    (m) => beforeMaterials.get(m.materialId) !== canonicalJson(m),
  );
  return { changes, materials };
}

/**
 * What still blocks the resubmission: everything that would block an intake, and each material
 * the home hall asked for that is still missing.
 */
export function correctionIssues(
  item: Item,
  values: IntakeValues,
  requested: readonly string[],
  today = new Date(),
): IntakeIssue[] {
  const issues = collectIssues(item, values, today);
  for (const id of requested) {
    const index = item.materials.findIndex((m) => m.materialId === id);
    const v = values.materials[index];
    const material = item.materials[index];
    if (!material || !v) continue;
    const path = `materials.${index}.provided`;
    if ((v.provided === '' || v.provided === 'missing') && !issues.some((i) => i.path === path)) {
      issues.push({
        path,
        section: 'material',
        label: material.name,
        message: t('correction.handInMaterial', { name: material.name }),
        kind: 'missing',
      });
    }
  }
  return issues;
}
