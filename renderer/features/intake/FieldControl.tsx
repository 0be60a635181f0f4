// One of the item's own fields, rendered by its kind: text, number, date, select, ID numbers, phone, address.
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useController, type Control } from 'react-hook-form';
import type { Field } from '../../../shared/catalog/item-schema';
import { describedBy, FieldRow } from './FieldRow';
import { DEFAULT_TEXT_MAX } from './field-checks';
import type { IntakeValues } from './intake-values';
import { fieldId } from './keyboard';

const DATE = 'YYYY-MM-DD';

const PLACEHOLDERS: Partial<Record<Field['kind'], string>> = {
  idNumber: '18位居民身份证号码',
  uscc: '18位统一社会信用代码',
  phone: '11位手机号码',
  address: '省、市、区县、街道及门牌号',
  date: '年-月-日，如 2026-01-31',
};

export function FieldControl({ field: def, control }: { field: Field; control: Control<IntakeValues> }) {
  const name = `form.${def.name}` as const;
  const { field: { ref, ...field }, fieldState } = useController({ control, name });
  const id = fieldId(name);
  const error = fieldState.error?.message;
  const aria = describedBy(id, error, def.required);
  const placeholder = def.placeholder ?? PLACEHOLDERS[def.kind];
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
          placeholder={placeholder ?? '请选择'}
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
