// The dashboard's cards: each chart with its numbers beside it, every number and every bar a way to
// the cases behind it.
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { hallName } from '../../../shared/halls';
import { RATING_LABELS } from '../../../shared/protocol/events';
import { ALL, BUCKET_LABELS, STATE_BUCKETS, figureToString, type Figure } from '../../../shared/supervision/figures';
import type { Dashboard, DurationRow, FlowRow, RectificationRow, SatisfactionRow } from '../../../shared/supervision/dashboard';
import { Chart, type ChartRegistry } from './charts';
import { durationChart, durationFigure, flowChart, flowFigure, satisfactionChart, satisfactionFigure, stateChart, stateFigure } from './chart-options';
import { count, FigureButton } from './FigureButton';

export interface SectionProps {
  d: Dashboard;
  open(figure: string): void;
  registry: ChartRegistry;
}

const pick = (open: (f: string) => void, figure: Figure | null) => {
  if (figure) open(figureToString(figure));
};

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (v: number | null) => (v === null ? '—' : String(v));

export function OverviewCard({ d, open, registry }: SectionProps) {
  const stat = (title: string, figure: Figure, value: number, danger = false) => (
    <Col xs={12} sm={8} lg={6} key={title}>
      <Statistic
        title={title}
        valueRender={() => <FigureButton figure={figure} value={value} label={title} open={open} style={{ fontSize: 22, color: danger && value > 0 ? '#cf1322' : undefined }} />}
      />
    </Col>
  );
  return (
    <Card size="small" title="办件概况" role="region" aria-label="办件概况">
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Chart
            name="states"
            label="各状态办件数柱状图"
            option={stateChart(d)}
            height={260}
            registry={registry}
            onPick={(e: ECElementEvent) => pick(open, stateFigure(e.dataIndex))}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Row gutter={[8, 8]}>
            {stat('受理', { kind: 'total' }, d.total)}
            {STATE_BUCKETS.map((b) => stat(BUCKET_LABELS[b], { kind: 'state', bucket: b }, d.states[b]))}
            {stat('临期', { kind: 'risk', level: 'at_risk' }, d.risk.at_risk, true)}
            {stat('已超期', { kind: 'risk', level: 'overdue' }, d.risk.overdue, true)}
            {stat('督办未答复', { kind: 'flagged' }, d.flagged, true)}
          </Row>
        </Col>
      </Row>
    </Card>
  );
}

export function FlowCard({ d, open, registry }: SectionProps) {
  return (
    <Card size="small" title="跨区域流向（受理厅 → 主管厅）" role="region" aria-label="跨区域流向">
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          {d.flows.length ? (
            <Chart
              name="flows"
              label="受理厅到主管厅的办件流向图"
              option={flowChart(d)}
              height={Math.max(220, d.flows.length * 36)}
              registry={registry}
              onPick={(e: ECElementEvent) => pick(open, flowFigure(d, e.dataType, e.dataIndex))}
            />
          ) : (
            <Typography.Text type="secondary">本期没有办件。</Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={11}>
          <Table<FlowRow>
            size="small"
            aria-label="流向明细"
            rowKey={(r) => `${r.intakeHallId}>${r.homeHallId}`}
            dataSource={d.flows}
            pagination={false}
            locale={{ emptyText: '本期没有办件' }}
            columns={[
              { title: '受理厅', key: 'intake', render: (_, r) => hallName(r.intakeHallId) },
              { title: '主管厅', key: 'home', render: (_, r) => hallName(r.homeHallId) },
              {
                title: '件数',
                key: 'count',
                align: 'right',
                render: (_, r) => (
                  <FigureButton figure={{ kind: 'flow', intakeHallId: r.intakeHallId, homeHallId: r.homeHallId }} value={r.count} label={`${hallName(r.intakeHallId)}受理、${hallName(r.homeHallId)}主管`} open={open} />
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function durationColumns(by: 'item' | 'hall', open: (f: string) => void) {
  const figure = (r: DurationRow): Figure => ({ kind: 'duration', by, key: r.key });
  return [
    { title: by === 'item' ? '事项' : '受理厅', key: 'label', render: (_: unknown, r: DurationRow) => r.label },
    {
      title: '已交付',
      key: 'count',
      align: 'right' as const,
      render: (_: unknown, r: DurationRow) => <FigureButton figure={figure(r)} value={r.count} label={`${r.label} 已交付`} open={open} />,
    },
    { title: '平均（工作日）', key: 'mean', align: 'right' as const, render: (_: unknown, r: DurationRow) => days(r.mean) },
    { title: '90% 分位（工作日）', key: 'p90', align: 'right' as const, render: (_: unknown, r: DurationRow) => days(r.p90) },
  ];
}

export function DurationCard({ d, open, registry }: SectionProps) {
  const all = d.durations.all;
  return (
    <Card
      size="small"
      title="办理用时：受理至交付（工作日，不含等待补正）"
      role="region"
      aria-label="办理用时"
      extra={
        <span>
          全部已交付 <FigureButton figure={{ kind: 'duration', by: 'hall', key: ALL }} value={all.count} label="全部已交付" open={open} /> 件，平均 {days(all.mean)}，90% 分位 {days(all.p90)} 个工作日
        </span>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Chart
            name="durations"
            label="各受理厅平均与 90% 分位办理用时柱状图"
            option={durationChart(d)}
            height={240}
            registry={registry}
            onPick={(e: ECElementEvent) => pick(open, durationFigure(d, e.dataIndex))}
          />
          <Table<DurationRow> size="small" aria-label="各受理厅办理用时" rowKey="key" dataSource={d.durations.byHall} pagination={false} locale={{ emptyText: '本期没有交付的办件' }} columns={durationColumns('hall', open)} />
        </Col>
        <Col xs={24} xl={13}>
          <Table<DurationRow>
            size="small"
            aria-label="各事项办理用时"
            rowKey="key"
            dataSource={d.durations.byItem}
            pagination={d.durations.byItem.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: '本期没有交付的办件' }}
            columns={durationColumns('item', open)}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function SatisfactionCard({ d, open, registry }: SectionProps) {
  const all = d.satisfaction.all;
  const bad = (r: SatisfactionRow) => r.levels.dissatisfied + r.levels.very_dissatisfied;
  return (
    <Card
      size="small"
      title="好差评（按被评价营业厅）"
      role="region"
      aria-label="好差评"
      extra={
        <span>
          评价 <FigureButton figure={{ kind: 'rating', hallId: ALL, level: 'all' }} value={all.total} label="全部评价" unit="条" open={open} /> 条，满意率 {percent(all.rate)}
        </span>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          {d.satisfaction.byHall.length ? (
            <Chart
              name="ratings"
              label="各营业厅评价等级堆叠柱状图"
              option={satisfactionChart(d)}
              height={260}
              registry={registry}
              onPick={(e: ECElementEvent) => pick(open, satisfactionFigure(d, e.seriesIndex ?? -1, e.dataIndex))}
            />
          ) : (
            <Typography.Text type="secondary">本期没有评价。</Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Table<SatisfactionRow>
            size="small"
            aria-label="各营业厅满意率"
            rowKey="hallId"
            dataSource={d.satisfaction.byHall}
            pagination={false}
            locale={{ emptyText: '本期没有评价' }}
            columns={[
              { title: '营业厅', key: 'hall', render: (_, r) => hallName(r.hallId) },
              {
                title: '评价数',
                key: 'total',
                align: 'right',
                render: (_, r) => <FigureButton figure={{ kind: 'rating', hallId: r.hallId, level: 'all' }} value={r.total} label={`${hallName(r.hallId)}评价`} unit="条" open={open} />,
              },
              { title: '满意率', key: 'rate', align: 'right', render: (_, r) => <span aria-label={`${hallName(r.hallId)}满意率 ${percent(r.rate)}`}>{percent(r.rate)}</span> },
              {
                title: `差评（${RATING_LABELS.dissatisfied}、${RATING_LABELS.very_dissatisfied}）`,
                key: 'bad',
                align: 'right',
                render: (_, r) => <FigureButton figure={{ kind: 'rating', hallId: r.hallId, level: 'bad' }} value={bad(r)} label={`${hallName(r.hallId)}差评`} unit="条" open={open} />,
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function RectificationCard({ d, open }: Omit<SectionProps, 'registry'>) {
  const rows = d.rectifications.byHall.length ? [...d.rectifications.byHall, d.rectifications.all] : [];
  const cell = (r: RectificationRow, status: 'all' | 'open' | 'reported' | 'overdue', value: number, words: string) => (
    <FigureButton figure={{ kind: 'rectification', hallId: r.hallId, status }} value={value} label={`${r.hallId === ALL ? '合计' : hallName(r.hallId)}${words}`} unit="项" open={open} style={status === 'overdue' && value > 0 ? { color: '#cf1322' } : undefined} />
  );
  return (
    <Card size="small" title="差评整改" role="region" aria-label="差评整改" extra={<span>未办结 {count(d.rectifications.all.open)} 项，超期未整改 {count(d.rectifications.all.overdue)} 项</span>}>
      <Table<RectificationRow>
        size="small"
        aria-label="各营业厅整改情况"
        rowKey="hallId"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '本期没有差评整改' }}
        columns={[
          { title: '营业厅', key: 'hall', render: (_, r) => (r.hallId === ALL ? '合计' : hallName(r.hallId)) },
          { title: '整改总数', key: 'total', align: 'right', render: (_, r) => cell(r, 'all', r.total, '整改总数') },
          { title: '未办结', key: 'open', align: 'right', render: (_, r) => cell(r, 'open', r.open, '未办结整改') },
          { title: '待督查审核', key: 'reported', align: 'right', render: (_, r) => cell(r, 'reported', r.reported, '待审核整改') },
          { title: '超期未整改', key: 'overdue', align: 'right', render: (_, r) => cell(r, 'overdue', r.overdue, '超期未整改') },
          { title: '已办结', key: 'closed', align: 'right', render: (_, r) => count(r.closed) },
        ]}
      />
    </Card>
  );
}
