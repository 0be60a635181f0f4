// The dashboard's charts as ECharts options, from the figures (no counting here), and the figure
// each clickable mark stands for. Labelled in the language shown, or in the one asked for (the
// printed statistics take Chinese pictures of the charts).
import { SEED_HALLS, type SeedHallId } from '../../../shared/halls';
import { RATING_LEVELS } from '../../../shared/protocol/events';
import type { Dashboard } from '../../../shared/supervision/dashboard';
import { STATE_BUCKETS, type Figure } from '../../../shared/supervision/figures';
import { currentLanguage, i18n, type Language } from '../../i18n';
import type { ChartOption } from './charts';

const inLanguage = (lng: Language) => i18n.getFixedT(lng);
type Tr = ReturnType<typeof inLanguage>;

/** 北京, 天津, 石家庄, 雄安 (Beijing, Tianjin…): the short names that fit under a bar. */
const shortName = (hallId: string, tr: Tr) =>
  SEED_HALLS.some((h) => h.hallId === hallId) ? tr(`city.${hallId as SeedHallId}`) : hallId;

const STATE_COLORS = ['#8c8c8c', '#1677ff', '#fa8c16', '#13c2c2', '#cf1322', '#52c41a', '#bfbfbf'];
const LEVEL_COLORS = ['#237804', '#52c41a', '#bae637', '#fa8c16', '#cf1322'];

export function stateChart(d: Dashboard, lng: Language = currentLanguage()): ChartOption {
  const tr = inLanguage(lng);
  // The English names are longer than a bar is wide: they wrap onto a second line.
  const wrap = lng === 'en' ? { width: 84, overflow: 'break' as const } : {};
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: STATE_BUCKETS.map((b) => tr(`stateBucket.${b}`)), axisLabel: { interval: 0, fontSize: 11, ...wrap } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: tr('supervision.overview.series'),
        data: STATE_BUCKETS.map((b, i) => ({ value: d.states[b], itemStyle: { color: STATE_COLORS[i] } })),
        label: { show: true, position: 'top' },
        cursor: 'pointer',
      },
    ],
  };
}

export const stateFigure = (dataIndex: number): Figure | null => {
  const bucket = STATE_BUCKETS[dataIndex];
  return bucket ? { kind: 'state', bucket } : null;
};

/** Intake halls on the left, home halls on the right: named apart, so a hall on both sides makes no cycle. */
export function flowChart(d: Dashboard, lng: Language = currentLanguage()): ChartOption {
  const tr = inLanguage(lng);
  const left = (h: string) => tr('supervision.flow.intakeNode', { hall: shortName(h, tr) });
  const right = (h: string) => tr('supervision.flow.homeNode', { hall: shortName(h, tr) });
  const names = new Set<string>();
  for (const f of d.flows) names.add(left(f.intakeHallId)).add(right(f.homeHallId));
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 96,
        top: 8,
        bottom: 8,
        nodeGap: 14,
        emphasis: { focus: 'adjacency' },
        data: [...names].map((name) => ({ name })),
        links: d.flows.map((f) => ({ source: left(f.intakeHallId), target: right(f.homeHallId), value: f.count })),
        lineStyle: { color: 'gradient', opacity: 0.45 },
        label: { fontSize: 12 },
      },
    ],
  };
}

export function flowFigure(d: Dashboard, dataType: string | undefined, dataIndex: number): Figure | null {
  const f = dataType === 'edge' ? d.flows[dataIndex] : undefined;
  return f ? { kind: 'flow', intakeHallId: f.intakeHallId, homeHallId: f.homeHallId } : null;
}

export function durationChart(d: Dashboard, lng: Language = currentLanguage()): ChartOption {
  const tr = inLanguage(lng);
  const rows = d.durations.byHall;
  return {
    grid: { left: 40, right: 16, top: 48, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => shortName(r.key, tr)) },
    yAxis: { type: 'value', name: tr('supervision.duration.axis'), minInterval: 1 },
    series: [
      { type: 'bar', name: tr('supervision.duration.meanSeries'), data: rows.map((r) => r.mean ?? 0), label: { show: true, position: 'top' }, itemStyle: { color: '#1677ff' }, cursor: 'pointer' },
      { type: 'bar', name: tr('supervision.duration.p90Series'), data: rows.map((r) => r.p90 ?? 0), label: { show: true, position: 'top' }, itemStyle: { color: '#faad14' }, cursor: 'pointer' },
    ],
  };
}

export function durationFigure(d: Dashboard, dataIndex: number): Figure | null {
  const r = d.durations.byHall[dataIndex];
  return r ? { kind: 'duration', by: 'hall', key: r.key } : null;
}

export function satisfactionChart(d: Dashboard, lng: Language = currentLanguage()): ChartOption {
  const tr = inLanguage(lng);
  const rows = d.satisfaction.byHall;
  return {
    grid: { left: 40, right: 16, top: 56, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14 },
    xAxis: { type: 'category', data: rows.map((r) => shortName(r.hallId, tr)) },
    yAxis: { type: 'value', name: tr('supervision.satisfaction.axis'), minInterval: 1 },
    series: RATING_LEVELS.map((level, i) => ({
      type: 'bar' as const,
      name: tr(`ratingLevel.${level}`),
      stack: 'levels',
      data: rows.map((r) => r.levels[level]),
      itemStyle: { color: LEVEL_COLORS[i] },
      cursor: 'pointer',
    })),
  };
}

export function satisfactionFigure(d: Dashboard, seriesIndex: number, dataIndex: number): Figure | null {
  const row = d.satisfaction.byHall[dataIndex];
  const level = RATING_LEVELS[seriesIndex];
  return row && level ? { kind: 'rating', hallId: row.hallId, level } : null;
}
