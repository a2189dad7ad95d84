import type { AppContext } from '../../platform/context';
import { reviseArticleRow } from './article-writer';
import { lockExpiredArticles } from './kb-article.repository';
import { todayOf } from './kb-time';

/**
 * Marks published articles whose validity has ended as `expired`, with a version row each.
 * Search already hides them by date; this records the change. Safe to run on several
 * instances at once (rows are taken with SKIP LOCKED), and idempotent.
 */
export async function expireDueArticles(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  batchSize = 200,
): Promise<number> {
  const now = ctx.clock.now();
  const today = todayOf(now);
  let total = 0;
  for (;;) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      const rows = await lockExpiredArticles(trx, today, batchSize);
      for (const row of rows) {
        await reviseArticleRow(
          trx,
          row,
          { status: 'expired' },
          { userId: null, now, action: 'expire', note: `有效期至 ${row.valid_until ?? ''}，自动过期` },
        );
      }
      return rows.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
