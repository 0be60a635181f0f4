// What the intake form holds while the clerk types (and what a draft stores), and its starting values.
import type { ApplicantKind, Item } from '../../../shared/catalog/item-schema';
import type { Attachment, IdType, Provided } from '../../../shared/protocol/events';

export type FieldValue = string | number | null;

export interface MaterialValue {
  materialId: string;
  /** '' until the clerk has checked the material. */
  provided: Provided | '';
  attachments: Attachment[];
}

export interface IntakeValues {
  applicant: { kind: ApplicantKind; name: string; idType: IdType; idNumber: string; phone: string };
  form: Record<string, FieldValue>;
  /** In the item's order, one per material. */
  materials: MaterialValue[];
  deliveryHallId: string;
}

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = { person: '自然人', enterprise: '法人或其他组织' };

/** The ID types a kind of applicant may use: an organization is known by its USCC only. */
export function idTypesFor(kind: ApplicantKind): IdType[] {
  return kind === 'enterprise' ? ['uscc'] : ['resident', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent'];
}

export function emptyValues(item: Item, hallId: string): IntakeValues {
  const kind = item.applicantKinds[0] ?? 'person';
  return {
    applicant: { kind, name: '', idType: idTypesFor(kind)[0] ?? 'resident', idNumber: '', phone: '' },
    form: Object.fromEntries(item.fields.map((f) => [f.name, f.kind === 'number' ? null : ''])),
    materials: item.materials.map((m) => ({ materialId: m.materialId, provided: '', attachments: [] })),
    deliveryHallId: hallId,
  };
}

/**
 * Values for `item` carried over from earlier ones (a draft, or the form before the clerk changed
 * the item): the applicant and delivery hall stay, fields and materials are kept where the new
 * item has them by the same name and id, and anything else starts empty.
 */
export function valuesFor(item: Item, hallId: string, from?: Partial<IntakeValues>): IntakeValues {
  const base = emptyValues(item, hallId);
  if (!from) return base;
  const applicant = { ...base.applicant, ...from.applicant };
  if (!item.applicantKinds.includes(applicant.kind)) applicant.kind = base.applicant.kind;
  if (!idTypesFor(applicant.kind).includes(applicant.idType)) applicant.idType = idTypesFor(applicant.kind)[0] ?? 'resident';
  const form = { ...base.form };
  for (const f of item.fields) {
    const v = from.form?.[f.name];
    if (v !== undefined) form[f.name] = v;
  }
  const materials = base.materials.map((m) => from.materials?.find((old) => old.materialId === m.materialId) ?? m);
  return { applicant, form, materials, deliveryHallId: from.deliveryHallId || hallId };
}

/** True when the clerk has entered anything worth keeping. */
export function hasContent(v: IntakeValues): boolean {
  const a = v.applicant;
  return !!(a.name || a.idNumber || a.phone || Object.values(v.form).some((x) => x !== '' && x !== null) || v.materials.some((m) => m.provided || m.attachments.length));
}
