// The case summary the caller shares during a call: the same data both sides look at, with
// personal numbers masked as on any screen that does not need them whole.
import type { Field, Material } from '../catalog/item-schema';
import type { CaseView } from '../case/projection';
import { STATE_LABELS } from '../case/states';
import { hallName } from '../halls';
import { ID_TYPE_LABELS, PROVIDED_LABELS, type IdType } from '../protocol/events';
import { maskIdNumberByType, maskMobilePhone, maskResidentId } from '../validators';
import type { CaseSummaryShare } from './messages';

function formText(field: Field | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  if (field?.kind === 'idNumber') return maskResidentId(text);
  if (field?.kind === 'phone') return maskMobilePhone(text);
  return text;
}

export function caseSummaryShare(
  view: CaseView,
  item: { name: string; fields: readonly Field[]; materials: readonly Material[] } | undefined,
): CaseSummaryShare {
  const a = view.applicant;
  return {
    caseNo: view.caseNo,
    itemName: (view.itemName ?? item?.name ?? view.itemCode).slice(0, 200),
    itemCode: view.itemCode,
    state: STATE_LABELS[view.state],
    applicant: {
      name: a.name,
      kind: a.kind === 'enterprise' ? '企业' : '个人',
      idType: ID_TYPE_LABELS[a.idType as IdType] ?? a.idType,
      idNumberMasked: maskIdNumberByType(a.idType, a.idNumber).slice(0, 40),
    },
    halls: {
      intake: hallName(view.halls.intakeHallId),
      home: hallName(view.halls.homeHallId),
      delivery: hallName(view.halls.deliveryHallId),
    },
    receivedAt: view.receivedAt,
    ...(view.promisedDays !== undefined ? { promisedDays: view.promisedDays } : {}),
    form: Object.entries(view.form)
      .slice(0, 100)
      .map(([name, value]) => {
        const field = item?.fields.find((f) => f.name === name);
        return {
          label: (field?.label ?? name).slice(0, 200),
          value: formText(field, value).slice(0, 2000),
        };
      }),
    materials: view.materials.slice(0, 100).map((m) => ({
      name: (
        item?.materials.find((x) => x.materialId === m.materialId)?.name ?? m.materialId
      ).slice(0, 200),
      provided: PROVIDED_LABELS[m.provided],
    })),
    ...(view.correction ? { correction: view.correction.reasons.slice(0, 50) } : {}),
  };
}
