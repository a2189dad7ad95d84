/**
 * 先行联系及时率 First-contact-on-time rate.
 *
 * Official basis, shanghai-962200 §11(1): "承办单位应当在1个工作日内与市民联系" (the "1-5-10" rule); wuqing §19(1)
 * and tianjin-urban §8(4) (先行联系, first thing); emergency initial response within 2 hours,
 * zibo-12345 §13. Profiles without a first-contact limit have no such figure (null).
 *
 * Here: assignments whose first-contact deadline has passed or on which contact was recorded /
 * those with contact recorded by the deadline.
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const firstContactOnTimeRate: Indicator = {
  id: 'firstContactOnTimeRate',
  name: '先行联系及时率',
  kind: 'rate',
  definition: '在先行联系时限内联系来电人的工单数/已联系或已过先行联系时限的工单数',
  source: 'shanghai-962200 §11(1); zibo-12345 §13; tianjin-urban §8(4)',
  value: (c) => ratio(c.contactOnTime, c.contactDecided),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime() || f.firstContactDueAt === null) return null;
    const due = f.firstContactDueAt.getTime();
    if (f.contactedAt === null) return o.asOf.getTime() > due ? 'denominator' : null;
    return f.contactedAt.getTime() <= due ? 'numerator' : 'denominator';
  },
};
