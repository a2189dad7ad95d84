import { orQuery, type QueryConcept } from './query';

/**
 * Which query concepts take part in a search, and how much each weighs.
 *
 * Weight is the square of BM25's inverse document frequency of the concept (document
 * frequencies come from the kb_term_stat table), times a boost for words the query repeats
 * (1 + ln count): rare, repeated words name the topic. Both were tuned on real citizen messages
 * (bench/kb-eval.ts; docs/PERFORMANCE.md). Concepts that match
 * no document are dropped. Long queries (a citizen's whole message) keep their `maxConcepts`
 * rarest concepts. Candidate rows are those matching at least one of the rarest concepts whose
 * summed document frequency stays within `candidateBudget` (the rarest one always counts), so a
 * common word never makes the database rank half the table.
 */
export interface TermStats {
  /** Number of indexed articles. */
  docs: number;
  /** Mean number of distinct lexemes per article (0 when unknown). */
  avgLength?: number;
  df(term: string): number;
}

export interface WeightedConcept {
  word: string;
  terms: string[];
  /** `to_tsquery('simple', …)` text of the concept (its terms OR-ed). */
  tsquery: string;
  df: number;
  weight: number;
}

export interface QueryPlan {
  /** Concepts whose matches add to the score, heaviest first. */
  scoring: WeightedConcept[];
  /** `to_tsquery` text selecting candidate rows ('' when nothing can match). */
  candidateQuery: string;
  /** Upper bound of candidate rows (sum of document frequencies). */
  candidateEstimate: number;
}

export interface PlanOptions {
  maxConcepts: number;
  candidateBudget: number;
  /** Keep terms the statistics have never seen (weighting another corpus, e.g. orders). */
  keepUnseen?: boolean;
}

export const defaultPlanOptions: PlanOptions = { maxConcepts: 48, candidateBudget: 2000 };

export const IDF_POWER = 2;
export const QUERY_REPEAT_BOOST = 1;

export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

export function planQuery(
  concepts: readonly QueryConcept[],
  stats: TermStats,
  opts: PlanOptions = defaultPlanOptions,
): QueryPlan {
  const docs = Math.max(stats.docs, 1);
  const weighted: WeightedConcept[] = [];
  for (const c of concepts) {
    const present = opts.keepUnseen ? c.terms : c.terms.filter((t) => stats.df(t) > 0);
    if (present.length === 0) continue;
    const df = Math.min(
      docs,
      present.reduce((sum, t) => sum + stats.df(t), 0),
    );
    const weight = idf(docs, df) ** IDF_POWER * (1 + QUERY_REPEAT_BOOST * Math.log(c.count));
    weighted.push({ word: c.word, terms: present, tsquery: orQuery(present), df, weight });
  }
  weighted.sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word));
  const scoring = weighted.slice(0, opts.maxConcepts);
  const candidates: WeightedConcept[] = [];
  let estimate = 0;
  for (const c of scoring) {
    if (candidates.length > 0 && estimate + c.df > opts.candidateBudget) continue;
    candidates.push(c);
    estimate += c.df;
  }
  return {
    scoring,
    candidateQuery: orQuery(candidates.flatMap((c) => c.terms)),
    candidateEstimate: estimate,
  };
}

/**
 * Candidate tiers for short queries. Scoring every row that contains one common word costs too
 * much on a large base, so results come in tiers, each ranked by score:
 *   1. the rarest concept in the title or keywords, and the two rarest concepts somewhere;
 *   2. the two rarest concepts somewhere;
 *   3. any candidate concept (the budgeted OR).
 * A later tier is only read when the earlier ones hold fewer results than the page needs.
 * Long queries (a whole message) skip to the last tier: their rarest words are often incidental.
 */
export interface SearchTier {
  /** to_tsquery text the title/keywords must match. */
  head?: string;
  /** to_tsquery text the whole article must match. */
  match: string;
}

export function searchTiers(plan: QueryPlan, tiered: boolean): SearchTier[] {
  if (!plan.candidateQuery) return [];
  const broad: SearchTier = { match: plan.candidateQuery };
  const [first, second] = plan.scoring;
  if (!tiered || !first) return [broad];
  const keys = second ? `(${first.tsquery}) & (${second.tsquery})` : first.tsquery;
  const tiers: SearchTier[] = [{ head: first.tsquery, match: keys }, { match: keys }];
  return keys === broad.match ? tiers : [...tiers, broad];
}
