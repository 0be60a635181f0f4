// Unfinished intakes left on this counter (a crash, a closed window, a new intake started): continue or discard.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { Alert, Button, Space, Typography } from 'antd';
import type { Item } from '../../../shared/catalog/item-schema';
import type { Draft } from './drafts';

export function DraftOffer({ drafts, items, onContinue, onDiscard }: { drafts: Draft[]; items: readonly Item[]; onContinue: (d: Draft) => void; onDiscard: (d: Draft) => void }) {
  const { t } = useTranslation();
  if (drafts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      title={t('intake.drafts', { count: drafts.length })}
      description={
        <ul aria-label={t('intake.draftList')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {drafts.map((d) => {
            const item = items.find((i) => i.code === d.itemCode);
            const who = d.values.applicant.name.trim() || t('intake.noApplicant');
            return (
              <li key={d.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, padding: '8px 0', borderTop: '1px solid rgba(0,0,0,0.06)' }}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>
                    {who} · {item?.name ?? d.itemCode}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('intake.savedAt', { at: formatDateTime(d.updatedAt) })}
                    {item ? '' : t('intake.itemGone')}
                  </Typography.Text>
                </Space>
                <Space>
                  <Button type="primary" size="small" disabled={!item} onClick={() => onContinue(d)} aria-label={t('intake.continueDraft', { who })}>
                    {t('intake.continue')}
                  </Button>
                  <Button size="small" onClick={() => onDiscard(d)} aria-label={t('intake.discardDraft', { who })}>
                    {t('intake.discard')}
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
