import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Browser tests set navigator.webdriver: no animation, so screenshots show the final chart. */
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

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
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({
      animation: animate,
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
    });
  }, [categories, series]);

  return <div ref={el} style={{ width: '100%', height }} data-testid="line-chart" />;
}
