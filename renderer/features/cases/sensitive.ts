// Personal numbers as the case page shows them: masked unless the clerk chose 显示.
import type { FieldKind } from '../../../shared/catalog/item-schema';
import { maskIdNumberByType, maskMobilePhone, maskResidentId } from '../../../shared/validators';

export function idNumberText(idType: string, idNumber: string, revealed: boolean): string {
  return revealed ? idNumber : maskIdNumberByType(idType, idNumber);
}

export function phoneText(phone: string, revealed: boolean): string {
  if (!phone) return '—';
  return revealed ? phone : maskMobilePhone(phone);
}

/** A form value of a field whose kind holds a personal number: masked like the applicant's. */
export function fieldText(kind: FieldKind | undefined, text: string, revealed: boolean): string {
  if (revealed || text === '—') return text;
  if (kind === 'idNumber') return maskResidentId(text);
  if (kind === 'phone') return maskMobilePhone(text);
  return text;
}
