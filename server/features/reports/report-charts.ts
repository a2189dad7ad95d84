import type { PeriodicReport } from '../../../common/contracts/reports';
import { CJK_FONT_FAMILY } from './cjk-font';
import { svgTextToPaths } from './svg-text-paths';

/** A chart drawn on the server: PNG at twice its layout size, for documents. */
export interface ReportChart {
  key: string;
  title: string;
  png: Buffer;
  /** Layout size in points/pixels (the PNG has twice as many pixels). */
  width: number;
  height: number;
}

type Option = Record<string, unknown>;

const WIDTH = 800;
const palette = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#eb2f96', '#722ed1', '#fa541c', '#2f54eb'];
const short = (name: string) => name.replace(/^云川市|^市/, '');

/** ECharts' server-side SVG rendering, its text as CJK glyph outlines, rasterised by resvg. */
async function render(option: Option, width: number, height: number): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CJK_FONT_FAMILY },
      ...option,
    });
    const svg = svgTextToPaths(chart.renderToSVGString());
    return new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: width * 2 } })
      .render()
      .asPng();
  } finally {
    chart.dispose();
  }
}

function scoresOption(r: PeriodicReport): { option: Option; height: number } | null {
  const ranked = r.units.filter((u) => u.rank !== null && u.score !== null).slice(0, 40);
  if (ranked.length === 0) return null;
  const rows = [...ranked].reverse();
  return {
    height: Math.max(240, 70 + rows.length * 24),
    option: {
      title: { text: `${r.period.label}承办单位综合得分`, left: 'center', textStyle: { fontSize: 15 } },
      grid: { left: 170, right: 50, top: 40, bottom: 24 },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
      yAxis: { type: 'category', data: rows.map((u) => short(u.unitName)), axisLabel: { fontSize: 12 } },
      series: [
        {
          type: 'bar',
          data: rows.map((u) => ({
            value: Math.round((u.score ?? 0) * 100) / 100,
            itemStyle: { color: u.interview ? '#cf1322' : '#1677ff' },
          })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
        },
      ],
    },
  };
}

function channelsOption(r: PeriodicReport): { option: Option; height: number } | null {
  const rows = r.totals.byChannel.filter((c) => c.count > 0);
  if (rows.length === 0) return null;
  return {
    height: 360,
    option: {
      title: { text: `${r.period.label}受理渠道分布`, left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 4, left: 'center' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '62%'],
          center: ['50%', '50%'],
          label: { formatter: '{b}\n{c}件 {d}%' },
          data: rows.map((c) => ({ name: c.label, value: c.count })),
        },
      ],
    },
  };
}

function categoriesOption(r: PeriodicReport): { option: Option; height: number } | null {
  const rows = r.totals.byCategory.filter((c) => c.key && (c.count > 0 || c.previous > 0)).slice(0, 10);
  if (rows.length === 0) return null;
  return {
    height: 380,
    option: {
      title: { text: '诉求量居前的问题分类（环比）', left: 'center', textStyle: { fontSize: 15 } },
      legend: { top: 28, data: [r.period.label, r.period.previousLabel] },
      grid: { left: 56, right: 16, top: 64, bottom: 72 },
      xAxis: {
        type: 'category',
        data: rows.map((c) => c.label),
        axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0, fontSize: 12 },
      },
      yAxis: { type: 'value' },
      series: [
        { name: r.period.label, type: 'bar', data: rows.map((c) => c.count) },
        { name: r.period.previousLabel, type: 'bar', data: rows.map((c) => c.previous), color: '#bfbfbf' },
      ],
    },
  };
}

/** The report's charts (units' scores, channels, categories against the period before). */
export async function renderReportCharts(r: PeriodicReport): Promise<ReportChart[]> {
  const specs = [
    { key: 'scores', title: '承办单位综合得分', spec: scoresOption(r) },
    { key: 'channels', title: '受理渠道分布', spec: channelsOption(r) },
    { key: 'categories', title: '问题分类', spec: categoriesOption(r) },
  ];
  const out: ReportChart[] = [];
  for (const { key, title, spec } of specs) {
    if (!spec) continue;
    out.push({
      key,
      title,
      png: await render(spec.option, WIDTH, spec.height),
      width: WIDTH,
      height: spec.height,
    });
  }
  return out;
}
