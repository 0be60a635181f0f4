// The dashboard's cards: each chart with its numbers beside it, every number and every bar a way to
// the cases behind it.
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { ALL, STATE_BUCKETS, figureToString, type Figure } from '../../../shared/supervision/figures';
import type { Dashboard, DurationRow, FlowRow, RectificationRow, SatisfactionRow } from '../../../shared/supervision/dashboard';
import { hallLabel } from '../../i18n/labels';
import { Chart, type ChartRegistry } from './charts';
import { durationChart, durationFigure, flowChart, flowFigure, satisfactionChart, satisfactionFigure, stateChart, stateFigure } from './chart-options';
import { FigureButton } from './FigureButton';
import { formatNumber } from '../../i18n';
import { percent } from './words';

export interface SectionProps {
  d: Dashboard;
  open(figure: string): void;
  registry: ChartRegistry;
}

const pick = (open: (f: string) => void, figure: Figure | null) => {
  if (figure) open(figureToString(figure));
};

const days = (v: number | null) => (v === null ? '—' : String(v));

export function OverviewCard({ d, open, registry }: SectionProps) {
  const { t } = useTranslation();
  const stat = (title: string, figure: Figure, value: number, danger = false) => (
    <Col xs={12} sm={8} lg={6} key={title}>
      <Statistic
        title={title}
        valueRender={() => <FigureButton figure={figure} value={value} label={title} open={open} style={{ fontSize: 22, color: danger && value > 0 ? '#cf1322' : undefined }} />}
      />
    </Col>
  );
  return (
    <Card size="small" title={t('supervision.overview.title')} role="region" aria-label={t('supervision.overview.title')}>
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Chart
            name="states"
            label={t('supervision.overview.chart')}
            option={stateChart(d)}
            height={260}
            registry={registry}
            onPick={(e: ECElementEvent) => pick(open, stateFigure(e.dataIndex))}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Row gutter={[8, 8]}>
            {stat(t('supervision.overview.total'), { kind: 'total' }, d.total)}
            {STATE_BUCKETS.map((b) => stat(t(`stateBucket.${b}`), { kind: 'state', bucket: b }, d.states[b]))}
            {stat(t('supervision.overview.atRisk'), { kind: 'risk', level: 'at_risk' }, d.risk.at_risk, true)}
            {stat(t('supervision.overview.overdue'), { kind: 'risk', level: 'overdue' }, d.risk.overdue, true)}
            {stat(t('supervision.overview.flagged'), { kind: 'flagged' }, d.flagged, true)}
          </Row>
        </Col>
      </Row>
    </Card>
  );
}

export function FlowCard({ d, open, registry }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('supervision.flow.title')} role="region" aria-label={t('supervision.flow.region')}>
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          {d.flows.length ? (
            <Chart
              name="flows"
              label={t('supervision.flow.chart')}
              option={flowChart(d)}
              height={Math.max(220, d.flows.length * 36)}
              registry={registry}
              onPick={(e: ECElementEvent) => pick(open, flowFigure(d, e.dataType, e.dataIndex))}
            />
          ) : (
            <Typography.Text type="secondary">{t('supervision.flow.none')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={11}>
          <Table<FlowRow>
            size="small"
            aria-label={t('supervision.flow.table')}
            rowKey={(r) => `${r.intakeHallId}>${r.homeHallId}`}
            dataSource={d.flows}
            pagination={false}
            locale={{ emptyText: t('supervision.flow.empty') }}
            columns={[
              { title: t('supervision.flow.intake'), key: 'intake', render: (_, r) => hallLabel(r.intakeHallId) },
              { title: t('supervision.flow.home'), key: 'home', render: (_, r) => hallLabel(r.homeHallId) },
              {
                title: t('supervision.flow.count'),
                key: 'count',
                align: 'right',
                render: (_, r) => (
                  <FigureButton figure={{ kind: 'flow', intakeHallId: r.intakeHallId, homeHallId: r.homeHallId }} value={r.count} label={t('supervision.flow.figure', { intake: hallLabel(r.intakeHallId), home: hallLabel(r.homeHallId) })} open={open} />
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function durationColumns(by: 'item' | 'hall', open: (f: string) => void, t: TFunction) {
  const figure = (r: DurationRow): Figure => ({ kind: 'duration', by, key: r.key });
  // A hall's row is named by the hall in the language shown; an item's by its catalog name.
  const label = (r: DurationRow) => (by === 'hall' ? hallLabel(r.key) : r.label);
  return [
    { title: by === 'item' ? t('supervision.duration.item') : t('supervision.duration.intake'), key: 'label', render: (_: unknown, r: DurationRow) => label(r) },
    {
      title: t('supervision.duration.delivered'),
      key: 'count',
      align: 'right' as const,
      render: (_: unknown, r: DurationRow) => <FigureButton figure={figure(r)} value={r.count} label={t('supervision.duration.rowDelivered', { label: label(r) })} open={open} />,
    },
    { title: t('supervision.duration.mean'), key: 'mean', align: 'right' as const, render: (_: unknown, r: DurationRow) => days(r.mean) },
    { title: t('supervision.duration.p90'), key: 'p90', align: 'right' as const, render: (_: unknown, r: DurationRow) => days(r.p90) },
  ];
}

export function DurationCard({ d, open, registry }: SectionProps) {
  const { t } = useTranslation();
  const all = d.durations.all;
  return (
    <Card
      size="small"
      title={t('supervision.duration.title')}
      role="region"
      aria-label={t('supervision.duration.region')}
      extra={
        <span>
          <Trans
            i18nKey="supervision.duration.summary"
            values={{ delivered: formatNumber(all.count), mean: days(all.mean), p90: days(all.p90) }}
            components={{ n: <FigureButton figure={{ kind: 'duration', by: 'hall', key: ALL }} value={all.count} label={t('supervision.duration.allDelivered')} open={open} /> }}
          />
        </span>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Chart
            name="durations"
            label={t('supervision.duration.chart')}
            option={durationChart(d)}
            height={240}
            registry={registry}
            onPick={(e: ECElementEvent) => pick(open, durationFigure(d, e.dataIndex))}
          />
          <Table<DurationRow> size="small" aria-label={t('supervision.duration.byHall')} rowKey="key" dataSource={d.durations.byHall} pagination={false} locale={{ emptyText: t('supervision.duration.empty') }} columns={durationColumns('hall', open, t)} />
        </Col>
        <Col xs={24} xl={13}>
          <Table<DurationRow>
            size="small"
            aria-label={t('supervision.duration.byItem')}
            rowKey="key"
            dataSource={d.durations.byItem}
            pagination={d.durations.byItem.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: t('supervision.duration.empty') }}
            columns={durationColumns('item', open, t)}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function SatisfactionCard({ d, open, registry }: SectionProps) {
  const { t } = useTranslation();
  const all = d.satisfaction.all;
  const bad = (r: SatisfactionRow) => r.levels.dissatisfied + r.levels.very_dissatisfied;
  return (
    <Card
      size="small"
      title={t('supervision.satisfaction.title')}
      role="region"
      aria-label={t('supervision.satisfaction.region')}
      extra={
        <span>
          <Trans
            i18nKey="supervision.satisfaction.summary"
            values={{ total: formatNumber(all.total), rate: percent(all.rate) }}
            components={{ n: <FigureButton figure={{ kind: 'rating', hallId: ALL, level: 'all' }} value={all.total} label={t('supervision.satisfaction.allRatings')} unit="rating" open={open} /> }}
          />
        </span>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          {d.satisfaction.byHall.length ? (
            <Chart
              name="ratings"
              label={t('supervision.satisfaction.chart')}
              option={satisfactionChart(d)}
              height={260}
              registry={registry}
              onPick={(e: ECElementEvent) => pick(open, satisfactionFigure(d, e.seriesIndex ?? -1, e.dataIndex))}
            />
          ) : (
            <Typography.Text type="secondary">{t('supervision.satisfaction.none')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Table<SatisfactionRow>
            size="small"
            aria-label={t('supervision.satisfaction.table')}
            rowKey="hallId"
            dataSource={d.satisfaction.byHall}
            pagination={false}
            locale={{ emptyText: t('supervision.satisfaction.empty') }}
            columns={[
              { title: t('supervision.satisfaction.hall'), key: 'hall', render: (_, r) => hallLabel(r.hallId) },
              {
                title: t('supervision.satisfaction.total'),
                key: 'total',
                align: 'right',
                render: (_, r) => <FigureButton figure={{ kind: 'rating', hallId: r.hallId, level: 'all' }} value={r.total} label={t('supervision.satisfaction.hallRatings', { hall: hallLabel(r.hallId) })} unit="rating" open={open} />,
              },
              { title: t('supervision.satisfaction.rate'), key: 'rate', align: 'right', render: (_, r) => <span aria-label={t('supervision.satisfaction.hallRate', { hall: hallLabel(r.hallId), rate: percent(r.rate) })}>{percent(r.rate)}</span> },
              {
                title: t('supervision.satisfaction.bad', { levels: [t('ratingLevel.dissatisfied'), t('ratingLevel.very_dissatisfied')].join(t('common.listSeparator')) }),
                key: 'bad',
                align: 'right',
                render: (_, r) => <FigureButton figure={{ kind: 'rating', hallId: r.hallId, level: 'bad' }} value={bad(r)} label={t('supervision.satisfaction.hallBad', { hall: hallLabel(r.hallId) })} unit="rating" open={open} />,
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

const CELL_LABELS = {
  all: 'supervision.rectification.cellTotal',
  open: 'supervision.rectification.cellOpen',
  reported: 'supervision.rectification.cellReported',
  overdue: 'supervision.rectification.cellOverdue',
} as const;

export function RectificationCard({ d, open }: Omit<SectionProps, 'registry'>) {
  const { t } = useTranslation();
  const rows = d.rectifications.byHall.length ? [...d.rectifications.byHall, d.rectifications.all] : [];
  const hall = (r: RectificationRow) => (r.hallId === ALL ? t('supervision.rectification.sum') : hallLabel(r.hallId));
  const cell = (r: RectificationRow, status: keyof typeof CELL_LABELS, value: number) => (
    <FigureButton figure={{ kind: 'rectification', hallId: r.hallId, status }} value={value} label={t(CELL_LABELS[status], { hall: hall(r) })} unit="item" open={open} style={status === 'overdue' && value > 0 ? { color: '#cf1322' } : undefined} />
  );
  return (
    <Card
      size="small"
      title={t('supervision.rectification.title')}
      role="region"
      aria-label={t('supervision.rectification.title')}
      extra={<span>{t('supervision.rectification.summary', { open: formatNumber(d.rectifications.all.open), overdue: formatNumber(d.rectifications.all.overdue) })}</span>}
    >
      <Table<RectificationRow>
        size="small"
        aria-label={t('supervision.rectification.table')}
        rowKey="hallId"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('supervision.rectification.empty') }}
        columns={[
          { title: t('supervision.rectification.hall'), key: 'hall', render: (_, r) => hall(r) },
          { title: t('supervision.rectification.total'), key: 'total', align: 'right', render: (_, r) => cell(r, 'all', r.total) },
          { title: t('supervision.rectification.open'), key: 'open', align: 'right', render: (_, r) => cell(r, 'open', r.open) },
          { title: t('supervision.rectification.reported'), key: 'reported', align: 'right', render: (_, r) => cell(r, 'reported', r.reported) },
          { title: t('supervision.rectification.overdue'), key: 'overdue', align: 'right', render: (_, r) => cell(r, 'overdue', r.overdue) },
          { title: t('supervision.rectification.closed'), key: 'closed', align: 'right', render: (_, r) => formatNumber(r.closed) },
        ]}
      />
    </Card>
  );
}
