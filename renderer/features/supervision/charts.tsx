// ECharts for the dashboard: only the charts and components used (tree-shaken), the locale of the
// language shown, canvas rendering, each chart's instance kept so the printed page can carry its
// picture (a Chinese one: the printed statistics are Chinese whatever the screen shows).
import { BarChart, SankeyChart } from 'echarts/charts';
import type { BarSeriesOption, SankeySeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption, ECElementEvent, EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { currentLanguage } from '../../i18n';

echarts.use([BarChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | SankeySeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The charts on screen by name, for printing their pictures. */
export type ChartRegistry = Map<string, EChartsType>;

export function Chart({
  name,
  option,
  height,
  label,
  registry,
  onPick,
}: {
  name: string;
  option: ChartOption;
  height: number;
  /** What the chart shows, for a screen reader (ECharts adds the data as a description). */
  label: string;
  registry: ChartRegistry;
  /** A click on a bar, a node or a flow: its series and data index, and the datum's name. */
  onPick(e: ECElementEvent): void;
}) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true }, animation: false, ...option }}
        notMerge
        opts={{ locale: currentLanguage() === 'en' ? 'EN' : 'ZH', renderer: 'canvas' }}
        style={{ height, width: '100%' }}
        onChartReady={(chart: EChartsType) => registry.set(name, chart)}
        onEvents={{ click: onPick }}
      />
    </div>
  );
}

/**
 * The picture of a chart for print (PNG as a data: URL; the app's CSP allows data: images), in
 * Chinese: the one on screen when the screen is Chinese; otherwise the same chart drawn off screen, at
 * the same size, from `chinese` (its option labelled in Chinese).
 */
export function chartPicture(registry: ChartRegistry, name: string, chinese: () => ChartOption): string | null {
  const chart = registry.get(name);
  if (!chart || chart.isDisposed()) return null;
  const picture = { type: 'png', pixelRatio: 2, backgroundColor: '#fff' } as const;
  if (currentLanguage() !== 'en') return chart.getDataURL(picture);
  const off = echarts.init(document.createElement('div'), undefined, {
    renderer: 'canvas',
    locale: 'ZH',
    width: chart.getWidth(),
    height: chart.getHeight(),
  });
  try {
    off.setOption({ aria: { enabled: true }, animation: false, ...chinese() });
    return off.getDataURL(picture);
  } finally {
    off.dispose();
  }
}
