import type { HotTopic } from '../../../common/contracts/reports';
import { formatDay, localDay } from '../../domain/calendar';
import type { Period } from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import { hotTopics } from '../trends/hot-topics';

/** Longest the report waits for the hot-topics analysis (the report's own budget is 10 s). */
const BUDGET_MS = 4000;

/**
 * Hot topics (热点问题) for the periodic report: the matters that rose in the period against the
 * 28 days before (`GET /api/stats/hot-topics`, server/features/trends/hot-topics.ts), as the
 * report lists them under 热点问题 beside the categories that grew most. When the analysis takes
 * longer than its budget (a period of very many orders), the report goes out without them and
 * says so in the log; the hot-topics screen still has them.
 */
export async function hotTopicsForReport(ctx: AppContext, period: Period): Promise<HotTopic[]> {
  const from = formatDay(localDay(period.start));
  const to = formatDay(localDay(new Date(period.end.getTime() - 1)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), BUDGET_MS);
  });
  try {
    const topics = await Promise.race([hotTopics(ctx.db, { from, to, limit: 10 }), late]);
    if (topics === null) {
      ctx.logger.warn(
        { period: period.id, budgetMs: BUDGET_MS },
        'report: hot topics left out (over budget)',
      );
      return [];
    }
    return topics.map((t) => ({
      title: t.term,
      count: t.count,
      // The baseline is the word's usual share of the 28 days before, not the previous period's count.
      previous: null,
      note: `基线 ${t.baseline.toFixed(1)} 件，增长 ${t.growth.toFixed(1)} 倍`,
    }));
  } finally {
    clearTimeout(timer);
  }
}
