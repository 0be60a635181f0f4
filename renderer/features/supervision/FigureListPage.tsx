// The cases behind one figure of the dashboard: a page at a time from the worker, each case a click
// from its page, and the whole list exported to Excel.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { STATE_LABELS } from '../../../shared/case/states';
import { hallName } from '../../../shared/halls';
import { beijingToday, type CaseLine } from '../../../shared/supervision/dashboard';
import { figureTitle, parseFigure } from '../../../shared/supervision/figures';
import { useApp } from '../../app/session-context';
import type { PageProps } from '../../app/routes';
import { beijingDate, beijingTime } from '../cases/format';
import { STATE_COLORS } from '../cases/state-colors';
import { useCatalog, useToday } from '../cases/use-reference';
import { fetchLines, useWorkerAnswer } from './dashboard-client';
import { scopeText } from './DashboardPage';
import { deadlineWords, download, linesWorkbook, ratingWords, rectificationWords } from './export-xlsx';
import { count } from './FigureButton';
import { hallsText, periodText } from './print-dashboard';
import { decodeQuery, encodeQuery } from './query-param';

const PAGE = 50;

export function FigureListPage({ navigate, param }: PageProps) {
  const { device, session } = useApp();
  const { message } = App.useApp();
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
    <Button onClick={() => navigate('supervision', encodeQuery(query))} aria-label="返回督查统计">
      ← 返回统计
    </Button>
  );
  if (!decoded.ok || !figure.ok) {
    return <Result status="warning" title="无法打开这份清单" subTitle={!decoded.ok ? decoded.error.message : !figure.ok ? figure.error.message : ''} extra={back} />;
  }
  const itemName = (code: string) => catalog?.items.find((i) => i.code === code)?.name ?? code;
  const title = figureTitle(figure.value, itemName);
  const subtitle = `统计期间：${periodText(query)}；营业厅：${hallsText(query)}；${scopeText(device.scope, device.hallId)}`;
  const total = answer.value?.total ?? 0;

  const exportAll = async () => {
    setExporting(true);
    try {
      const all = await fetchLines(figureText, query, today, 0, Number.MAX_SAFE_INTEGER);
      const bytes = await linesWorkbook(title, `${subtitle}；共 ${all.total} 件；导出：${session.staff.name} ${beijingTime(new Date().toISOString())}`, all.lines);
      download(bytes, `${title}-${beijingDate(new Date())}.xlsx`);
      message.success(`已导出 ${count(all.total)} 件`);
    } catch (e) {
      message.error(`导出未完成：${e instanceof Error ? e.message : String(e)}`);
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
          导出 Excel
        </Button>
      </Space>
      <Typography.Text type="secondary">{subtitle}</Typography.Text>
      {answer.error ? <Alert type="error" showIcon title={`清单未能读取：${answer.error}`} /> : null}
      <Card size="small">
        <div role="status" aria-label="清单数量" style={{ marginBottom: 8 }}>
          {answer.value ? `共 ${count(total)} 件` : '正在读取…'}
        </div>
        <Table<CaseLine>
          aria-label="办件清单"
          size="small"
          rowKey="caseId"
          loading={answer.loading && !answer.value}
          dataSource={answer.value?.lines ?? []}
          locale={{ emptyText: '没有办件' }}
          scroll={{ x: 1300 }}
          pagination={{ current: page, pageSize: PAGE, total, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${count(t)} 件` }}
          columns={[
            {
              title: '办件编号',
              key: 'caseNo',
              width: 210,
              render: (_, l) => (
                <Button type="link" style={{ paddingInline: 0, fontFamily: 'monospace' }} onClick={() => navigate('case', l.caseId)}>
                  {l.caseNo}
                </Button>
              ),
            },
            { title: '事项', dataIndex: 'itemName', ellipsis: true },
            { title: '申请人', dataIndex: 'applicantName', width: 90 },
            { title: '状态', key: 'state', width: 130, render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{STATE_LABELS[l.state]}</Tag> },
            { title: '受理厅', key: 'intake', width: 150, render: (_, l) => hallName(l.intakeHallId) },
            { title: '主管厅', key: 'home', width: 150, render: (_, l) => hallName(l.homeHallId) },
            { title: '受理时间', key: 'receivedAt', width: 140, render: (_, l) => beijingTime(l.receivedAt) },
            { title: '承诺办结', key: 'due', width: 160, render: (_, l) => <span style={{ color: l.risk === 'overdue' ? '#cf1322' : l.risk === 'at_risk' ? '#d46b08' : undefined }}>{deadlineWords(l)}</span> },
            { title: '用时（工作日）', key: 'duration', width: 90, align: 'right', render: (_, l) => l.duration ?? '' },
            { title: '评价', key: 'ratings', width: 200, render: (_, l) => ratingWords(l) },
            { title: '整改', key: 'rect', width: 220, render: (_, l) => rectificationWords(l) },
          ]}
        />
      </Card>
    </Space>
  );
}
