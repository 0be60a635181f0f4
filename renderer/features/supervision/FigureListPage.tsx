// The cases behind one figure of the dashboard: a page at a time from the worker, each case a click
// from its page, and the whole list exported to Excel (in Chinese, whatever the screen shows).
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingToday, type CaseLine } from '../../../shared/supervision/dashboard';
import { figureTitle, parseFigure } from '../../../shared/supervision/figures';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { hallLabel } from '../../i18n/labels';
import { beijingDate, beijingTime } from '../cases/format';
import { STATE_COLORS } from '../cases/state-colors';
import { useCatalog, useToday } from '../cases/use-reference';
import { fetchLines, useWorkerAnswer } from './dashboard-client';
import { download } from './download';
import { exportSubtitle, linesWorkbook } from './export-xlsx';
import { formatNumber } from '../../i18n';
import { hallsLabel, periodLabel } from './period';
import { decodeQuery, encodeQuery } from './query-param';
import { deadlineLabel, figureLabel, ratingsLabel, rectificationsLabel, scopeLabel } from './words';

const PAGE = 50;

export function FigureListPage({ navigate, param }: PageProps) {
  const { device, session } = useApp();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const today = beijingToday(useToday());
  const catalog = useCatalog();
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const decoded = decodeQuery(param, { from: null, to: null, halls: [] });
  const query = decoded.ok ? decoded.value.query : { from: null, to: null, halls: [] };
  const figureText = decoded.ok ? (decoded.value.figure ?? '') : '';
  const figure = parseFigure(figureText);
  const answer = useWorkerAnswer(`l|${param ?? ''}|${today}|${page}`, () =>
    figure.ok ? fetchLines(figureText, query, today, (page - 1) * PAGE, PAGE) : Promise.resolve({ total: 0, lines: [] }),
  );
  const back = (
    <Button onClick={() => navigate('supervision', encodeQuery(query))} aria-label={t('supervision.list.backLabel')}>
      {t('supervision.list.back')}
    </Button>
  );
  if (!decoded.ok || !figure.ok) {
    const reason = !decoded.ok ? decoded.error.message : t('supervision.query.badFigure', { figure: figureText.slice(0, 60) });
    return <Result status="warning" title={t('supervision.list.cannotOpen')} subTitle={reason} extra={back} />;
  }
  const itemName = (code: string) => catalog?.items.find((i) => i.code === code)?.name ?? code;
  const title = figureLabel(figure.value, itemName);
  const subtitle = t('supervision.list.subtitle', { period: periodLabel(query), halls: hallsLabel(query), scope: scopeLabel(device.scope, device.hallId) });
  const total = answer.value?.total ?? 0;

  const exportAll = async () => {
    setExporting(true);
    try {
      const all = await fetchLines(figureText, query, today, 0, Number.MAX_SAFE_INTEGER);
      // The workbook is a paper of record: its title and subtitle are Chinese, as its headers are.
      const paperTitle = figureTitle(figure.value, itemName);
      const bytes = await linesWorkbook(paperTitle, exportSubtitle(query, device, all.total, session.staff.name, new Date()), all.lines);
      download(bytes, `${paperTitle}-${beijingDate(new Date())}.xlsx`);
      message.success(t('supervision.list.exported', { n: formatNumber(all.total) }));
    } catch (e) {
      message.error(t('supervision.list.exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={16} align="center" wrap>
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden="true" />} loading={exporting} disabled={!answer.value || total === 0} onClick={() => void exportAll()}>
          {t('supervision.list.export')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{subtitle}</Typography.Text>
      {answer.error ? <Alert type="error" showIcon title={t('supervision.list.readFailed', { reason: answer.error })} /> : null}
      <Card size="small">
        <div role="status" aria-label={t('supervision.list.count')} style={{ marginBottom: 8 }}>
          {answer.value ? t('supervision.list.total', { n: formatNumber(total) }) : t('supervision.list.loading')}
        </div>
        <Table<CaseLine>
          aria-label={t('supervision.list.table')}
          size="small"
          rowKey="caseId"
          loading={answer.loading && !answer.value}
          dataSource={answer.value?.lines ?? []}
          locale={{ emptyText: t('supervision.list.empty') }}
          scroll={{ x: 1300 }}
          pagination={{ current: page, pageSize: PAGE, total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('supervision.list.total', { n: formatNumber(n) }) }}
          columns={[
            {
              title: t('supervision.list.caseNo'),
              key: 'caseNo',
              width: 210,
              render: (_, l) => (
                <Button type="link" style={{ paddingInline: 0, fontFamily: 'monospace' }} onClick={() => navigate('case', l.caseId)}>
                  {l.caseNo}
                </Button>
              ),
            },
            { title: t('supervision.list.item'), dataIndex: 'itemName', ellipsis: true },
            { title: t('supervision.list.applicant'), dataIndex: 'applicantName', width: 90 },
            { title: t('supervision.list.state'), key: 'state', width: 130, render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{t(`state.${l.state}`)}</Tag> },
            { title: t('supervision.list.intake'), key: 'intake', width: 150, render: (_, l) => hallLabel(l.intakeHallId) },
            { title: t('supervision.list.home'), key: 'home', width: 150, render: (_, l) => hallLabel(l.homeHallId) },
            { title: t('supervision.list.receivedAt'), key: 'receivedAt', width: 140, render: (_, l) => beijingTime(l.receivedAt) },
            { title: t('supervision.list.due'), key: 'due', width: 160, render: (_, l) => <span style={{ color: l.risk === 'overdue' ? '#cf1322' : l.risk === 'at_risk' ? '#d46b08' : undefined }}>{deadlineLabel(l)}</span> },
            { title: t('supervision.list.duration'), key: 'duration', width: 90, align: 'right', render: (_, l) => l.duration ?? '' },
            { title: t('supervision.list.ratings'), key: 'ratings', width: 200, render: (_, l) => ratingsLabel(l) },
            { title: t('supervision.list.rectification'), key: 'rect', width: 220, render: (_, l) => rectificationsLabel(l) },
          ]}
        />
      </Card>
    </Space>
  );
}
