import { useMemo } from 'react';
import type { BigscreenResponse } from '../../../../common/contracts/bigscreen';
import { EChart, registerMap } from '../../components/echart';
import { darkAxis, screen } from './theme';

/** Today's orders by hour, as bars. */
export function HourlyIntake({ byHour }: { byHour: BigscreenResponse['intake']['byHour'] }) {
  const option = useMemo(
    () => ({
      grid: { left: 44, right: 12, top: 16, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: byHour.map((h) => `${h.hour}时`),
        ...darkAxis,
        axisLabel: { ...darkAxis.axisLabel, interval: 2 },
      },
      yAxis: { type: 'value', minInterval: 1, ...darkAxis },
      series: [
        {
          type: 'bar',
          data: byHour.map((h) => h.count),
          barWidth: '60%',
          itemStyle: { color: screen.accent, borderRadius: [3, 3, 0, 0] },
        },
      ],
    }),
    [byHour],
  );
  return <EChart option={option} testId="bigscreen-hourly" />;
}

/** The last 30 days and the next 7 (dashed), with the band of the forecast. */
export function VolumeTrend({ forecast }: { forecast: BigscreenResponse['forecast'] }) {
  const option = useMemo(() => {
    const days = [...forecast.history.map((h) => h.date), ...forecast.forecast.map((f) => f.date)];
    const pad = forecast.history.map(() => null);
    const lastHistory = forecast.history[forecast.history.length - 1];
    const joined = lastHistory ? [...pad.slice(1), lastHistory.count] : pad;
    return {
      grid: { left: 44, right: 12, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0, textStyle: { color: screen.dim, fontSize: 14 }, itemHeight: 8 },
      xAxis: {
        type: 'category',
        data: days.map((d) => d.slice(5)),
        boundaryGap: false,
        ...darkAxis,
        axisLabel: { ...darkAxis.axisLabel, interval: 6 },
      },
      yAxis: { type: 'value', minInterval: 1, ...darkAxis },
      series: [
        {
          name: '受理量',
          type: 'line',
          data: forecast.history.map((h) => h.count),
          symbolSize: 4,
          itemStyle: { color: screen.accent },
          areaStyle: { color: 'rgba(53, 208, 255, 0.15)' },
        },
        {
          name: '预测',
          type: 'line',
          data: [...joined, ...forecast.forecast.map((f) => f.expected)],
          symbolSize: 4,
          lineStyle: { type: 'dashed' },
          itemStyle: { color: screen.yellow },
        },
        {
          name: '预测区间上限',
          type: 'line',
          data: [...pad, ...forecast.forecast.map((f) => f.high)],
          symbol: 'none',
          lineStyle: { width: 1, opacity: 0.5, type: 'dotted' },
          itemStyle: { color: screen.yellow },
        },
      ],
    };
  }, [forecast]);
  return <EChart option={option} testId="bigscreen-trend" />;
}

/** The city's districts coloured by today's orders. */
export function DistrictMap({
  geo,
  districts,
}: {
  geo: { features: { properties: { name: string } }[] };
  districts: BigscreenResponse['districts'];
}) {
  registerMap('city', geo);
  const option = useMemo(() => {
    const counts = new Map(districts.map((d) => [d.region, d.count]));
    const data = geo.features.map((f) => ({
      name: f.properties.name,
      value: counts.get(f.properties.name) ?? 0,
    }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
      visualMap: {
        min: 0,
        max,
        left: 10,
        bottom: 10,
        text: ['多', '少'],
        calculable: false,
        textStyle: { color: screen.dim, fontSize: 14 },
        inRange: { color: ['#0e3a6e', '#1677ff', '#35d0ff', '#ffc53d', '#ff4d4f'] },
      },
      series: [
        {
          type: 'map',
          map: 'city',
          roam: false,
          layoutCenter: ['50%', '52%'],
          layoutSize: '92%',
          label: {
            show: true,
            color: '#ffffff',
            fontSize: 20,
            fontWeight: 600,
            formatter: (p: { name: string; value: number }) =>
              `${p.name}\n${Number.isFinite(p.value) ? p.value : 0} 件`,
          },
          itemStyle: { borderColor: '#7fd6ff', borderWidth: 2, areaColor: '#0e3a6e' },
          emphasis: { disabled: true },
          data,
        },
      ],
    };
  }, [geo, districts]);
  return <EChart option={option} testId="bigscreen-map" />;
}
