/**
 * 服务过程满意率 Process satisfaction rate.
 *
 * Official basis, zibo-12345 §20: "重点考核按时办结率、服务过程满意率、办理结果满意率……"; the callback asks
 * about satisfaction with the process (zibo-12345 §11(8); SPEC §3.4).
 *
 * Here: callbacks that reached the citizen with a process rating; satisfied = one of the scheme's
 * satisfied ratings (default 满意 only); an upheld appeal removes the contested rating by default.
 */
import { rated } from './counts';
import type { Indicator } from './indicator';
import { ratio } from './indicator';

export const processSatisfactionRate: Indicator = {
  id: 'processSatisfactionRate',
  name: '服务过程满意率',
  kind: 'rate',
  definition: '回访中对服务过程表示满意的数量/有服务过程评价的回访数量',
  source: 'zibo-12345 §11(8), §20',
  value: (c) => ratio(c.processSatisfied, c.processRated),
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const r = rated(f, f.processSatisfaction, o);
    return r.satisfied ? 'numerator' : r.rated ? 'denominator' : null;
  },
};
