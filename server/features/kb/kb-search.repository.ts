import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db';
import { GRAM_PREFIX, GRAM_TOTAL_TERM, type GramStats } from '../../domain/kb/grams';
import { ARTICLE_COUNT_TERM, LEXEME_COUNT_TERM } from './kb-article.repository';

/**
 * Search SQL. Scores are computed in the database so filters, paging and totals stay exact:
 *
 *   text  = Σ over query concepts  weight(concept) × lexemes(concept) × ts_rank(W, vector, concept)
 *   score = text / (1 − B + B × length / mean length) × (1 + FRESH / (1 + age_days / 365))
 *           + TRGM × trigram containment of the query in the title
 *
 * ts_rank over one concept is about the heaviest field it occurs in (title A = 1.0, keywords
 * B = 0.7, body C = 0.5) plus a small, saturating bonus for repeats; `lexemes(concept)` undoes
 * ts_rank's division by the number of OR-ed synonyms. Weights come from IDF (see
 * server/domain/kb/ranking.ts). Long articles match more words by chance, so the text score is
 * divided by the article's length (distinct lexemes) relative to the mean, half-way (B = 0.5,
 * as BM25 does). The trigram term only applies to short queries.
 */
export const RANK_WEIGHTS = '{0.1,0.5,0.7,1.0}'; // D, C, B, A
export const LENGTH_NORMALIZATION = 0.5;
export const FRESHNESS_WEIGHT = 0.1;
export const TRIGRAM_WEIGHT = 1.0;

export interface ScoringConcept {
  tsquery: string;
  weight: number;
  lexemes: number;
}

/**
 * Rows of kb_term_stat for the given terms, one index probe each. A plain `term = any(…)` is
 * planned from table statistics, and when those lag behind a bulk import (the embedded database
 * has no autovacuum) the planner scans the whole table, a bigram row per pair of characters.
 */
async function statRows(db: Db, terms: string[]): Promise<{ term: string; df: number }[]> {
  const { rows } = await sql<{ term: string; df: number }>`
    select w.term, s.df from unnest(${terms}::text[]) as w(term)
    cross join lateral (select t.df from kb_term_stat t where t.term = w.term offset 0) as s`.execute(db);
  return rows;
}

export interface TermStatistics {
  docs: number;
  avgLength: number;
  df: Map<string, number>;
  /** Collection frequencies of the bigrams asked for (grams.ts), with the bigram total. */
  grams: GramStats;
}

/** Document frequencies of the given terms and, in the same round trip, bigram statistics. */
export async function termStats(
  db: Db,
  terms: string[],
  grams: Iterable<string> = [],
): Promise<TermStatistics> {
  const gramTerms = [...grams].map((g) => GRAM_PREFIX + g);
  const wanted = [
    ...new Set([
      ...terms,
      ...gramTerms,
      ARTICLE_COUNT_TERM,
      LEXEME_COUNT_TERM,
      ...(gramTerms.length ? [GRAM_TOTAL_TERM] : []),
    ]),
  ];
  const rows = await statRows(db, wanted);
  const df = new Map<string, number>();
  const cf = new Map<string, number>();
  let docs = 0;
  let lexemes = 0;
  let total = 0;
  for (const r of rows) {
    if (r.term === ARTICLE_COUNT_TERM) docs = r.df;
    else if (r.term === LEXEME_COUNT_TERM) lexemes = r.df;
    else if (r.term === GRAM_TOTAL_TERM) total = r.df;
    else if (r.term.startsWith(GRAM_PREFIX)) cf.set(r.term.slice(GRAM_PREFIX.length), r.df);
    else df.set(r.term, r.df);
  }
  return {
    docs,
    avgLength: docs > 0 ? lexemes / docs : 0,
    df,
    grams: { cf: (g) => cf.get(g) ?? 0, total, docs },
  };
}

function textScore(vector: RawBuilder<unknown>, scoring: ScoringConcept[]): RawBuilder<number> {
  if (scoring.length === 0) return sql<number>`0`;
  const parts = scoring.map(
    (c) =>
      sql`${c.weight * c.lexemes}::float8 * ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], ${vector}, to_tsquery('simple', ${c.tsquery}))`,
  );
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

export interface ArticleSearchParams {
  scoring: ScoringConcept[];
  /** to_tsquery text of candidate terms; '' for none. */
  candidateQuery: string;
  /** Tier restriction: the title/keywords must match `head`; rows of the previous tier are excluded. */
  tier?: {
    head?: string | undefined;
    match: string;
    previous?: { head?: string | undefined; match: string } | undefined;
  };
  today: string;
  nowEpochSeconds: number;
  /** Mean distinct lexemes per article; 0 turns length normalisation off. */
  avgLength: number;
  categoryPrefix?: string | undefined;
  unitId?: number | undefined;
  limit: number;
  offset: number;
}

export interface RankedRow {
  id: number;
  title: string;
  score: number;
  total: number;
}

export interface ArticleHitRow {
  id: number;
  external_id: string | null;
  external_id_numeric: boolean;
  title: string;
  body: string | null;
  category_code: string | null;
  category_name: string | null;
  owner_unit_id: number | null;
  unit_name: string | null;
  keywords: string[];
  valid_until: string | null;
  usage_count: number;
  updated_at: Date;
}

function liveFilters(p: Omit<ArticleSearchParams, 'limit' | 'offset'>): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = [
    sql`a.status = 'published'`,
    sql`(a.valid_from is null or a.valid_from <= ${p.today}::date)`,
    sql`(a.valid_until is null or a.valid_until >= ${p.today}::date)`,
  ];
  if (p.categoryPrefix) {
    filters.push(sql`a.category_code like ${`${p.categoryPrefix.replace(/[\\%_]/g, '')}%`}`);
  }
  if (p.unitId) {
    filters.push(sql`a.owner_unit_id in (
      select s.id from org_unit s, org_unit r where r.id = ${p.unitId} and s.path like r.path || '%')`);
  }
  return filters;
}

/**
 * The best `limit` text matches after `offset`, with the number of all matches. Candidates
 * come from the GIN index (`candidateQuery`) and every candidate is scored.
 */
const headVector = sql`a.head_vector`;

function tierPredicate(t: { head?: string | undefined; match: string }): RawBuilder<unknown> {
  const match = sql`a.search_vector @@ to_tsquery('simple', ${t.match})`;
  return t.head ? sql`(${headVector} @@ to_tsquery('simple', ${t.head}) and ${match})` : match;
}

/** The tier's rows (a tier implies the candidate query), less the previous tier's. */
function candidateFilters(p: Pick<ArticleSearchParams, 'candidateQuery' | 'tier'>): RawBuilder<unknown>[] {
  if (!p.tier) return [sql`a.search_vector @@ to_tsquery('simple', ${p.candidateQuery})`];
  const out = [tierPredicate(p.tier)];
  if (p.tier.previous) out.push(sql`not ${tierPredicate(p.tier.previous)}`);
  return out;
}

export async function rankArticles(db: Db, p: ArticleSearchParams): Promise<RankedRow[]> {
  if (!p.candidateQuery) return [];
  const filters = [...liveFilters(p), ...candidateFilters(p)];
  // date_part returns float8; extract() returns numeric since PostgreSQL 14 and costs more per row.
  const freshness = sql`(1 + ${FRESHNESS_WEIGHT}::float8 / (1 + greatest(0, ${p.nowEpochSeconds}::float8 - date_part('epoch', a.updated_at)) / 31536000.0))`;
  const lengthNorm =
    p.avgLength > 0
      ? sql`(1 - ${LENGTH_NORMALIZATION}::float8 + ${LENGTH_NORMALIZATION / p.avgLength}::float8 * length(a.search_vector))`
      : sql`1`;
  const { rows } = await sql<RankedRow>`
    select s.id, s.title, s.score, (count(*) over ())::int as total
    from (
      select a.id, a.title, (${textScore(sql`a.search_vector`, p.scoring)} / ${lengthNorm} * ${freshness})::float8 as score
      from kb_article a
      where ${sql.join(filters, sql` and `)}
      offset 0 -- score rows here, so the window keeps (id, title, score) rather than whole rows
    ) s
    order by s.score desc, s.id
    limit ${p.limit} offset ${p.offset}`.execute(db);
  return rows;
}

/** Number of live articles matching the candidate query (and tier). */
export async function countArticles(
  db: Db,
  p: Omit<ArticleSearchParams, 'limit' | 'offset'>,
): Promise<number> {
  if (!p.candidateQuery) return 0;
  const filters = [...liveFilters(p), ...candidateFilters(p)];
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from kb_article a where ${sql.join(filters, sql` and `)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Fuzzy fallback for short queries: titles similar to the query by trigrams (pg_trgm index;
 * typos, words the segmenter split differently), other than the text matches.
 */
export async function trigramTitleRows(
  db: Db,
  p: ArticleSearchParams & { query: string },
): Promise<RankedRow[]> {
  const filters = [...liveFilters(p), sql`${p.query}::text <% a.title`];
  if (p.candidateQuery) filters.push(sql`not (a.search_vector @@ to_tsquery('simple', ${p.candidateQuery}))`);
  const { rows } = await sql<RankedRow>`
    select a.id, a.title, (${TRIGRAM_WEIGHT}::float8 * word_similarity(${p.query}::text, a.title))::float8 as score,
      (count(*) over ())::int as total
    from kb_article a
    where ${sql.join(filters, sql` and `)}
    order by score desc, a.id
    limit ${p.limit} offset ${p.offset}`.execute(db);
  return rows;
}

/** What a result shows, for the rows of one page. */
export async function articleHits(db: Db, ids: number[], withBody: boolean): Promise<ArticleHitRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ArticleHitRow>`
    select a.id, a.external_id, a.external_id_numeric, a.title, ${withBody ? sql`a.body` : sql`null`} as body, a.category_code,
      coalesce(c.name, a.category_label) as category_name, a.owner_unit_id, coalesce(u.name, a.unit_label) as unit_name,
      a.keywords, a.valid_until, a.usage_count, a.updated_at
    from kb_article a
    left join category c on c.code = a.category_code
    left join org_unit u on u.id = a.owner_unit_id
    where a.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

export interface CaseSearchParams {
  scoring: ScoringConcept[];
  candidateQuery: string;
  excludeTicketId?: number | undefined;
  limit: number;
}

/** Closed orders ('closed', 'answered') whose content best matches; with the units' replies. */
export async function similarTicketRows(db: Db, p: CaseSearchParams) {
  if (!p.candidateQuery) return [];
  const exclude = p.excludeTicketId ? sql`and t.id <> ${p.excludeTicketId}` : sql``;
  const { rows } = await sql<{
    id: number;
    ticket_no: string;
    status: string;
    category_code: string | null;
    content: string;
    answer: string | null;
    closed_at: Date | null;
    score: number;
    replies: string[] | null;
  }>`
    with hits as (
      select t.id, ${textScore(sql`t.content_vector`, p.scoring)} as score
      from ticket t
      where t.status in ('closed', 'answered') and t.content_vector @@ to_tsquery('simple', ${p.candidateQuery}) ${exclude}
      order by score desc, t.id desc
      limit ${p.limit}
    )
    select t.id, t.ticket_no, t.status, t.category_code, t.content, t.answer, t.closed_at, h.score::float8 as score,
      (select array_agg(x.reply order by x.replied_at) from ticket_assignment x
        where x.ticket_id = t.id and x.reply is not null) as replies
    from hits h join ticket t on t.id = h.id
    order by h.score desc, h.id desc`.execute(db);
  return rows;
}

export function ticketContent(db: Db, id: number) {
  return db.selectFrom('ticket').select(['id', 'content', 'demand']).where('id', '=', id).executeTakeFirst();
}
