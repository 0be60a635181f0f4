// The materials of a case: each with the form it was given in (原件, 复印件, 电子件, or 缺) and its
// attachments, which open in a viewer.
import { useTranslation } from 'react-i18next';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
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
  // A description list, like the form above it, not a table: antd's Table measures the scrollbar on
  // every mount (a forced layout of the whole page, 20–35 ms of the case page's commit on a slow
  // counter), and a case has a handful of materials.
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: '40%' } }}
      items={rows.map((r) => ({
        key: r.materialId,
        label: (
          <span>
            {r.name}
            {r.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
          </span>
        ),
        children: (
          <Space size={8} wrap>
            {!r.entry ? (
              <Typography.Text type="secondary">{t('casePage.unregistered')}</Typography.Text>
            ) : (
              <Tag color={r.entry.provided === 'missing' ? 'red' : 'default'} aria-label={`${t('casePage.provided')}：${t(`provided.${r.entry.provided}`)}`}>
                {t(`provided.${r.entry.provided}`)}
              </Tag>
            )}
            {r.entry?.attachments.map((att) => (
              <Space key={att.sha256} size={4}>
                <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpen(att)}>
                  {att.name}
                </Button>
                <Typography.Text type="secondary">{fileSize(att.size)}</Typography.Text>
              </Space>
            ))}
          </Space>
        ),
      }))}
    />
  );
}
