/**
 * 超期工单数 Overdue count.
 *
 * Official basis, zibo-12345 §12 (超期, 红灯, 催办单) and §15(1) (超出办理时限未办理的 → 督办); beijing-miyun §7
 * (对超期未办结的来电诉求，由交办单位负责督办), §30. SPEC §6 counts overdue orders.
 *
 * Here: assignments whose handling limit was missed: completed late, replied late with the reply
 * awaiting review, or still open past the deadline at the report time; under a scheme with
 * `lateReturnsOverdue`, also returned after the return limit (zibo-12345 §11(6): 超期回退的视为超期办理件).
 */
import type { Indicator } from './indicator';
import { isOverdueClass, onTimeClass } from './counts';

export const overdueCount: Indicator = {
  id: 'overdueCount',
  name: '超期工单数',
  kind: 'count',
  definition: '超过办理时限（含延期）办结、答复或仍未办结的工单数',
  source: 'zibo-12345 §12, §15(1); beijing-miyun §7, §30',
  value: (c) => c.overdue,
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    return isOverdueClass(onTimeClass(f, o.asOf, o.lateReturnsOverdue), f) ? 'numerator' : null;
  },
};
