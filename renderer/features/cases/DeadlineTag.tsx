// The promised date of a case with how it stands: 正常, 临期 (with the days left), 已超期, paused
// while the applicant corrects, 暂定 when counted on a year without the official schedule.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlainTag } from '../../ui/plain';
import { RISK_COLORS, type CaseDeadline } from './deadline';

/** `compact`: for a line of the case list, on one line and drawn plain (renderer/ui/plain.tsx). */
export function DeadlineTag({ deadline, compact = false }: { deadline: CaseDeadline | null; compact?: boolean }) {
  const { t } = useTranslation();
  if (!deadline) return compact ? <span className="tb-secondary">—</span> : <Typography.Text type="secondary">—</Typography.Text>;
  const TagOf = compact ? PlainTag : Tag;
  const risk = deadline.risk ? { text: t(`cases.risk.${deadline.risk}`), color: RISK_COLORS[deadline.risk] } : null;
  const date = deadline.dueDate ?? t('cases.afterCorrection');
  const parts = (
    <>
      <span>{date}</span>
      {deadline.provisional ? (
        <TagOf color="default" title={t('cases.provisionalTitle')}>
          {t('cases.provisional')}
        </TagOf>
      ) : null}
      {deadline.paused ? <TagOf color="blue">{t('cases.paused')}</TagOf> : null}
      {risk ? (
        <TagOf color={risk.color}>
          {risk.text}
          {!compact && deadline.risk !== 'overdue' && deadline.remaining !== null ? t('cases.daysLeft', { count: deadline.remaining }) : ''}
        </TagOf>
      ) : null}
    </>
  );
  return compact ? (
    <span className="tb-inline">{parts}</span>
  ) : (
    <Space size={4} wrap>
      {parts}
    </Space>
  );
}
