// The item's guide (办事指南) as the clerk explains it: authority, time limits, fee, basis, materials.
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { Item } from '../../../shared/catalog/item-schema';
import { hallName } from '../../../shared/halls';
import { PROVIDED_LABELS } from '../../../shared/protocol/events';
import { feeText } from './receipt-data';

export function GuideCard({ item, hallId }: { item: Item; hallId: string }) {
  const crossRegion = item.homeHallId !== hallId;
  return (
    <Card size="small" title="办事指南" role="region" aria-label="办事指南">
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 84 } }}
        items={[
          { key: 'name', label: '事项名称', children: item.name },
          { key: 'code', label: '事项编码', children: <Typography.Text copyable>{item.code}</Typography.Text> },
          { key: 'type', label: '事项类型', children: item.type },
          { key: 'authority', label: '实施机关', children: item.authority },
          {
            key: 'hall',
            label: '办理地',
            children: (
              <Space size={4}>
                {hallName(item.homeHallId)}
                {crossRegion && <Tag color="blue">跨区域通办</Tag>}
              </Space>
            ),
          },
          { key: 'days', label: '承诺时限', children: item.promisedDays === 0 ? `即办（法定 ${item.legalDays} 个工作日）` : `${item.promisedDays} 个工作日（法定 ${item.legalDays} 个工作日）` },
          { key: 'fee', label: '收费', children: feeText(item) },
          { key: 'basis', label: '设定依据', children: item.legalBasis },
          { key: 'result', label: '办理结果', children: item.certificate ? `${item.certificate.name}${item.certificate.validYears ? `（有效期 ${item.certificate.validYears} 年）` : ''}` : '无证照' },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        申请材料（{item.materials.length} 项）
      </Typography.Text>
      <List
        size="small"
        dataSource={item.materials}
        renderItem={(m) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space orientation="vertical" size={0}>
              <span>
                {m.name}
                {m.required ? '' : '（非必需）'}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.forms.map((f) => PROVIDED_LABELS[f]).join(' / ')}
                {m.count ? ` · ${m.count} 份` : ''}
                {m.note ? ` · ${m.note}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
