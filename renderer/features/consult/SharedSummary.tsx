// The case summary shared in a call: the same data on both screens (numbers masked).
import { Descriptions, List, Typography } from 'antd';
import type { CaseSummaryShare } from '../../../shared/consult/messages';

export function SharedSummary({ summary, by }: { summary: CaseSummaryShare; by: 'me' | 'peer' }) {
  return (
    <section aria-label="共享的办件摘要">
      <Typography.Text type="secondary">
        {by === 'me' ? '正在向对方共享本办件摘要' : '对方共享的办件摘要'}
      </Typography.Text>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'no',
            label: '办件编号',
            children: <span style={{ fontFamily: 'monospace' }}>{summary.caseNo}</span>,
          },
          { key: 'item', label: '事项', children: `${summary.itemName}（${summary.itemCode}）` },
          { key: 'state', label: '状态', children: summary.state },
          {
            key: 'applicant',
            label: '申请人',
            children: `${summary.applicant.name}（${summary.applicant.kind}，${summary.applicant.idType} ${summary.applicant.idNumberMasked}）`,
          },
          {
            key: 'halls',
            label: '受理 / 主管 / 领取',
            children: `${summary.halls.intake} / ${summary.halls.home} / ${summary.halls.delivery}`,
          },
          ...(summary.promisedDays !== undefined
            ? [{ key: 'days', label: '承诺时限', children: `${summary.promisedDays} 个工作日` }]
            : []),
          ...summary.form.map((f, i) => ({ key: `f${i}`, label: f.label, children: f.value })),
          ...(summary.correction
            ? [{ key: 'corr', label: '补正理由', children: summary.correction.join('；') }]
            : []),
        ]}
      />
      <List
        size="small"
        header="申请材料"
        dataSource={summary.materials}
        renderItem={(m) => <List.Item>{`${m.name}：${m.provided}`}</List.Item>}
      />
    </section>
  );
}
