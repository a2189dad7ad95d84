import type { CallFigures } from '../../../common/contracts/cti';
import { citeArticle } from '../../../common/article-citation';
import { percentCell, serviceMinute, type Cell, type XlsxSheet } from './xlsx-stream';

const figureLabels: Record<CallFigures['targets'][number]['figure'], string> = {
  connectionRate: '接通率',
  within10sRate: '10秒接通率',
};

const countColumns = [
  { header: '呼入', width: 10 },
  { header: '接通', width: 10 },
  { header: '放弃', width: 10 },
  { header: '10秒内接通', width: 12 },
];

type Counts = Pick<CallFigures, 'offered' | 'answered' | 'abandoned' | 'answeredWithin10s'>;
const counts = (c: Counts): Cell[] => [c.offered, c.answered, c.abandoned, c.answeredWithin10s];
const seconds = (v: number | null): Cell => (v === null ? '' : Math.round(v * 10) / 10);

/**
 * 话务统计 as on the leader's desk, for calls offered in [from, to): the totals and the profile's
 * targets, then by hour, by day, by agent and by queue (one sheet each). Rates in percent.
 */
export function callFigureSheets(f: CallFigures): XlsxSheet[] {
  const summary: Cell[][] = [
    ['统计区间', `${serviceMinute(f.from)} 至 ${serviceMinute(f.to)}`],
    ['呼入', f.offered],
    ['接通', f.answered],
    ['放弃', f.abandoned],
    ['10秒内接通', f.answeredWithin10s],
    ['接通率（%）', percentCell(f.connectionRate)],
    ['10秒接通率（%）', percentCell(f.within10sRate)],
    ['平均等待（秒）', seconds(f.averageWaitSeconds)],
    ...f.targets.map((t): Cell[] => [
      `${figureLabels[t.figure]}目标（%）`,
      percentCell(t.target),
      t.met === null ? '无呼入' : t.met ? '达标' : '未达标',
      citeArticle(t.article),
    ]),
  ];
  return [
    {
      name: '话务汇总',
      columns: [
        { header: '指标', width: 18 },
        { header: '数值', width: 34 },
        { header: '是否达标', width: 10 },
        { header: '依据', width: 40 },
      ],
      rows: [summary],
    },
    {
      name: '按小时',
      columns: [{ header: '时段（北京时间）', width: 16 }, ...countColumns],
      rows: [f.byHour.map((h): Cell[] => [`${h.hour}时`, ...counts(h)])],
    },
    {
      name: '按日',
      columns: [{ header: '日期', width: 12 }, ...countColumns],
      rows: [f.byDay.map((d): Cell[] => [d.day, ...counts(d)])],
    },
    {
      name: '按话务员',
      columns: [
        { header: '话务员', width: 14 },
        { header: '账号', width: 14 },
        { header: '接通', width: 10 },
        { header: '10秒内接通', width: 12 },
        { header: '10秒内接通占比（%）', width: 18 },
        { header: '平均等待（秒）', width: 14 },
      ],
      rows: [
        f.byAgent.map((a): Cell[] => [
          a.displayName ?? a.agent,
          a.agent,
          a.answered,
          a.answeredWithin10s,
          percentCell(a.answered > 0 ? a.answeredWithin10s / a.answered : null),
          seconds(a.averageWaitSeconds),
        ]),
      ],
    },
    {
      name: '按队列',
      columns: [{ header: '队列', width: 16 }, ...countColumns],
      rows: [f.byQueue.map((q): Cell[] => [q.queue ?? '（未分队列）', ...counts(q)])],
    },
  ];
}
