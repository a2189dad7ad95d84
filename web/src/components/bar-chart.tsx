import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Browser tests set navigator.webdriver: no animation, so screenshots show the final chart. */
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

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
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClickBar);
  clickRef.current = onClickBar;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p.dataIndex));
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
    });
  }, [bars, labelRotate]);

  return <div ref={el} style={{ width: '100%', height }} data-testid="bar-chart" />;
}
