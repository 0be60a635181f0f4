// The materials checklist: every material of the item, checked one by one.
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import type { Control } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import type { IntakeValues } from './intake-values';
import { MaterialRow } from './MaterialRow';

export function MaterialsSection({ item, control }: { item: Item; control: Control<IntakeValues> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('intake.materialsHelp')}
      </Typography.Paragraph>
      {item.materials.map((m, i) => (
        <MaterialRow key={m.materialId} material={m} index={i} control={control} />
      ))}
    </div>
  );
}
