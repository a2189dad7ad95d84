/**
 * 按时签收率 Receive-on-time rate (接单/签收).
 *
 * Official basis, tianjin-urban §8(1): "普通件、急件、紧急件……3小时内接单……特急件1小时内接单" (the receive limit
 * with office hours; SPEC §4 and §4.1). Profiles without a receive limit have no such figure (null).
 *
 * Here: assignments whose receive deadline has passed or which were signed for / those signed
 * for by the receive deadline (a forward by a sub-platform counts as receipt for the sub-platform).
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const receiveOnTimeRate: Indicator = {
  id: 'receiveOnTimeRate',
  name: '按时签收率',
  kind: 'rate',
  definition: '在接单时限内签收的工单数/已签收或已过接单时限的工单数',
  source: 'tianjin-urban §8(1); SPEC §4.1',
  value: (c) => ratio(c.receiveOnTime, c.receiveDecided),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime() || f.receiveDueAt === null) return null;
    const due = f.receiveDueAt.getTime();
    if (f.acceptedAt === null) return o.asOf.getTime() > due ? 'denominator' : null;
    return f.acceptedAt.getTime() <= due ? 'numerator' : 'denominator';
  },
};
