import { genericWords } from './generic-words';

/**
 * Hot topics (热点): words that rise against their own past. Pure: the caller counts, for each
 * word, the orders that mention it in the window and in a reference period, and the orders of
 * both; this file decides which words rose, by how much, and how sure we are.
 *
 * - Expected count (`baseline`): the word's share of the reference orders times the window's
 *   orders, so a busier or quieter window does not make every word rise or fall.
 * - `growth` = (count + 1) / (baseline + 1): smoothed, so 2 against 0 is 3, not infinite.
 * - Significance: the upper tail of a Poisson law at the smoothed expectation
 *   λ = (ref + 1) / (refOrders + 1) × windowOrders. A word must reach `minCount` orders, grow at
 *   least `minGrowth` times and be unlikely by chance (p ≤ `maxP`) to be reported, so noise
 *   (a word twice in a window and never before) never ranks.
 * - Ranking: the Poisson log-likelihood ratio G = 2 (c ln(c/λ) − (c − λ)), which weighs both the
 *   size and the rise of a burst (Dunning 1993): forty orders on 停水 beat six on a rare word.
 */

export interface TermCounts {
  term: string;
  /** Orders mentioning the term in the window. */
  count: number;
  /** Orders mentioning the term in its reference days. */
  ref: number;
  /** Orders of every kind on the term's reference days. */
  refOrders: number;
}

export interface BurstOptions {
  /** Orders of every kind in the window. */
  windowOrders: number;
  minCount: number;
  minGrowth: number;
  /** Largest Poisson tail probability reported. */
  maxP: number;
  /** Words in a larger share of the reference orders are generic (反映, 小区…), never topics. */
  maxShare: number;
}

export const defaultBurstOptions: Omit<BurstOptions, 'windowOrders'> = {
  minCount: 5,
  minGrowth: 2,
  maxP: 1e-4,
  maxShare: 0.08,
};

export interface Burst {
  term: string;
  count: number;
  baseline: number;
  growth: number;
  /** log10 of the Poisson tail probability (negative: smaller is surer). */
  log10P: number;
  score: number;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ample for counts). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0] ?? 1;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * log10 P(X ≥ k) for X ~ Poisson(λ): the sum of the terms from k upward, computed in log space
 * (the terms fall geometrically once past λ, so a few hundred suffice).
 */
export function poissonUpperTailLog10(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return -Infinity;
  const logTerm = (i: number) => i * Math.log(lambda) - lambda - lnGamma(i + 1);
  const first = logTerm(k);
  let sum = 1;
  let ratioLog = 0;
  for (let i = k + 1; i < k + 2000; i++) {
    ratioLog += Math.log(lambda / i);
    const r = Math.exp(ratioLog);
    sum += r;
    if (r < 1e-12 * sum) break;
  }
  const ln = Math.min(0, first + Math.log(sum));
  return ln / Math.LN10;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The words that rose, best first (see the file comment for the rules). */
export function detectBursts(terms: readonly TermCounts[], opts: BurstOptions): Burst[] {
  const out: Burst[] = [];
  for (const t of terms) {
    if (t.count < opts.minCount) continue;
    // Generic by its usual share (a burst itself must not make a word generic).
    if (t.refOrders > 0 && t.ref / t.refOrders > opts.maxShare) continue;
    const baseline = t.refOrders > 0 ? (t.ref / t.refOrders) * opts.windowOrders : 0;
    const growth = (t.count + 1) / (baseline + 1);
    if (growth < opts.minGrowth) continue;
    const lambda = ((t.ref + 1) / (t.refOrders + 1)) * opts.windowOrders;
    if (t.count <= lambda) continue;
    const log10P = poissonUpperTailLog10(t.count, lambda);
    if (log10P > Math.log10(opts.maxP)) continue;
    const score = 2 * (t.count * Math.log(t.count / lambda) - (t.count - lambda));
    out.push({
      term: t.term,
      count: t.count,
      baseline: round1(baseline),
      growth: round1(growth),
      log10P,
      score,
    });
  }
  out.sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term));
  return collapseSubTerms(out);
}

/**
 * jieba's search mode gives a long word and its parts (停水通知, 停水): keep the better-ranked of
 * two words when one contains the other and they count nearly the same orders.
 */
function collapseSubTerms(ranked: Burst[]): Burst[] {
  const kept: Burst[] = [];
  for (const b of ranked) {
    const dup = kept.some(
      (k) =>
        (k.term.includes(b.term) || b.term.includes(k.term)) &&
        Math.abs(k.count - b.count) <= 0.25 * Math.max(k.count, b.count),
    );
    if (!dup) kept.push(b);
  }
  return kept;
}

/** Whether a token can be a topic at all: two characters or more, not a bare number. */
export function isTopicWord(term: string): boolean {
  if ([...term].length < 2) return false;
  if (/^[\p{N}.]+$/u.test(term)) return false;
  return !genericWords.has(term);
}
