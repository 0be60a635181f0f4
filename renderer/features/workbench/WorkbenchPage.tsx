// The workbench (工作台): what waits for this hall, per role, each case a click from its page.
import { Alert, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hallLabel } from '../../i18n/labels';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import type { CaseListItem } from '../cases/case-query';
import { DeadlineTag } from '../cases/DeadlineTag';
import { STATE_COLORS } from '../cases/state-colors';
import { useDeadlineContext } from '../cases/use-reference';
import { useUnstoredCount } from '../cases/use-case-list';
import { queueRows } from './queue-query';
import { buildQueues, queuesFor, type QueueKey } from './queues';

const PAGE = 8;

export function WorkbenchPage({ navigate }: PageProps) {
  const { t } = useTranslation();
  const { device, session } = useApp();
  const ctx = useDeadlineContext();
  const rows = useLiveQuery(() => queueRows(device.hallId, ctx.now), [device.hallId, ctx.now]);
  const queues = useMemo(
    () => (rows ? buildQueues(rows, device.hallId, ctx) : null),
    [rows, device.hallId, ctx],
  );
  const defs = queuesFor(session.staff.roles);
  const unstored = useUnstoredCount();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('workbench.title', { hall: hallLabel(device.hallId) })}
      </Typography.Title>
      {unstored > 0 ? <Alert type="info" showIcon title={t('workbench.unstored', { count: unstored })} /> : null}
      {defs.length === 0 ? (
        <Typography.Text type="secondary">{t('workbench.noQueues')}</Typography.Text>
      ) : null}
      {defs.map((d) => (
        <Card
          key={d.key}
          size="small"
          title={
            <Space>
              <span id={`queue-${d.key}`}>{t(`workbench.queue.${d.key}`)}</span>
              <Badge
                count={queues?.[d.key].length ?? 0}
                showZero
                color={queues?.[d.key].length ? '#b5242b' : '#bfbfbf'}
                overflowCount={9999}
              />
            </Space>
          }
        >
          <QueueTable
            queue={d.key}
            items={queues?.[d.key] ?? null}
            empty={t(`workbench.empty.${d.key}`)}
            open={(id) => navigate('case', id)}
          />
        </Card>
      ))}
    </Space>
  );
}

function QueueTable({
  queue,
  items,
  empty,
  open,
}: {
  queue: QueueKey;
  items: CaseListItem[] | null;
  empty: string;
  open(caseId: string): void;
}) {
  const { t } = useTranslation();
  return (
    <Table<CaseListItem>
      aria-labelledby={`queue-${queue}`}
      size="small"
      rowKey="caseId"
      loading={items === null}
      dataSource={items ?? []}
      pagination={
        (items?.length ?? 0) > PAGE
          ? { pageSize: PAGE, showSizeChanger: false, size: 'small' }
          : false
      }
      locale={{ emptyText: empty }}
      onRow={(r) => ({ onDoubleClick: () => open(r.caseId) })}
      columns={[
        {
          title: t('cases.column.caseNo'),
          key: 'caseNo',
          render: (_, r) => (
            <Button
              type="link"
              style={{ paddingInline: 0, fontFamily: 'monospace' }}
              onClick={() => open(r.caseId)}
            >
              {r.caseNo}
            </Button>
          ),
        },
        { title: t('cases.column.item'), dataIndex: 'itemName', ellipsis: true },
        { title: t('cases.column.applicant'), dataIndex: 'applicantName', width: 110 },
        {
          title: t('cases.column.state'),
          key: 'state',
          width: 120,
          render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{t(`state.${r.state}`)}</Tag>,
        },
        {
          title: queue === 'review' ? t('cases.hallRole.intake') : t('cases.hallRole.home'),
          key: 'hall',
          width: 170,
          render: (_, r) => hallLabel(queue === 'review' ? r.intakeHallId : r.homeHallId),
        },
        {
          title: t('cases.column.promised'),
          key: 'deadline',
          width: 230,
          render: (_, r) => <DeadlineTag deadline={r.deadline} />,
        },
      ]}
    />
  );
}
