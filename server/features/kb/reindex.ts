import { segmentForIndex } from '../../domain/kb/segment';
import type { Db } from '../../platform/db';
import { tokensOf } from './article-content';
import { accumulateArticleDelta } from './article-writer';
import {
  allArticleIds,
  applyTermDeltas,
  refreshSearchIndex,
  resetTermStats,
  setTicketContentTokens,
  ticketContentAfter,
  updateArticle,
} from './kb-article.repository';

/**
 * Re-segments every article and every order's content (after a dictionary or segmentation
 * change) and rebuilds the document-frequency table from scratch.
 */
export async function reindexKnowledgeBase(
  db: Db,
  onProgress?: (done: { articles: number; tickets: number }) => void,
): Promise<{ articles: number; tickets: number }> {
  const done = { articles: 0, tickets: 0 };
  await db.transaction().execute((trx) => resetTermStats(trx));
  let after = 0;
  for (;;) {
    const rows = await allArticleIds(db, after, 500);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      const deltas = new Map<string, number>();
      for (const row of rows) {
        const tokens = tokensOf({ title: row.title, body: row.body, keywords: row.keywords });
        accumulateArticleDelta(deltas, null, { ...row, ...tokens });
        if (
          tokens.title_tokens !== row.title_tokens ||
          tokens.keyword_tokens !== row.keyword_tokens ||
          tokens.body_tokens !== row.body_tokens
        ) {
          await updateArticle(trx, row.id, tokens);
        }
      }
      await applyTermDeltas(trx, deltas, rows.length);
    });
    after = rows[rows.length - 1]?.id ?? after;
    done.articles += rows.length;
    onProgress?.(done);
  }
  await refreshSearchIndex(db);
  let afterTicket = 0;
  for (;;) {
    const rows = await ticketContentAfter(db, afterTicket, 500);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const tokens = segmentForIndex(r.content);
        if (tokens !== r.content_tokens) {
          await setTicketContentTokens(trx, r.id, tokens);
        }
      }
    });
    afterTicket = rows[rows.length - 1]?.id ?? afterTicket;
    done.tickets += rows.length;
    onProgress?.(done);
  }
  return done;
}
