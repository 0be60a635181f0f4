// The certificate of a case as the counter holds it: what was issued, every print (with who, when,
// how many and why a reprint), and the handover.
import { Descriptions, Table, Typography } from 'antd';
import { maskHolderId } from '../../../shared/certificate/verify';
import { hallName } from '../../../shared/halls';
import type { CaseView, PrintRecord } from '../../../shared/case/projection';
import { beijingTime } from '../cases/format';

export function CertificateCard({
  view,
  staffNames,
}: {
  view: CaseView;
  staffNames: ReadonlyMap<string, string>;
}) {
  const c = view.certificate?.certificate;
  if (!c) return null;
  const who = (staffId: string, hallId: string) =>
    `${staffNames.get(staffId) ?? staffId}（${hallName(hallId)}）`;
  return (
    <section aria-label="证照">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="证照">{c.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="证照编号">
          <span style={{ fontFamily: 'monospace' }}>{c.certificateId}</span>
        </Descriptions.Item>
        <Descriptions.Item label="持证人">
          {c.holder.name} {maskHolderId(c.holder.idNumber)}
        </Descriptions.Item>
        <Descriptions.Item label="发证机关">{c.authority}</Descriptions.Item>
        <Descriptions.Item label="签发时间">{beijingTime(c.issuedAt)}</Descriptions.Item>
        {c.validUntil ? (
          <Descriptions.Item label="有效期至">{c.validUntil}</Descriptions.Item>
        ) : null}
        {view.delivery ? (
          <Descriptions.Item label="交付">
            {beijingTime(view.delivery.at)} 交 {view.delivery.recipient.name}（
            {maskHolderId(view.delivery.recipient.idNumber)}）
            {view.delivery.authorization ? `，代领：${view.delivery.authorization}` : '，本人领取'}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Text id="print-records" strong style={{ display: 'block', margin: '12px 0 4px' }}>
        打印记录
      </Typography.Text>
      <Table<PrintRecord & { key: number }>
        aria-labelledby="print-records"
        size="small"
        pagination={false}
        dataSource={view.prints.map((p, i) => ({ ...p, key: i }))}
        locale={{ emptyText: '尚未打印' }}
        columns={[
          { title: '时间', key: 'at', render: (_, p) => beijingTime(p.at) },
          { title: '经办人', key: 'who', render: (_, p) => who(p.actor.staffId, p.actor.hallId) },
          { title: '份数', dataIndex: 'copies', width: 60 },
          {
            title: '补打原因',
            key: 'reason',
            render: (_, p) => p.reason ?? (p.key === 0 ? '首次打印' : '—'),
          },
        ]}
      />
    </section>
  );
}
