/**
 * 督办工单数 Supervision count.
 *
 * Official basis, zibo-12345 §15 (承办单位有下列情形之一的……进行督办); shanghai-962200 §12 (督办); wuqing §23-§24;
 * beijing-miyun §20 (催办), §21 (预警督查). SPEC §6 counts supervisions.
 *
 * Here: assignments supervised at least once (督办 actions while the unit held the order); the
 * counts also carry the number of supervision actions and of orders with reminder slips (催办单).
 */
import type { Indicator } from './indicator';

export const supervisionCount: Indicator = {
  id: 'supervisionCount',
  name: '督办工单数',
  kind: 'count',
  definition: '被督办过的工单数',
  source: 'zibo-12345 §15; shanghai-962200 §12; beijing-miyun §20-§21',
  value: (c) => c.supervised,
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    return f.supervisionCount > 0 ? 'numerator' : null;
  },
};
