import { useMemo } from 'react';
import { chartAnimation, EChart } from './echart';

export interface Bar {
  name: string;
  value: number;
  color: string;
}

/** A small bar chart (tree-shaken ECharts). */
export function SimpleBarChart({
  bars,
  height = 200,
  onClickBar,
  labelRotate,
}: {
  bars: Bar[];
  height?: number;
  onClickBar?: (index: number) => void;
  /** Many bars: every name shown, turned by this many degrees. */
  labelRotate?: number;
}) {
  const option = useMemo(
    () => ({
      animation: chartAnimation,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 36, right: 12, top: 16, bottom: labelRotate ? 64 : 24 },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.name),
        axisTick: { show: false },
        ...(labelRotate ? { axisLabel: { interval: 0, rotate: labelRotate, fontSize: 11 } } : {}),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [bars, labelRotate],
  );
  return <EChart option={option} style={{ height }} testId="bar-chart" onClick={onClickBar} />;
}
