/**
 * 重办率 Redo rate.
 *
 * Official basis, zibo-12345 §11(9): "对承办单位应当办理而未办理……或者群众不满意且诉求合理的……重新办理";
 * tianjin-urban §7(2) (不满意工单再次办理). SPEC §6 counts redos.
 *
 * Here: completed orders sent back for a redo at least once / completed orders.
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';
import { onTimeClass } from './counts';

export const redoRate: Indicator = {
  id: 'redoRate',
  name: '重办率',
  kind: 'rate',
  definition: '被重办过的办结工单数/办结工单数',
  source: 'zibo-12345 §11(9); tianjin-urban §7(2)',
  value: (c) => ratio(c.redone, c.onTime + c.late),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const cls = onTimeClass(f, o.asOf, o.lateReturnsOverdue);
    if (cls !== 'on-time' && cls !== 'late') return null;
    return f.redoCount > 0 ? 'numerator' : 'denominator';
  },
};
