import type { KpiCounts, TallyOptions } from './counts';
import type { OrderFact } from './types';

/** Indicator ids, as used by assessment schemes, reports and the API. */
export const indicatorIds = [
  'onTimeRate',
  'feedbackRate',
  'satisfactionRate',
  'processSatisfactionRate',
  'resultSatisfactionRate',
  'callbackRate',
  'receiveOnTimeRate',
  'firstContactOnTimeRate',
  'returnRate',
  'redoRate',
  'extensionRate',
  'kbTimelinessRate',
  'overdueCount',
  'supervisionCount',
  'ignoredSupervisionCount',
  'upheldNumberComplaints',
] as const;
export type IndicatorId = (typeof indicatorIds)[number];

/** Where one order stands in an indicator: counted in the numerator, only in the denominator, or not at all. */
export type Membership = 'numerator' | 'denominator' | null;

export interface Indicator {
  id: IndicatorId;
  /** Chinese name as the regulations write it. */
  name: string;
  kind: 'rate' | 'count';
  /** Official definition (quoted or restated) and its source. */
  definition: string;
  source: string;
  /** A rate in [0, 1] (null when its denominator is 0), or a count. */
  value(c: KpiCounts): number | null;
  /** For drill-down: how one order counts (indicators fed by other data return null). */
  membership(f: OrderFact, o: TallyOptions): Membership;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
