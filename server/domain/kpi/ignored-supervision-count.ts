/**
 * 督办未按要求办理数 Ignored supervisions.
 *
 * Official basis, tianjin-wuqing §24: "对督办仍不按要求办理的承办单位，专线服务中心予以通报，并在考核中予以扣分"; the
 * supervision itself, §23 (系统提醒、书面督办等不同方式).
 *
 * Here: supervisions of the unit whose answer was due in the month and that were not answered by
 * their due time: answered late, or still unanswered at the report time (supervision records,
 * `respondBy` / `respondedAt`). Not derived from order facts: the report fills the count from the
 * supervision records, so the drill-down has no per-order membership.
 */
import type { Indicator } from './indicator';

export const ignoredSupervisionCount: Indicator = {
  id: 'ignoredSupervisionCount',
  name: '督办未按要求办理数',
  kind: 'count',
  definition: '督办后逾期未答复（含逾期答复）的督办件数',
  source: 'tianjin-wuqing §24',
  value: (c) => c.supervisionsIgnored,
  membership: () => null,
};
