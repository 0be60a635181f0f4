// Turning checked form values into the `case.received` payload (PROTOCOL.md): numbers normalized
// by the shared validators, empty optional fields left out, unchecked optional materials `missing`.
import type { Item } from '../../../shared/catalog/item-schema';
import type { FormValue, PayloadOf } from '../../../shared/protocol/events';
import { validateMobilePhone } from '../../../shared/validators';
import { checkIdNumber, normalizeField } from './field-checks';
import type { IntakeValues } from './intake-values';

export type CaseReceivedPayload = PayloadOf<'case.received'>;

export interface CaseIdentity {
  caseNo: string;
  queryCode: string;
  intakeHallId: string;
}

export function toCaseReceived(item: Item, values: IntakeValues, id: CaseIdentity): CaseReceivedPayload {
  const a = values.applicant;
  const idNumber = checkIdNumber(a.idType, a.idNumber);
  const phone = validateMobilePhone(a.phone);
  const form: Record<string, FormValue> = {};
  for (const f of item.fields) {
    const v = normalizeField(f, values.form[f.name]);
    if (v !== undefined) form[f.name] = v;
  }
  return {
    caseNo: id.caseNo,
    itemCode: item.code,
    itemName: item.name,
    promisedDays: item.promisedDays,
    applicant: {
      kind: a.kind,
      name: a.name.trim(),
      idType: a.idType,
      idNumber: idNumber.ok ? idNumber.value : a.idNumber.trim(),
      phone: phone.ok ? phone.value : a.phone.trim(),
    },
    form,
    materials: item.materials.map((m) => {
      const v = values.materials.find((x) => x.materialId === m.materialId);
      return { materialId: m.materialId, provided: v?.provided || 'missing', attachments: v?.attachments ?? [] };
    }),
    intakeHallId: id.intakeHallId,
    homeHallId: item.homeHallId,
    deliveryHallId: values.deliveryHallId,
    queryCode: id.queryCode,
  };
}
