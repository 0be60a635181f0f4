// The item's guide (办事指南) as the clerk explains it: authority, time limits, fee, basis, materials.
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { Item } from '../../../shared/catalog/item-schema';
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';

export function GuideCard({ item, hallId }: { item: Item; hallId: string }) {
  const { t } = useTranslation();
  const crossRegion = item.homeHallId !== hallId;
  // The fee as the guide shows it (the receipt prints its own, in Chinese: receipt-data feeText).
  const fee = item.fee.amount === 0 ? (item.fee.note ?? t('intake.free')) : t('intake.fee', { amount: item.fee.amount.toFixed(2) }) + (item.fee.note ? ` (${item.fee.note})` : '');
  return (
    <Card size="small" title={t('intake.guide')} role="region" aria-label={t('intake.guide')}>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 84 } }}
        items={[
          { key: 'name', label: t('intake.guideName'), children: item.name },
          { key: 'code', label: t('intake.guideCode'), children: <Typography.Text copyable>{item.code}</Typography.Text> },
          { key: 'type', label: t('intake.guideType'), children: item.type },
          { key: 'authority', label: t('intake.guideAuthority'), children: item.authority },
          {
            key: 'hall',
            label: t('intake.guidePlace'),
            children: (
              <Space size={4}>
                {hallLabel(item.homeHallId)}
                {crossRegion && <Tag color="blue">{t('intake.crossRegion')}</Tag>}
              </Space>
            ),
          },
          { key: 'days', label: t('intake.guideDays'), children: item.promisedDays === 0 ? t('intake.immediate', { legal: item.legalDays }) : t('intake.days', { count: item.promisedDays, legal: item.legalDays }) },
          { key: 'fee', label: t('intake.guideFee'), children: fee },
          { key: 'basis', label: t('intake.guideBasis'), children: item.legalBasis },
          { key: 'result', label: t('intake.guideResult'), children: item.certificate ? item.certificate.name + (item.certificate.validYears ? t('intake.validYears', { count: item.certificate.validYears }) : '') : t('intake.noCertificate') },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('intake.guideMaterials', { count: item.materials.length })}
      </Typography.Text>
      <List
        size="small"
        dataSource={item.materials}
        renderItem={(m) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space orientation="vertical" size={0}>
              <span>
                {m.name}
                {m.required ? '' : t('intake.optional')}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.forms.map((f) => t(`provided.${f}`)).join(' / ')}
                {m.count ? t('intake.copies', { count: m.count }) : ''}
                {m.note ? ` · ${m.note}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
