// Apache ECharts for the 考核 page only (issue 34): loaded with import() from the charts' effect, so it
// is a chunk of its own that no other route's bundle carries (test/echarts-boundary.test.ts checks no
// other module imports it) and the page's tables render before it arrives. Only the parts the page
// draws are registered (bar, line, grid, tooltip, the SVG renderer), not the whole library.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';

export type StatsChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** Draws `option` into `element` and returns the chart (to resize and dispose of). */
export async function drawChart(element: HTMLElement, option: StatsChartOption): Promise<EChartsType> {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([
    charts.BarChart,
    charts.LineChart,
    components.GridComponent,
    components.TooltipComponent,
    // SVG: crisp at any zoom and testable as markup; a few hundred bars or points are well within it.
    renderers.SVGRenderer,
  ]);
  const chart = core.init(element, null, { renderer: 'svg', locale: 'ZH' });
  chart.setOption(option);
  return chart;
}
