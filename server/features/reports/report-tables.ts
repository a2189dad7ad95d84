import type { CountRow, PeriodicReport } from '../../../common/contracts/reports';
import { changeRatio, pct2, score2, thousands } from './report-format';

/** A table of the report as text, for the Word and PDF renderers (the workbook keeps numbers). */
export interface TextTable {
  title: string;
  columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
}

const change = (now: number, before: number) => {
  const r = changeRatio(now, before);
  if (r === null) return '—';
  return `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
};

function countTable(title: string, rows: CountRow[], r: PeriodicReport, total?: number): TextTable {
  return {
    title,
    columns: [
      { title: '项目', width: 40, align: 'left' },
      { title: r.period.label, width: 20, align: 'right' },
      ...(total !== undefined ? [{ title: '占比', width: 12, align: 'right' as const }] : []),
      { title: r.period.previousLabel, width: 16, align: 'right' },
      { title: '环比', width: 12, align: 'right' },
    ],
    rows: rows.map((c) => [
      c.label,
      thousands(c.count),
      ...(total !== undefined ? [total > 0 ? `${((c.count / total) * 100).toFixed(1)}%` : '—'] : []),
      thousands(c.previous),
      change(c.count, c.previous),
    ]),
  };
}

/** 受理情况: by disposition, channel and type. */
export function intakeTables(r: PeriodicReport): TextTable[] {
  const t = r.totals;
  return [
    countTable('表1 受理诉求按处置方式统计', t.byDisposition, r, t.intake),
    countTable('表2 受理诉求按渠道统计', t.byChannel, r, t.intake),
    countTable('表3 受理诉求按类型统计', t.byType, r, t.intake),
  ];
}

/** 承办单位考核: rank, unit, dispatches, each rate as "98.50%", score, change of rank, 约谈. */
export function unitTable(r: PeriodicReport): TextTable {
  const rateWidth = Math.max(8, Math.floor(48 / Math.max(1, r.columns.length)));
  return {
    title: `表4 ${r.period.label}承办单位考核情况（${r.scheme.name}）`,
    columns: [
      { title: '排名', width: 6 },
      { title: '承办单位', width: 22, align: 'left' },
      { title: '派单量', width: 8, align: 'right' },
      ...r.columns.map((c) => ({ title: c.name, width: rateWidth, align: 'right' as const })),
      { title: '得分', width: 8, align: 'right' },
      { title: '上期排名', width: 8 },
    ],
    rows: r.units.map((u) => [
      u.rank === null ? '—' : String(u.rank),
      `${u.unitName}${u.interview ? '（约谈）' : ''}`,
      thousands(u.dispatched),
      ...r.columns.map((c) => {
        const v = u.values[c.id] ?? null;
        return c.kind === 'rate' ? pct2(v) : v === null ? '—' : String(v);
      }),
      score2(u.score),
      u.previousRank === null ? '—' : String(u.previousRank),
    ]),
  };
}

/** 热点问题: top-level categories, the categories that grew most, the hot topics. */
export function hotspotTables(r: PeriodicReport): TextTable[] {
  const out = [
    countTable(
      '表5 诉求量居前的问题分类',
      r.totals.byCategory.filter((c) => c.count > 0).slice(0, 10),
      r,
      r.totals.intake,
    ),
  ];
  if (r.risingCategories.length) out.push(countTable('表6 环比增长较多的问题分类', r.risingCategories, r));
  if (r.hotTopics.length) {
    out.push({
      title: `表${out.length + 5} 热点问题`,
      columns: [
        { title: '热点问题', width: 60, align: 'left' },
        { title: r.period.label, width: 20, align: 'right' },
        { title: r.period.previousLabel, width: 20, align: 'right' },
      ],
      rows: r.hotTopics.map((h) => [
        h.title,
        thousands(h.count),
        h.previous === null ? '—' : thousands(h.previous),
      ]),
    });
  }
  return out;
}

/** Key figures: the headline of the summary. */
export function keyFigures(r: PeriodicReport): string {
  const o = r.totals.overall;
  return [
    `受理诉求 ${thousands(r.totals.intake)} 件`,
    `派单 ${thousands(r.totals.dispatched)} 件次`,
    `按期办结率 ${pct2(o.onTimeRate)}`,
    `反馈率 ${pct2(o.feedbackRate)}`,
    `满意率 ${pct2(o.satisfactionRate)}`,
  ].join('　');
}
