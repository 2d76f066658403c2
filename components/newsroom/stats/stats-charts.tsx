'use client';

// The 考核 page's charts: points per person (bars) and reads per day (a line). ECharts arrives by
// dynamic import (load-echarts.ts) after the page is up; each chart is an image to assistive
// technology with its summary as the label, and the tables on the page hold every figure it draws.
import { useEffect, useMemo, useRef } from 'react';

import { pointsChartHeight, type PointsChart, type ReadsChart } from '@/lib/stats/chart-data';

import { drawChart, type StatsChartOption } from './load-echarts';

function Chart({
  title,
  summary,
  option,
  height,
}: {
  title: string;
  summary: string;
  option: StatsChartOption;
  height: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let disposed = false;
    let dispose = () => {};
    void drawChart(element, option).then((chart) => {
      if (disposed) return chart.dispose();
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(element);
      dispose = () => {
        resize.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <figure className="min-w-0 space-y-1">
      <figcaption className="font-semibold">{title}</figcaption>
      <p className="text-sm text-stone-600 dark:text-stone-400">{summary}</p>
      <div
        ref={box}
        role="img"
        aria-label={`${title}：${summary}`}
        data-chart={title}
        className="w-full"
        // The height follows the data (one row per person); a class could not.
        style={{ height }}
      />
    </figure>
  );
}

/** `points` null: a person's own view, where one bar would say nothing the table does not. */
export function StatsCharts({ points, reads }: { points: PointsChart | null; reads: ReadsChart }) {
  const pointsOption = useMemo<StatsChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: '分' },
      yAxis: { type: 'category', data: points?.names ?? [], inverse: true },
      series: [{ type: 'bar', name: '分数', data: points?.points ?? [], label: { show: true, position: 'right' } }],
    }),
    [points],
  );
  const readsOption = useMemo<StatsChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: reads.days.map((day) => day.slice(5)) },
      yAxis: { type: 'value', name: '次' },
      series: [{ type: 'line', name: '阅读数', data: reads.reads, showSymbol: reads.days.length <= 62 }],
    }),
    [reads],
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {points ? (
        <Chart
          title="每人分数"
          summary={points.summary}
          option={pointsOption}
          height={pointsChartHeight(points.names.length)}
        />
      ) : null}
      <Chart title="每日阅读数" summary={reads.summary} option={readsOption} height={260} />
    </div>
  );
}
