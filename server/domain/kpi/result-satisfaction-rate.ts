/**
 * 办理结果满意率 Result satisfaction rate.
 *
 * Official basis, zibo-12345 §20: "重点考核按时办结率、服务过程满意率、办理结果满意率……"; the callback asks
 * about satisfaction with the result (zibo-12345 §11(8)). shanghai-962200 §24 assesses 回访满意率,
 * taken here as the result rating of the callback.
 *
 * Here: callbacks that reached the citizen with a result rating; satisfied = one of the scheme's
 * satisfied ratings (default 满意 only, SPEC §3.4); an upheld appeal removes the contested rating by default.
 */
import { rated } from './counts';
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const resultSatisfactionRate: Indicator = {
  id: 'resultSatisfactionRate',
  name: '办理结果满意率',
  kind: 'rate',
  definition: '回访中对办理结果表示满意的数量/有办理结果评价的回访数量',
  source: 'zibo-12345 §11(8), §20; shanghai-962200 §24',
  value: (c) => ratio(c.resultSatisfied, c.resultRated),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const r = rated(f, f.resultSatisfaction, o);
    return r.satisfied ? 'numerator' : r.rated ? 'denominator' : null;
  },
};
