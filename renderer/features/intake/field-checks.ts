// Checks of single values as the clerk types them, with the shared validators' Chinese messages.
import { isIsoDate } from '../../../shared/calendar/calendar-data';
import type { Field } from '../../../shared/catalog/item-schema';
import type { IdType } from '../../../shared/protocol/events';
import { validateIdNumber, validateMobilePhone, validateUscc } from '../../../shared/validators';
import type { FieldValue } from './intake-values';

export const DEFAULT_TEXT_MAX = 500;

export function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** `请选择…` for pickers, `请填写…` for what is typed. */
export function requiredMessage(field: Pick<Field, 'kind' | 'label'>): string {
  return field.kind === 'select' || field.kind === 'date' ? `请选择${field.label}` : `请填写${field.label}`;
}

/** The problem with one item field's value, or null when it is fine. */
export function checkField(field: Field, v: FieldValue | undefined, today: Date = new Date()): string | null {
  if (isEmpty(v)) return field.required ? requiredMessage(field) : null;
  const text = String(v).trim();
  switch (field.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : `${field.label}应为数字`;
    case 'date':
      if (!isIsoDate(text)) return `${field.label}应为有效日期（年-月-日）`;
      return null;
    case 'select':
      return field.options?.includes(text) ? null : `${field.label}应从列表中选择`;
    case 'idNumber': {
      const r = validateIdNumber('resident', text, { today });
      return r.ok ? null : r.error.message;
    }
    case 'uscc': {
      const r = validateUscc(text);
      return r.ok ? null : r.error.message;
    }
    case 'phone': {
      const r = validateMobilePhone(text);
      return r.ok ? null : r.error.message;
    }
    case 'text':
    case 'address': {
      const max = field.maxLength ?? DEFAULT_TEXT_MAX;
      return text.length > max ? `${field.label}不能超过 ${max} 个字，现在是 ${text.length} 个` : null;
    }
  }
}

/** A field's value as the event carries it: trimmed, numbers as the validators write them. */
export function normalizeField(field: Field, v: FieldValue | undefined): FieldValue | undefined {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'number') return v;
  const text = String(v).trim();
  if (field.kind === 'idNumber') {
    const r = validateIdNumber('resident', text);
    return r.ok ? r.value.idNumber : text;
  }
  if (field.kind === 'uscc') {
    const r = validateUscc(text);
    return r.ok ? r.value.code : text;
  }
  if (field.kind === 'phone') {
    const r = validateMobilePhone(text);
    return r.ok ? r.value : text;
  }
  return text;
}

/** The applicant's ID number checked for its type; the normalized number when valid. */
export function checkIdNumber(idType: IdType, value: string, today: Date = new Date()): { ok: true; value: string } | { ok: false; message: string } {
  const r = validateIdNumber(idType, value, { today });
  return r.ok ? { ok: true, value: r.value.idNumber } : { ok: false, message: r.error.message };
}
