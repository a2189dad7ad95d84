import { satisfactionLabels } from '../../../common/enums';
import { labelOf, ticketStatusLabels } from '../../../common/ticket-vocabulary';
import type { DrillResult } from '../assessment/drill-down';
import { serviceMinute, truncatedNote, yesNo, type Cell, type XlsxSheet } from './xlsx-stream';

/** The most orders one drill-down export lists (the endpoint's own largest limit). */
export const DRILL_EXPORT_LIMIT = 5000;

/**
 * 考核明细: the orders behind one unit's figure, as the drill-down drawer lists them (counted in
 * the numerator or only in the denominator), with the figure and its definition on top.
 */
export function drillSheet(d: DrillResult, unitName: string): XlsxSheet {
  const head: Cell[][] = [
    [`${unitName} · ${d.name}（${d.period}）`],
    [d.definition],
    [`分子 ${d.numerator} 件 / 分母 ${d.denominator} 件`],
  ];
  return {
    name: '考核明细',
    columns: [
      { header: '工单编号', width: 16 },
      { header: '计入', width: 8 },
      { header: '状态', width: 12 },
      { header: '统计月份', width: 10 },
      { header: '派单时间', width: 17 },
      { header: '办理时限', width: 17 },
      { header: '办结时间', width: 17 },
      { header: '按期办结', width: 10 },
      { header: '回访时间', width: 17 },
      { header: '单位联系群众', width: 12 },
      { header: '结果满意度', width: 12 },
      { header: '过程满意度', width: 12 },
    ],
    rows: [
      d.items.map((i): Cell[] => [
        i.ticketNo,
        i.counts === 'numerator' ? '分子' : '分母',
        labelOf(ticketStatusLabels, i.status),
        i.month,
        serviceMinute(i.dispatchedAt),
        serviceMinute(i.handleDueAt),
        serviceMinute(i.completedAt),
        yesNo(i.onTime),
        serviceMinute(i.callbackAt),
        yesNo(i.contactedByUnit),
        i.resultSatisfaction ? labelOf(satisfactionLabels, i.resultSatisfaction) : '',
        i.processSatisfaction ? labelOf(satisfactionLabels, i.processSatisfaction) : '',
      ]),
      d.truncated ? [truncatedNote(d.items.length)] : [],
      // The figure last, below the orders, so the first rows are the orders themselves.
      [[], ...head],
    ],
  };
}
