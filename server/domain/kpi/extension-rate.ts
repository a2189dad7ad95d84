/**
 * 延期率 Extension rate.
 *
 * Official basis, zibo-12345 §11(4) (不能按期办结的……申请延期); wuqing §21; beijing-miyun §17 (复杂疑难诉求可申请延期,
 * 延期最长不超过3个工作日), §28; tianjin-urban §8(6). SPEC §6 counts extensions.
 *
 * Here: assignments with at least one approved extension / assignments dispatched to the unit
 * (forwards by a sub-platform excluded).
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';
import { onTimeClass } from './counts';

export const extensionRate: Indicator = {
  id: 'extensionRate',
  name: '延期率',
  kind: 'rate',
  definition: '获准延期的工单数/派单数量',
  source: 'zibo-12345 §11(4); beijing-miyun §17, §28; tianjin-urban §8(6)',
  value: (c) => ratio(c.extended, c.dispatched - c.forwarded),
  membership(f, o) {
    if (
      f.dispatchedAt.getTime() > o.asOf.getTime() ||
      onTimeClass(f, o.asOf, o.lateReturnsOverdue) === 'forwarded'
    ) {
      return null;
    }
    return f.extensionsApproved > 0 ? 'numerator' : 'denominator';
  },
};
