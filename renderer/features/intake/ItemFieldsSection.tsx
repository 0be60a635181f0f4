// The item's own form fields, two to a row; addresses and long text take the full width.
import { useTranslation } from 'react-i18next';
import { Col, Empty, Row } from 'antd';
import type { Control } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import { FieldControl } from './FieldControl';
import type { IntakeValues } from './intake-values';

export function ItemFieldsSection({ item, control }: { item: Item; control: Control<IntakeValues> }) {
  const { t } = useTranslation();
  if (item.fields.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.noFields')} />;
  return (
    <Row gutter={16}>
      {item.fields.map((f) => (
        <Col key={f.name} xs={24} md={f.kind === 'address' || (f.maxLength ?? 0) > 100 ? 24 : 12}>
          <FieldControl field={f} control={control} />
        </Col>
      ))}
    </Row>
  );
}
