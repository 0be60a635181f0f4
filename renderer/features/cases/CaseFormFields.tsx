// The item's form as filled in: each field under its catalog label, in catalog order; fields the
// catalog (as cached here) does not name come last under their own names.
import { useTranslation } from 'react-i18next';
import { Descriptions, Typography } from 'antd';
import type { Field } from '../../../shared/catalog/item-schema';
import type { FormValue } from '../../../shared/protocol/events';
import { formValueText } from './format';
import { fieldText } from './sensitive';

export function CaseFormFields({ form, fields, revealed }: { form: Record<string, FormValue>; fields: readonly Field[]; revealed: boolean }) {
  const { t } = useTranslation();
  const known = new Set(fields.map((f) => f.name));
  const rows = [
    ...fields.map((f) => ({ key: f.name, label: f.label, kind: f.kind })),
    ...Object.keys(form)
      .filter((k) => !known.has(k))
      .map((k) => ({ key: k, label: k, kind: undefined })),
  ];
  if (rows.length === 0) return <Typography.Text type="secondary">{t('casePage.noFields')}</Typography.Text>;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={rows.map((r) => ({ key: r.key, label: r.label, children: fieldText(r.kind, formValueText(form[r.key]), revealed) }))}
    />
  );
}
