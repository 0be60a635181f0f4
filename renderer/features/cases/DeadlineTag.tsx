// The promised date of a case with how it stands: 正常, 临期 (with the days left), 已超期, paused
// while the applicant corrects, 暂定 when counted on a year without the official schedule.
import { Space, Tag, Typography } from 'antd';
import { RISK_LABELS, type CaseDeadline } from './deadline';

export function DeadlineTag({ deadline, compact = false }: { deadline: CaseDeadline | null; compact?: boolean }) {
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const risk = deadline.risk ? RISK_LABELS[deadline.risk] : null;
  const date = deadline.dueDate ?? '补正后计算';
  return (
    <Space size={4} wrap={!compact}>
      <span>{date}</span>
      {deadline.provisional ? (
        <Tag color="default" title="该年度法定节假日安排尚未公布，期限按周末与固定节日暂算">
          暂定
        </Tag>
      ) : null}
      {deadline.paused ? <Tag color="blue">计时暂停</Tag> : null}
      {risk ? (
        <Tag color={risk.color}>
          {risk.text}
          {!compact && deadline.risk !== 'overdue' && deadline.remaining !== null ? `（剩 ${deadline.remaining} 个工作日）` : ''}
        </Tag>
      ) : null}
    </Space>
  );
}
