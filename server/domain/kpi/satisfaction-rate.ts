/**
 * 满意率 (群众满意率) Satisfaction rate — one overall rating.
 *
 * Official definition, beijing-miyun Annex 2 §2(3): "满意率，是指群众对承办单位办理来电诉求整体工作的满意程度。
 * 满意率=市中心电话回访市民表示对办理工作满意的数量/电话回访总量。满意率应达到75%。" Also beijing-miyun §21.
 *
 * Here: the overall rating is the result rating where two are recorded (SPEC §3.4); only the
 * scheme's satisfied ratings count (default 满意 only); an upheld appeal removes the contested
 * unsatisfied rating by default (scheme setting `upheldAppeal`).
 */
import { rated } from './counts';
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const satisfactionRate: Indicator = {
  id: 'satisfactionRate',
  name: '满意率',
  kind: 'rate',
  definition: '回访市民表示对办理工作满意的数量/回访总量（整体评价，取办理结果评价）',
  source: 'beijing-miyun Annex 2 §2(3), §21; SPEC §3.4',
  value: (c) => ratio(c.resultSatisfied, c.resultRated),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const r = rated(f, f.resultSatisfaction, o);
    return r.satisfied ? 'numerator' : r.rated ? 'denominator' : null;
  },
};
