/**
 * 按期办结率 On-time completion rate.
 *
 * Official definition, beijing-miyun Annex 2 §2(1): "按期办结率，是指承办单位在规定期限内回复市非紧急救助服务中心
 * 群众诉求办理情况。按期办结率=承办单位按期办结数量/(市中心电话派单数量-批准退回数量-分中心退回待审核数量-期限内办理中数量-回复待审核数量)。
 * 按期办结率应达到100%。" Also zibo-12345 §20 (按时办结率), shanghai-962200 §24 (按时办结率), beijing-miyun §21.
 *
 * Here: an order counts in the month it was dispatched to the unit; "on time" = the reply that
 * passed review was made by the handling deadline in force (approved extensions move it).
 * Platform re-assignments count with approved returns; forwards by a sub-platform are not the
 * sub-platform's handling. Denominator = on time + late + open past the deadline (+ returns asked
 * after the return limit under a scheme with `lateReturnsOverdue`: zibo-12345 §11(6) 超期回退的视为超期办理件).
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';
import { onTimeClass } from './counts';

export const onTimeRate: Indicator = {
  id: 'onTimeRate',
  name: '按期办结率',
  kind: 'rate',
  definition: '按期办结数量/(派单数量-批准退回数量-退回待审核数量-期限内办理中数量-回复待审核数量)',
  source: 'beijing-miyun Annex 2 §2(1); zibo-12345 §20; shanghai-962200 §24',
  value: (c) =>
    ratio(
      c.onTime,
      c.dispatched -
        c.forwarded -
        (c.returned - c.lateReturned) -
        c.returnPending -
        c.inLimit -
        c.replyPending,
    ),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const cls = onTimeClass(f, o.asOf, o.lateReturnsOverdue);
    if (cls === 'on-time') return 'numerator';
    return cls === 'late' || cls === 'overdue-open' || cls === 'late-return' ? 'denominator' : null;
  },
};
