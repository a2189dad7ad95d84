import { useMemo } from 'react';
import { chartAnimation, EChart } from './echart';

export interface LineSeries {
  name: string;
  values: number[];
  color: string;
}

/** A small line chart over categories (tree-shaken ECharts). */
export function SimpleLineChart({
  categories,
  series,
  height = 180,
}: {
  categories: string[];
  series: LineSeries[];
  height?: number;
}) {
  const option = useMemo(
    () => ({
      animation: chartAnimation,
      grid: { left: 36, right: 12, top: 28, bottom: 24 },
      legend: { top: 0, itemHeight: 8, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        data: s.values,
        smooth: false,
        symbolSize: 4,
        itemStyle: { color: s.color },
      })),
    }),
    [categories, series],
  );
  return <EChart option={option} style={{ height }} testId="line-chart" />;
}
