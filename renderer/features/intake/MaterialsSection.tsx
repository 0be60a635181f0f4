// The materials checklist: every material of the item, checked one by one.
import { Typography } from 'antd';
import type { Control } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import type { IntakeValues } from './intake-values';
import { MaterialRow } from './MaterialRow';

export function MaterialsSection({ item, control }: { item: Item; control: Control<IntakeValues> }) {
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        逐项核对申请人提交的材料，选择其形式；未带来的选“缺”。电子件须上传文件，纸质材料可拍摄留档。
      </Typography.Paragraph>
      {item.materials.map((m, i) => (
        <MaterialRow key={m.materialId} material={m} index={i} control={control} />
      ))}
    </div>
  );
}
