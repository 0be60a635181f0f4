// The head of a case: who applied (numbers masked until 显示), what for, which halls, its state
// and the promised date with how it stands.
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { CaseView } from '../../../shared/case/projection';
import { STATE_LABELS } from '../../../shared/case/states';
import { hallName } from '../../../shared/halls';
import { ID_TYPE_LABELS } from '../../../shared/protocol/events';
import type { CaseDeadline } from './deadline';
import { DeadlineTag } from './DeadlineTag';
import { beijingTime } from './format';
import { idNumberText, phoneText } from './sensitive';
import { STATE_COLORS } from './state-colors';

interface Props {
  view: CaseView;
  itemName: string;
  promisedDays: number | undefined;
  deadline: CaseDeadline | null;
  pending: number;
  revealed: boolean;
  onToggleReveal(): void;
}

export function CaseSummary({ view, itemName, promisedDays, deadline, pending, revealed, onToggleReveal }: Props) {
  const a = view.applicant;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        {
          key: 'state',
          label: '状态',
          children: (
            <Space size={4}>
              <Tag color={STATE_COLORS[view.state]}>{STATE_LABELS[view.state]}</Tag>
              {pending > 0 ? <Tag color="gold">待同步 {pending} 项</Tag> : null}
            </Space>
          ),
        },
        { key: 'item', label: '事项', children: `${itemName}（${view.itemCode}）` },
        { key: 'applicant', label: '申请人', children: `${a.name}（${a.kind === 'enterprise' ? '企业' : '个人'}）` },
        {
          key: 'id',
          label: ID_TYPE_LABELS[a.idType] ?? '证件号码',
          children: (
            <Space size={8}>
              <span style={{ fontFamily: 'monospace' }} aria-label="证件号码">
                {idNumberText(a.idType, a.idNumber, revealed)}
              </span>
              <Button size="small" aria-pressed={revealed} onClick={onToggleReveal} title={revealed ? '重新遮盖证件号码和电话' : '显示完整的证件号码和电话（请注意屏幕旁有无他人）'}>
                {revealed ? '隐藏' : '显示'}
              </Button>
            </Space>
          ),
        },
        { key: 'phone', label: '联系电话', children: phoneText(a.phone, revealed) },
        { key: 'received', label: '受理时间', children: beijingTime(view.receivedAt) },
        { key: 'intake', label: '受理厅', children: hallName(view.halls.intakeHallId) },
        { key: 'home', label: '主管厅（审核）', children: hallName(view.halls.homeHallId) },
        { key: 'delivery', label: '领取厅', children: hallName(view.halls.deliveryHallId) },
        {
          key: 'deadline',
          label: '承诺办结',
          children: (
            <Space orientation="vertical" size={0}>
              <DeadlineTag deadline={deadline} />
              {promisedDays !== undefined ? <Typography.Text type="secondary">承诺 {promisedDays} 个工作日，受理当日不计</Typography.Text> : null}
            </Space>
          ),
        },
        ...(view.correction
          ? [{ key: 'correction', label: '补正要求', span: 2, children: <Typography.Text type="warning">{view.correction.reasons.join('；')}</Typography.Text> }]
          : []),
        ...(view.pauses.length > 0
          ? [
              {
                key: 'pauses',
                label: '计时暂停',
                span: 2,
                children: (
                  <Space orientation="vertical" size={0}>
                    {view.pauses.map((p) => (
                      <span key={p.from}>
                        {p.to ? `${beijingTime(p.from)} 至 ${beijingTime(p.to)}：等待申请人补正，不计入办理时限` : `${beijingTime(p.from)} 起：等待申请人补正，计时暂停中`}
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(view.decision
          ? [
              {
                key: 'decision',
                label: '审核结果',
                span: 2,
                children:
                  view.decision.kind === 'approved'
                    ? `通过（${beijingTime(view.decision.at)}）${view.decision.note ? `：${view.decision.note}` : ''}`
                    : `不予办理（${beijingTime(view.decision.at)}）：${view.decision.reason ?? ''}；依据：${view.decision.legalBasis ?? ''}`,
              },
            ]
          : []),
        ...(view.certificate
          ? [{ key: 'cert', label: '证照', span: 2, children: `${view.certificate.certificate.name ?? '证照'} · 编号 ${view.certificate.certificate.certificateId}` }]
          : []),
        ...(view.withdrawal ? [{ key: 'withdrawn', label: '撤回原因', span: 2, children: view.withdrawal.reason }] : []),
      ]}
    />
  );
}
