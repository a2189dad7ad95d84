import type { HotTopic } from '../../../common/contracts/reports';
import type { Period } from '../../domain/kpi';
import type { AppContext } from '../../platform/context';

/**
 * Hot topics (热点问题) for the periodic report: the clusters of similar requests of the period.
 * Returns none until the hot-topics analysis (GET /api/stats/hot-topics) is wired in here; the
 * report then lists them under 热点问题 beside the categories that grew most.
 */
export function hotTopicsForReport(_ctx: AppContext, _period: Period): Promise<HotTopic[]> {
  return Promise.resolve([]);
}
