/**
 * 信息库及时更新率 Knowledge-base timeliness.
 *
 * Official basis, shanghai-962200 §14: "各承办单位负责本地区、本部门便民服务信息梳理，按照格式规范，在新信息发布日起的5个工作日内
 * 上传至信息库，并定期维护更新"; §24 assesses "信息库及时更新情况"; zibo-12345 §15(5) supervises units whose
 * knowledge base is not kept current.
 *
 * Here: the knowledge base's policy notices (kb_policy_notice) of the unit due in the period:
 * answered (the answering article published) by the due day / notices due and decided (answered,
 * or past due at the report time). Not derived from order facts: the report fills the two counts
 * from the knowledge base when an installation has it; otherwise the figure is null.
 */
import type { KpiCounts } from './counts';
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export interface KbTimelinessCounts {
  noticesDecided: number;
  noticesOnTime: number;
}

export function kbTimeliness(c: KbTimelinessCounts): number | null {
  return ratio(c.noticesOnTime, c.noticesDecided);
}

export const kbTimelinessRate: Indicator = {
  id: 'kbTimelinessRate',
  name: '信息库及时更新率',
  kind: 'rate',
  definition: '按时（新信息发布后5个工作日内）上传信息库的数量/应上传数量',
  source: 'shanghai-962200 §14, §24; zibo-12345 §15(5)',
  value: (c: KpiCounts) => ratio(c.kbNoticesOnTime, c.kbNoticesDecided),
  membership: () => null,
};
