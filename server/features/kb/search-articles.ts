import { markdownToText } from '../../domain/kb/markdown';
import { analyzeQuery } from '../../domain/kb/query';
import { defaultPlanOptions, planQuery, type PlanOptions, type QueryPlan } from '../../domain/kb/ranking';
import { buildSnippet, highlight } from '../../domain/kb/snippet';
import type { Db } from '../../platform/db';
import { searchArticleRows, termStats, trigramTitleRows, type ArticleHitRow } from './kb-search.repository';
import { todayOf } from './kb-time';

/** Queries up to this many characters also match titles by trigram similarity (typos, odd splits). */
export const TRIGRAM_MAX_QUERY_LENGTH = 24;

export interface SearchOptions {
  q: string;
  now: Date;
  categoryCode?: string | undefined;
  unitId?: number | undefined;
  limit: number;
  offset?: number;
  /** Build highlighted snippets (needs the body). */
  snippets?: boolean;
  snippetLength?: number;
  plan?: Partial<PlanOptions>;
}

export interface SearchHit {
  id: number;
  externalId: string | null;
  externalIdNumeric: boolean;
  title: string;
  titleHighlight: string;
  snippet: string;
  categoryCode: string | null;
  categoryName: string | null;
  ownerUnitId: number | null;
  unitName: string | null;
  keywords: string[];
  validUntil: string | null;
  usageCount: number;
  updatedAt: Date;
  score: number;
}

export interface SearchOutcome {
  items: SearchHit[];
  total: number;
  terms: string[];
}

/** Plans a query: concepts, synonyms and their weights from the current term statistics. */
export async function planSearch(db: Db, q: string, opts: Partial<PlanOptions> = {}): Promise<QueryPlan & { avgLength: number }> {
  const concepts = analyzeQuery(q);
  const stats = await termStats(db, concepts.flatMap((c) => c.terms));
  const plan = planQuery(concepts, { docs: stats.docs, df: (t) => stats.df.get(t) ?? 0 }, { ...defaultPlanOptions, ...opts });
  return { ...plan, avgLength: stats.avgLength };
}

/**
 * Full-text search over live published articles (published, within their validity dates),
 * best first. Used by the intake desk, public self-service and the command line.
 */
export async function searchArticles(db: Db, o: SearchOptions): Promise<SearchOutcome> {
  const plan = await planSearch(db, o.q, o.plan);
  const trimmed = o.q.trim();
  const short = trimmed.length >= 2 && trimmed.length <= TRIGRAM_MAX_QUERY_LENGTH;
  const params = {
    scoring: plan.scoring.map((c) => ({ tsquery: c.tsquery, weight: c.weight, lexemes: c.terms.length })),
    candidateQuery: plan.candidateQuery,
    trigramQuery: short ? trimmed : null,
    today: todayOf(o.now),
    nowEpochSeconds: Math.floor(o.now.getTime() / 1000),
    avgLength: plan.avgLength,
    categoryPrefix: o.categoryCode,
    unitId: o.unitId,
    limit: o.limit,
    offset: o.offset ?? 0,
    withBody: o.snippets ?? false,
  };
  let rows = await searchArticleRows(db, params);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && params.offset > 0 && plan.candidateQuery) {
    total = (await searchArticleRows(db, { ...params, limit: 1, offset: 0 }))[0]?.total ?? 0;
  }
  // Few or no text matches for a short query: add titles that look alike (trigrams).
  if (short && total < params.offset + params.limit) {
    const offset = Math.max(0, params.offset - total);
    const limit = params.limit - rows.length;
    const fuzzy = await trigramTitleRows(db, { ...params, query: trimmed, limit, offset });
    rows = [...rows, ...fuzzy];
    total += fuzzy[0]?.total ?? 0;
  }
  const terms = plan.scoring.flatMap((c) => c.terms);
  return { items: rows.map((r) => toHit(r, terms, o.snippetLength ?? 120)), total, terms };
}

function toHit(r: ArticleHitRow, terms: string[], snippetLength: number): SearchHit {
  return {
    id: r.id,
    externalId: r.external_id,
    externalIdNumeric: r.external_id_numeric,
    title: r.title,
    titleHighlight: highlight(r.title, terms),
    snippet: r.body !== null ? buildSnippet(markdownToText(r.body), terms, snippetLength) : '',
    categoryCode: r.category_code,
    categoryName: r.category_name,
    ownerUnitId: r.owner_unit_id,
    unitName: r.unit_name,
    keywords: r.keywords,
    validUntil: r.valid_until,
    usageCount: r.usage_count,
    updatedAt: r.updated_at,
    score: r.score,
  };
}
