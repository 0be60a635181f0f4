// The certificate of a case as the counter holds it: what was issued, every print (with who, when,
// how many and why a reprint), and the handover.
import { Descriptions, Table, Typography } from 'antd';
import { maskHolderId } from '../../../shared/certificate/verify';
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
import type { CaseView, PrintRecord } from '../../../shared/case/projection';
import { beijingTime } from '../cases/format';

export function CertificateCard({
  view,
  staffNames,
}: {
  view: CaseView;
  staffNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const c = view.certificate?.certificate;
  if (!c) return null;
  const who = (staffId: string, hallId: string) =>
    t('workflow.who', { name: staffNames.get(staffId) ?? staffId, hall: hallLabel(hallId) });
  return (
    <section aria-label={t('workflow.certificate')}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('workflow.certificate')}>{c.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('workflow.certificateId')}>
          <span style={{ fontFamily: 'monospace' }}>{c.certificateId}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.holder')}>
          {c.holder.name} {maskHolderId(c.holder.idNumber)}
        </Descriptions.Item>
        <Descriptions.Item label={t('workflow.authority')}>{c.authority}</Descriptions.Item>
        <Descriptions.Item label={t('workflow.issuedAt')}>{beijingTime(c.issuedAt)}</Descriptions.Item>
        {c.validUntil ? (
          <Descriptions.Item label={t('workflow.validUntil')}>{c.validUntil}</Descriptions.Item>
        ) : null}
        {view.delivery ? (
          <Descriptions.Item label={t('workflow.delivery')}>
            {t('workflow.deliveredTo', { at: beijingTime(view.delivery.at), name: view.delivery.recipient.name, id: maskHolderId(view.delivery.recipient.idNumber) })}
            {view.delivery.authorization ? t('workflow.byAgent', { authorization: view.delivery.authorization }) : t('workflow.inPerson')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Text id="print-records" strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('workflow.prints')}
      </Typography.Text>
      <Table<PrintRecord & { key: number }>
        aria-labelledby="print-records"
        size="small"
        pagination={false}
        dataSource={view.prints.map((p, i) => ({ ...p, key: i }))}
        locale={{ emptyText: t('workflow.notPrinted') }}
        columns={[
          { title: t('workflow.printAt'), key: 'at', render: (_, p) => beijingTime(p.at) },
          { title: t('workflow.printBy'), key: 'who', render: (_, p) => who(p.actor.staffId, p.actor.hallId) },
          { title: t('workflow.copies'), dataIndex: 'copies', width: 60 },
          {
            title: t('workflow.reprintReason'),
            key: 'reason',
            render: (_, p) => p.reason ?? (p.key === 0 ? t('workflow.firstPrint') : '—'),
          },
        ]}
      />
    </section>
  );
}
