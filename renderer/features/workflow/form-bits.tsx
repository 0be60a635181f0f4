// Small pieces the action forms share: submitting a react-hook-form from the modal's button, and a
// labelled text area tied to its field and its message.
import { Input } from 'antd';
import {
  Controller,
  type Control,
  type FieldPath,
  type FieldValues,
  type UseFormHandleSubmit,
} from 'react-hook-form';
import type { Result } from '../../../shared/result';
import { describedBy, FieldRow } from '../intake/FieldRow';

export function submitForm<T extends FieldValues>(
  handleSubmit: UseFormHandleSubmit<T>,
  run: (values: T) => Promise<Result<unknown> | 'invalid'>,
): Promise<Result<unknown> | 'invalid'> {
  return new Promise((resolve) => {
    void handleSubmit(
      async (values) => resolve(await run(values)),
      () => resolve('invalid'),
    )();
  });
}

export function TextAreaField<T extends FieldValues>(props: {
  control: Control<T>;
  name: FieldPath<T>;
  id: string;
  label: string;
  required: boolean;
  rows?: number;
  placeholder?: string;
  singleLine?: boolean;
}) {
  const { control, name, id, label, required, rows, placeholder, singleLine } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: { ref, value, ...field }, fieldState }) => {
        const aria = describedBy(id, fieldState.error?.message, required);
        const common = {
          ...field,
          ...aria,
          value: typeof value === 'string' ? value : '',
          placeholder,
        };
        return (
          <FieldRow id={id} label={label} required={required} error={fieldState.error?.message}>
            {singleLine ? (
              <Input {...common} ref={ref} />
            ) : (
              <Input.TextArea {...common} ref={ref} rows={rows ?? 3} />
            )}
          </FieldRow>
        );
      }}
    />
  );
}
