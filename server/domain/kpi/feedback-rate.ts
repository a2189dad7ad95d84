/**
 * 反馈率 Feedback rate.
 *
 * Official definition, beijing-miyun Annex 2 §2(2): "反馈率，是指承办单位主动向来电人反馈办理结果或情况……
 * 市中心通过电话抽查回访的方式计算反馈率……反馈率=市中心电话回访市民表示已接到承办单位反馈电话的数量/市中心对该单位电话回访总量。
 * 反馈率应达到100%。" Also beijing-miyun §19 (谁办理、谁反馈, 100%), §21.
 *
 * Here: callbacks that reached the citizen and recorded whether the unit contacted them
 * (`contactedByUnit`); the latest such callback of each order counts. Confidential orders are
 * left out: the platform relays contact for them (SPEC §3.1).
 */
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const feedbackRate: Indicator = {
  id: 'feedbackRate',
  name: '反馈率',
  kind: 'rate',
  definition: '回访市民表示已接到承办单位反馈的数量/对该单位回访总量',
  source: 'beijing-miyun Annex 2 §2(2), §19, §21',
  value: (c) => ratio(c.feedbackYes, c.feedbackCallbacks),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    if (f.callbackAt === null || f.confidential || f.contactedByUnit === null) return null;
    return f.contactedByUnit ? 'numerator' : 'denominator';
  },
};
