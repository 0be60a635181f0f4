// The materials of a case: each with the form it was given in (原件, 复印件, 电子件, or 缺) and its
// attachments, which open in a viewer.
import { useTranslation } from 'react-i18next';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { Material } from '../../../shared/catalog/item-schema';
import { type Attachment, type MaterialEntry } from '../../../shared/protocol/events';
import { fileSize } from './format';

interface Row {
  materialId: string;
  name: string;
  required: boolean;
  entry: MaterialEntry | undefined;
}

export function CaseMaterials({ materials, catalog, onOpen }: { materials: readonly MaterialEntry[]; catalog: readonly Material[]; onOpen(att: Attachment): void }) {
  const { t } = useTranslation();
  const byId = new Map(materials.map((m) => [m.materialId, m]));
  const listed = new Set(catalog.map((m) => m.materialId));
  const rows: Row[] = [
    ...catalog.map((m) => ({ materialId: m.materialId, name: m.name, required: m.required, entry: byId.get(m.materialId) })),
    ...materials.filter((m) => !listed.has(m.materialId)).map((m) => ({ materialId: m.materialId, name: m.materialId, required: false, entry: m })),
  ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="materialId"
      dataSource={rows}
      columns={[
        {
          title: t('casePage.material'),
          key: 'name',
          render: (_, r) => (
            <span>
              {r.name}
              {r.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
            </span>
          ),
        },
        {
          title: t('casePage.provided'),
          key: 'provided',
          width: 110,
          render: (_, r) =>
            !r.entry ? (
              <Typography.Text type="secondary">{t('casePage.unregistered')}</Typography.Text>
            ) : (
              <Tag color={r.entry.provided === 'missing' ? 'red' : 'default'}>{t(`provided.${r.entry.provided}`)}</Tag>
            ),
        },
        {
          title: t('casePage.attachments'),
          key: 'attachments',
          render: (_, r) =>
            r.entry && r.entry.attachments.length > 0 ? (
              <Space orientation="vertical" size={0}>
                {r.entry.attachments.map((att) => (
                  <Space key={att.sha256} size={4}>
                    <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpen(att)}>
                      {att.name}
                    </Button>
                    <Typography.Text type="secondary">{fileSize(att.size)}</Typography.Text>
                  </Space>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
}
