import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// The charts and the renderer; the parts of charts on axes; the parts of the map.
echarts.use([BarChart, LineChart, MapChart, CanvasRenderer]);
echarts.use([GridComponent, LegendComponent, MarkLineComponent, TooltipComponent]);
echarts.use([GeoComponent, VisualMapComponent]);

/** Browser tests set navigator.webdriver: no animation, so screenshots show the final chart. */
export const chartAnimation = typeof navigator === 'undefined' || !navigator.webdriver;

/** Registers a GeoJSON map once under a name (for `series: [{ type: 'map', map: name }]`). */
export function registerMap(name: string, geoJson: unknown): void {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

/** Any ECharts option in a box that follows its size (tree-shaken: line, bar, map). */
export function EChart({
  option,
  style,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  testId?: string;
  /** A click on a data item (a bar, a point), by its index in the series. */
  onClick?: (dataIndex: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

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
    chart.current?.setOption({ animation: chartAnimation, ...option }, true);
  }, [option]);

  return <div ref={el} style={{ width: '100%', height: '100%', ...style }} data-testid={testId} />;
}
