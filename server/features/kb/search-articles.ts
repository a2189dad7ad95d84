import { markdownToText } from '../../domain/kb/markdown';
import { analyzeQuery } from '../../domain/kb/query';
import { defaultPlanOptions, planQuery, searchTiers, type PlanOptions, type QueryPlan } from '../../domain/kb/ranking';
import { buildSnippet, highlight } from '../../domain/kb/snippet';
import type { Db } from '../../platform/db';
import { trigramContainment, trigrams } from '../../domain/kb/trigram';
import {
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

/** Queries up to this many characters also match titles by trigram similarity (typos, odd splits). */
export const TRIGRAM_MAX_QUERY_LENGTH = 24;
/** Queries up to this many characters are answered in candidate tiers (ranking.ts, searchTiers). */
export const TIER_MAX_QUERY_LENGTH = 64;
/** Words scored for a tiered query (the rarest ones). */
export const TIERED_MAX_CONCEPTS = 8;

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
export async function planSearch(db: Db, q: string, opts: Partial<PlanOptions> = {}): Promise<QueryPlan & { avgLength: number }> {
  const concepts = analyzeQuery(q);
  const stats = await termStats(db, concepts.flatMap((c) => c.terms));
  const plan = planQuery(concepts, { docs: stats.docs, df: (t) => stats.df.get(t) ?? 0 }, { ...defaultPlanOptions, ...opts });
  return { ...plan, avgLength: stats.avgLength };
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
 */
export async function searchArticles(db: Db, o: SearchOptions): Promise<SearchOutcome> {
  const trimmed = o.q.trim();
  const tiered = trimmed.length <= (o.tierMaxLength ?? TIER_MAX_QUERY_LENGTH);
  // Tiered queries are short: their rarest words carry them, and scoring costs rows × words.
  const plan = await planSearch(db, o.q, tiered ? { maxConcepts: TIERED_MAX_CONCEPTS, ...o.plan } : o.plan);
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
  let skip = o.offset ?? 0;
  let total = 0;
  let hasMore = false;
  let rows: RankedRow[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i];
    if (!t) break;
    const tier = tiers.length > 1 ? { ...t, previous: tiers[i - 1] } : undefined;
    const found = await rankArticles(db, { ...params, tier, limit: o.limit - rows.length, offset: skip });
    const tierTotal = found[0]?.total ?? (skip > 0 ? await countArticles(db, { ...params, tier }) : 0);
    rows = [...rows, ...found];
    total += tierTotal;
    skip = Math.max(0, skip - tierTotal);
    if (rows.length >= o.limit) {
      hasMore = i < tiers.length - 1;
      break;
    }
  }
  if (short) rows = rescorePage(rows, trimmed);
  if (short && !hasMore && rows.length < o.limit) {
    const fuzzy = await trigramTitleRows(db, { ...params, query: trimmed, limit: o.limit - rows.length, offset: skip });
    rows = [...rows, ...fuzzy];
    total += fuzzy[0]?.total ?? 0;
  }
  const details = new Map((await articleHits(db, rows.map((r) => r.id), o.snippets ?? false)).map((d) => [d.id, d]));
  const terms = plan.scoring.flatMap((c) => c.terms);
  const items: SearchHit[] = [];
  for (const r of rows) {
    const d = details.get(r.id);
    if (d) items.push(toHit(d, r.score, terms, o.snippetLength ?? 120));
  }
  return { items, total, hasMore, terms };
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
