import {
  areaCities,
  areaConflict,
  AREA_CONFLICT_PENALTY,
  gramModel,
  queryGrams,
  type GramModel,
  type GramStats,
} from '../../domain/kb/grams';
import { markdownToText } from '../../domain/kb/markdown';
import { analyzeQuery } from '../../domain/kb/query';
import {
  defaultPlanOptions,
  planQuery,
  searchTiers,
  type PlanOptions,
  type QueryPlan,
} from '../../domain/kb/ranking';
import { buildSnippet, highlight } from '../../domain/kb/snippet';
import type { Db } from '../../platform/db';
import { trigramContainment, trigrams } from '../../domain/kb/trigram';
import {
  FRESHNESS_WEIGHT,
  TRIGRAM_WEIGHT,
  articleHits,
  countArticles,
  rankArticles,
  termStats,
  trigramTitleRows,
  type ArticleHitRow,
  type RankedRow,
} from './kb-search.repository';
import { todayOf } from './kb-time';
import { synonymsFor } from './synonym-store';

/** Queries up to this many characters also match titles by trigram similarity (typos, odd splits). */
export const TRIGRAM_MAX_QUERY_LENGTH = 24;
/** Queries up to this many characters are answered in candidate tiers (ranking.ts, searchTiers). */
export const TIER_MAX_QUERY_LENGTH = 64;
/** Words scored for a tiered query (the rarest ones). */
export const TIERED_MAX_CONCEPTS = 8;
/** Queries longer than this are ranked in two stages: words, then bigrams (grams.ts). */
export const RERANK_MIN_QUERY_LENGTH = 24;
/** The best this many word matches are ranked again by bigrams. */
export const RERANK_POOL = 100;
/** The same for a tiered query (up to 64 characters): typed at the desk, and its tiers are tight. */
export const RERANK_POOL_TIERED = 50;
/** Pages reaching deeper than this keep the word ranking (nobody reads 500 answers to a message). */
export const RERANK_MAX_DEPTH = 500;

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
  /** Override of TIER_MAX_QUERY_LENGTH (evaluation). */
  tierMaxLength?: number;
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
  /** Results in the tiers read so far (all of them when `hasMore` is false). */
  total: number;
  /** A broader tier may hold further results (read when paging past `total`). */
  hasMore: boolean;
  terms: string[];
}

/** Plans a query: concepts, synonyms and their weights from the current term statistics. */
export async function planSearch(
  db: Db,
  q: string,
  opts: Partial<PlanOptions> = {},
  grams: Iterable<string> = [],
): Promise<QueryPlan & { avgLength: number; grams: GramStats }> {
  const concepts = analyzeQuery(q, await synonymsFor(db));
  const stats = await termStats(
    db,
    concepts.flatMap((c) => c.terms),
    grams,
  );
  const plan = planQuery(
    concepts,
    { docs: stats.docs, df: (t) => stats.df.get(t) ?? 0 },
    { ...defaultPlanOptions, ...opts },
  );
  return { ...plan, avgLength: stats.avgLength, grams: stats.grams };
}

/**
 * Full-text search over live published articles (published, within their validity dates),
 * best first. Used by the intake desk, public self-service and the command line.
 *
 * Short queries read the candidate tiers of searchTiers() in order (see ranking.ts) and stop
 * once the page is full: `total` counts the results of the tiers read so far and `hasMore`
 * says whether a broader tier was left unread. Within a page, the trigram containment of the
 * query in the title is added as a secondary signal. When the text matches run out, titles that
 * look like a short query (pg_trgm) follow.
 *
 * Queries over 24 characters are ranked in two stages: the best word matches (a pool of 100, of
 * 50 when tiered, deeper when the page asks for it) are ordered again by rerankByGrams and the
 * page is cut from that order. Pages beyond RERANK_MAX_DEPTH keep the word order.
 */
export async function searchArticles(db: Db, o: SearchOptions): Promise<SearchOutcome> {
  const trimmed = o.q.trim();
  const tiered = trimmed.length <= (o.tierMaxLength ?? TIER_MAX_QUERY_LENGTH);
  const offset = o.offset ?? 0;
  const depth = offset + o.limit;
  // Queries longer than a few words: word matches find a pool of candidates, bigrams order it
  // (their statistics come in the same round trip as the words').
  const rerank = trimmed.length > RERANK_MIN_QUERY_LENGTH && depth <= RERANK_MAX_DEPTH;
  const grams = rerank ? queryGrams(trimmed) : null;
  // Tiered queries are short: their rarest words carry them, and scoring costs rows × words.
  const plan = await planSearch(
    db,
    o.q,
    tiered ? { maxConcepts: TIERED_MAX_CONCEPTS, ...o.plan } : o.plan,
    grams?.counts.keys(),
  );
  const short = trimmed.length >= 2 && trimmed.length <= TRIGRAM_MAX_QUERY_LENGTH;
  const params = {
    scoring: plan.scoring.map((c) => ({ tsquery: c.tsquery, weight: c.weight, lexemes: c.terms.length })),
    candidateQuery: plan.candidateQuery,
    today: todayOf(o.now),
    nowEpochSeconds: Math.floor(o.now.getTime() / 1000),
    avgLength: plan.avgLength,
    categoryPrefix: o.categoryCode,
    unitId: o.unitId,
  };
  const tiers = searchTiers(plan, tiered);
  let skip = offset;
  let total = 0;
  let hasMore = false;
  let rows: RankedRow[] = [];
  const wanted = rerank ? Math.max(tiered ? RERANK_POOL_TIERED : RERANK_POOL, depth) : o.limit;
  if (rerank) skip = 0; // the pool starts at the top; the page is cut from it after reranking
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i];
    if (!t) break;
    const tier = tiers.length > 1 ? { ...t, previous: tiers[i - 1] } : undefined;
    const found = await rankArticles(db, { ...params, tier, limit: wanted - rows.length, offset: skip });
    const tierTotal = found[0]?.total ?? (skip > 0 ? await countArticles(db, { ...params, tier }) : 0);
    rows = [...rows, ...found];
    total += tierTotal;
    skip = Math.max(0, skip - tierTotal);
    // Reranking reads deeper into the tiers a page needs, not into further tiers.
    if (rows.length >= (rerank ? depth : wanted)) {
      hasMore = i < tiers.length - 1;
      break;
    }
  }
  // The second stage reads the pool's rows in full; the page's details come from the same read.
  let pooled: Map<number, ArticleHitRow> | undefined;
  if (grams) {
    pooled = new Map(
      (
        await articleHits(
          db,
          rows.map((r) => r.id),
          true,
        )
      ).map((d) => [d.id, d]),
    );
    rows = rerankByGrams(rows, pooled, trimmed, gramModel(grams, plan.grams), o.now).slice(offset, depth);
  }
  if (short) rows = rescorePage(rows, trimmed);
  if (short && !hasMore && rows.length < o.limit) {
    const fuzzy = await trigramTitleRows(db, {
      ...params,
      query: trimmed,
      limit: o.limit - rows.length,
      offset: skip,
    });
    rows = [...rows, ...fuzzy];
    total += fuzzy[0]?.total ?? 0;
  }
  const details =
    pooled && rows.every((r) => pooled.has(r.id))
      ? pooled
      : new Map(
          (
            await articleHits(
              db,
              rows.map((r) => r.id),
              o.snippets ?? false,
            )
          ).map((d) => [d.id, d]),
        );
  const terms = plan.scoring.flatMap((c) => c.terms);
  const items: SearchHit[] = [];
  for (const r of rows) {
    const d = details.get(r.id);
    if (d) items.push(toHit(o.snippets ? d : { ...d, body: null }, r.score, terms, o.snippetLength ?? 120));
  }
  return { items, total, hasMore, terms };
}

/** Share of the word ranking's score (relative to the pool's best) kept in the second stage. */
export const WORD_SCORE_WEIGHT = 0.1;

/**
 * Second stage for long queries: the bigram language model of grams.ts, less a penalty for an
 * article about another city, times the same freshness factor as the word ranking (added as a
 * logarithm, the model's scale), plus a little of the word score itself (words and bigrams err
 * differently). Ties keep the word order.
 */
function rerankByGrams(
  pool: RankedRow[],
  texts: Map<number, ArticleHitRow>,
  query: string,
  model: GramModel | null,
  now: Date,
): RankedRow[] {
  if (pool.length === 0 || !model) return pool;
  const areas = areaCities(query);
  const nowSeconds = now.getTime() / 1000;
  const best = pool.reduce((m, r) => Math.max(m, r.score), 0);
  const scored = pool.map((r, rank) => {
    const t = texts.get(r.id);
    if (!t) return { row: r, rank, score: Number.NEGATIVE_INFINITY };
    const body = markdownToText(t.body ?? '');
    const ageYears = Math.max(0, nowSeconds - t.updated_at.getTime() / 1000) / 31_536_000;
    let score =
      model.scoreArticle(t.title, t.keywords, body) +
      Math.log(1 + FRESHNESS_WEIGHT / (1 + ageYears)) +
      (best > 0 ? (WORD_SCORE_WEIGHT * r.score) / best : 0);
    if (areaConflict(areas, areaCities(`${t.title} ${body}`))) score -= AREA_CONFLICT_PENALTY;
    return { row: r, rank, score };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  // exp: the model's scale is logarithmic; clients get a positive score, best first, as for short queries.
  return scored.map((x) => ({ ...x.row, score: Math.exp(x.score) }));
}

/** Adds the title trigram signal within a page and re-sorts it (pages never exchange rows). */
function rescorePage(rows: RankedRow[], query: string): RankedRow[] {
  const q = trigrams(query);
  return rows
    .map((r) => ({ ...r, score: r.score + TRIGRAM_WEIGHT * trigramContainment(q, r.title) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

function toHit(r: ArticleHitRow, score: number, terms: string[], snippetLength: number): SearchHit {
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
    score,
  };
}
