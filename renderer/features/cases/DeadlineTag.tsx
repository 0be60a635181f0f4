// The promised date of a case with how it stands: 正常, 临期 (with the days left), 已超期, paused
// while the applicant corrects, 暂定 when counted on a year without the official schedule.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_COLORS, type CaseDeadline } from './deadline';

export function DeadlineTag({ deadline, compact = false }: { deadline: CaseDeadline | null; compact?: boolean }) {
  const { t } = useTranslation();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const risk = deadline.risk ? { text: t(`cases.risk.${deadline.risk}`), color: RISK_COLORS[deadline.risk] } : null;
  const date = deadline.dueDate ?? t('cases.afterCorrection');
  return (
    <Space size={4} wrap={!compact}>
      <span>{date}</span>
      {deadline.provisional ? (
        <Tag color="default" title={t('cases.provisionalTitle')}>
          {t('cases.provisional')}
        </Tag>
      ) : null}
      {deadline.paused ? <Tag color="blue">{t('cases.paused')}</Tag> : null}
      {risk ? (
        <Tag color={risk.color}>
          {risk.text}
          {!compact && deadline.risk !== 'overdue' && deadline.remaining !== null ? t('cases.daysLeft', { count: deadline.remaining }) : ''}
        </Tag>
      ) : null}
    </Space>
  );
}
