// One of the item's own fields, rendered by its kind: text, number, date, select, ID numbers, phone, address.
import { useTranslation } from 'react-i18next';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useController, type Control } from 'react-hook-form';
import type { Field } from '../../../shared/catalog/item-schema';
import { describedBy, FieldRow } from './FieldRow';
import { DEFAULT_TEXT_MAX } from './field-checks';
import type { IntakeValues } from './intake-values';
import { fieldId } from './keyboard';

const DATE = 'YYYY-MM-DD';

/** The kinds of field with a placeholder of our own (renderer/i18n: intake.placeholder). */
const PLACEHOLDER_KINDS = ['idNumber', 'uscc', 'phone', 'address', 'date'] as const;
const hasPlaceholder = (kind: Field['kind']): kind is (typeof PLACEHOLDER_KINDS)[number] => (PLACEHOLDER_KINDS as readonly string[]).includes(kind);

export function FieldControl({ field: def, control }: { field: Field; control: Control<IntakeValues> }) {
  const { t } = useTranslation();
  const name = `form.${def.name}` as const;
  const { field: { ref, ...field }, fieldState } = useController({ control, name });
  const id = fieldId(name);
  const error = fieldState.error?.message;
  const aria = describedBy(id, error, def.required);
  const placeholder = def.placeholder ?? (hasPlaceholder(def.kind) ? t(`intake.placeholder.${def.kind}`) : undefined);
  const common = { ...aria, onBlur: field.onBlur, placeholder, style: { width: '100%' } };
  let control_;
  switch (def.kind) {
    case 'number':
      control_ = <InputNumber {...common} ref={ref} value={typeof field.value === 'number' ? field.value : null} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} />;
      break;
    case 'date':
      control_ = (
        <DatePicker
          {...common}
          ref={ref}
          format={DATE}
          value={typeof field.value === 'string' && field.value ? dayjs(field.value) : null}
          onChange={(d) => field.onChange(d ? d.format(DATE) : '')}
        />
      );
      break;
    case 'select':
      control_ = (
        <Select
          {...common}
          ref={ref}
          value={typeof field.value === 'string' && field.value ? field.value : undefined}
          onChange={(v) => field.onChange(v ?? '')}
          allowClear={!def.required}
          showSearch={{ optionFilterProp: 'label' }}
          options={(def.options ?? []).map((o) => ({ value: o, label: o }))}
          placeholder={placeholder ?? t('intake.choose')}
        />
      );
      break;
    default:
      control_ = (
        <Input
          {...common}
          ref={ref}
          value={typeof field.value === 'string' ? field.value : String(field.value ?? '')}
          onChange={field.onChange}
          maxLength={def.kind === 'text' || def.kind === 'address' ? (def.maxLength ?? DEFAULT_TEXT_MAX) : 40}
          inputMode={def.kind === 'phone' ? 'tel' : undefined}
          autoComplete="off"
        />
      );
  }
  return (
    <FieldRow id={id} label={def.label} required={def.required} error={error} extra={def.help}>
      {control_}
    </FieldRow>
  );
}
