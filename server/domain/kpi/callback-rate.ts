/**
 * 回访率 Callback rate.
 *
 * Official basis, beijing-miyun §22: "各承办单位在受理事项办结7个自然日内要安排相关科室对已办结事项进行回访，回访率不低于70%；
 * 县非紧急救助服务中心……回访率不低于50%；市非紧急救助服务中心将按照30%以上的比例……抽查回访". shanghai-962200 §13
 * (按照每月一定比例回访; 督办事项逐件回访). SPEC §6 lists 回访率 among the KPIs.
 *
 * Here: completed orders (a reply passed review) whose callback reached the citizen / completed orders.
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';
import { onTimeClass } from './counts';

export const callbackRate: Indicator = {
  id: 'callbackRate',
  name: '回访率',
  kind: 'rate',
  definition: '已回访（联系到来电人）的办结工单数/办结工单数',
  source: 'beijing-miyun §22; shanghai-962200 §13',
  value: (c) => ratio(c.calledBack, c.onTime + c.late),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const cls = onTimeClass(f, o.asOf, o.lateReturnsOverdue);
    if (cls !== 'on-time' && cls !== 'late') return null;
    return f.callbackAt !== null ? 'numerator' : 'denominator';
  },
};
