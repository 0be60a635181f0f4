// Unfinished intakes left on this counter (a crash, a closed window, a new intake started): continue or discard.
import { Alert, Button, Space, Typography } from 'antd';
import type { Item } from '../../../shared/catalog/item-schema';
import type { Draft } from './drafts';

export function DraftOffer({ drafts, items, onContinue, onDiscard }: { drafts: Draft[]; items: readonly Item[]; onContinue: (d: Draft) => void; onDiscard: (d: Draft) => void }) {
  if (drafts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      title={`有 ${drafts.length} 份未完成的收件草稿，是否继续？`}
      description={
        <ul aria-label="未完成的收件草稿" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {drafts.map((d) => {
            const item = items.find((i) => i.code === d.itemCode);
            const who = d.values.applicant.name.trim() || '（未填申请人）';
            return (
              <li key={d.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, padding: '8px 0', borderTop: '1px solid rgba(0,0,0,0.06)' }}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>
                    {who} · {item?.name ?? d.itemCode}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    保存于 {new Date(d.updatedAt).toLocaleString('zh-CN', { hour12: false })}
                    {item ? '' : ' · 目录中已无此事项，无法继续'}
                  </Typography.Text>
                </Space>
                <Space>
                  <Button type="primary" size="small" disabled={!item} onClick={() => onContinue(d)} aria-label={`继续草稿：${who}`}>
                    继续
                  </Button>
                  <Button size="small" onClick={() => onDiscard(d)} aria-label={`放弃草稿：${who}`}>
                    放弃
                  </Button>
                </Space>
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
