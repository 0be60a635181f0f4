// One labelled field: visible label tied to its control, required mark, and the problem under it.
import { Form } from 'antd';
import type { ReactNode } from 'react';

/**
 * The required mark as a visible star hidden from screen readers (they hear aria-required), so a
 * control's accessible name is its label alone, not "* 姓名".
 */
export function requiredMark(label: ReactNode, { required }: { required: boolean }) {
  return (
    <>
      {required && (
        <span aria-hidden="true" style={{ color: '#ff4d4f', marginInlineEnd: 4, fontFamily: 'SimSun, sans-serif' }}>
          *
        </span>
      )}
      {label}
    </>
  );
}

export function helpId(id: string): string {
  return `${id}-help`;
}

/** aria props that tie a control to its label's field and its message. */
export function describedBy(id: string, error: string | undefined, required: boolean) {
  return { id, 'aria-required': required || undefined, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? helpId(id) : undefined };
}

export function FieldRow(props: { id: string; label: string; required: boolean; error?: string | undefined; extra?: string | undefined; children: ReactNode }) {
  const { id, label, required, error, extra, children } = props;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={error ? <span id={helpId(id)} aria-live="polite">{error}</span> : undefined}
      extra={extra}
      style={{ marginBottom: 14 }}
    >
      {children}
    </Form.Item>
  );
}
