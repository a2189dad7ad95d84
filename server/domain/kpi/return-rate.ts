/**
 * 退件率 (回退率) Return rate.
 *
 * Official basis, zibo-12345 §11(6) (承办单位……认为不属于本单位职责的……回退); tianjin-urban §8(5); SPEC §6 counts
 * returns among the assessment's figures, and the Beijing formula (Annex 2 §2(1)) takes approved
 * returns out of the on-time denominator.
 *
 * Here: assignments ended by an approved return (or a platform re-assignment) / assignments
 * dispatched to the unit (forwards by a sub-platform excluded).
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';
import { onTimeClass } from './counts';

export const returnRate: Indicator = {
  id: 'returnRate',
  name: '退件率',
  kind: 'rate',
  definition: '批准退回的工单数/派单数量',
  source: 'zibo-12345 §11(6); tianjin-urban §8(5); beijing-miyun Annex 2 §2(1)',
  value: (c) => ratio(c.returned, c.dispatched - c.forwarded),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const cls = onTimeClass(f, o.asOf, o.lateReturnsOverdue);
    if (cls === 'forwarded') return null;
    return cls === 'returned' || cls === 'late-return' ? 'numerator' : 'denominator';
  },
};
