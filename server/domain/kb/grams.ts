/**
 * Character bigrams and a query-likelihood model over them: the second stage of a search for a
 * long query (a citizen's whole message read out or typed in at the intake desk).
 *
 * Words find the candidates (segment.ts, ranking.ts); a message and the answer to it, though,
 * often name the same thing with different word boundaries or in words the dictionary does not
 * know (place and estate names, "A7县"), and a long message holds many words beside its point.
 * Overlapping character pairs match below the word level, and a language model with Dirichlet
 * smoothing (Zhai & Lafferty 2001) weighs each pair by how unusual it is in the whole base while
 * penalising long articles only as much as their length explains chance matches.
 *
 *   score(q, d) = 1/|q| × [ Σ_g c(g, q) × ln(1 + c(g, d) / (μ p(g))) + |q| × ln(μ / (|d| + μ)) ]
 *
 * c(g, ·) counts bigram g; p(g) is its share of all bigrams of the base (kb_term_stat); |d| is
 * the article's bigram count and μ = MU_PER_MEAN_LENGTH × the mean |d|. Division by |q| makes
 * scores of different queries comparable.
 *
 * An article counts its title twice, its keywords once and the opening of its body twice (answers restate the
 * question first); a query counts its first QUERY_HEAD characters twice (a message opens with
 * its subject). Measured on real message/reply pairs, see docs/PERFORMANCE.md.
 */
import { normalizeText } from './segment';

/** Prefix of bigram rows in kb_term_stat (tokens are letters and digits only, so no clash). */
export const GRAM_PREFIX = '~';
/** kb_term_stat row holding the number of bigrams of all articles. */
export const GRAM_TOTAL_TERM = '#grams';

/** Whether a kb_term_stat key counts bigrams (a collection frequency, not a word's document frequency). */
export const isGramTerm = (term: string): boolean => term.startsWith(GRAM_PREFIX) || term === GRAM_TOTAL_TERM;

export const ARTICLE_HEAD = 120;
export const QUERY_HEAD = 20;
/** Longest body text read (characters); longer articles are judged by their beginning. */
export const BODY_LIMIT = 6000;
export const MU_PER_MEAN_LENGTH = 2.5;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PLANE = 0x110000;
const classified = new Map<number, boolean>();

/** Whether a code point is a letter or digit (CJK and ASCII decided at once, the rest cached). */
function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  let known = classified.get(c);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(c));
    if (classified.size < 65_536) classified.set(c, known);
  }
  return known;
}

/** Calls `each` with the key of every overlapping character pair of each letter/digit run. */
function eachPair(text: string, times: number, each: (key: number, times: number) => void): void {
  const t = normalizeText(text);
  let prev = -1;
  for (let i = 0; i < t.length;) {
    const c = t.codePointAt(i) ?? 0;
    i += c > 0xffff ? 2 : 1;
    if (!isLetterOrDigit(c)) {
      prev = -1;
      continue;
    }
    if (prev >= 0) each(prev * PLANE + c, times);
    prev = c;
  }
}

const keyToGram = (key: number): string => String.fromCodePoint(Math.floor(key / PLANE), key % PLANE);
const gramToKey = (gram: string): number => {
  const a = gram.codePointAt(0) ?? 0;
  return a * PLANE + (gram.codePointAt(a > 0xffff ? 2 : 1) ?? 0);
};

/** Overlapping character pairs of each run of letters and digits (lone characters give none). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  eachPair(text, 1, (k) => out.push(keyToGram(k)));
  return out;
}

/** The pairs of an article with their weights: title twice, keywords and body once, the body's opening once more. */
function eachArticlePair(
  title: string,
  keywords: readonly string[],
  bodyText: string,
  each: (key: number, times: number) => void,
): void {
  const body = bodyText.slice(0, BODY_LIMIT);
  eachPair(title, 2, each);
  for (const k of keywords) eachPair(k, 1, each);
  eachPair(body, 1, each);
  eachPair(body.slice(0, ARTICLE_HEAD), 1, each);
}

export interface GramBag {
  counts: Map<string, number>;
  length: number;
}

function bagOf(visit: (each: (key: number, times: number) => void) => void): GramBag {
  const byKey = new Map<number, number>();
  let length = 0;
  visit((k, times) => {
    byKey.set(k, (byKey.get(k) ?? 0) + times);
    length += times;
  });
  const counts = new Map<string, number>();
  for (const [k, c] of byKey) counts.set(keyToGram(k), c);
  return { counts, length };
}

/** The bigram bag of an article: title twice, keywords and body once, the body's opening once more. */
export function articleGrams(title: string, keywords: readonly string[], bodyText: string): GramBag {
  return bagOf((each) => eachArticlePair(title, keywords, bodyText, each));
}

/** The bigram bag of a query: all of it once, its opening once more. */
export function queryGrams(q: string): GramBag {
  const text = q.trim();
  return bagOf((each) => {
    eachPair(text, 1, each);
    eachPair(text.slice(0, QUERY_HEAD), 1, each);
  });
}

export interface GramStats {
  /** Occurrences of a bigram in the whole base (0 when unseen). */
  cf(gram: string): number;
  /** Bigrams in the whole base. */
  total: number;
  /** Articles in the base. */
  docs: number;
}

export interface GramModel {
  score(article: GramBag): number;
  /** The same score read straight from an article's text (the bag of articleGrams is not built). */
  scoreArticle(title: string, keywords: readonly string[], bodyText: string): number;
}

/** Scores articles for one query; bigrams the base has never seen are left out. */
export function gramModel(query: GramBag, stats: GramStats): GramModel | null {
  if (stats.total <= 0 || stats.docs <= 0) return null;
  const mu = MU_PER_MEAN_LENGTH * (stats.total / stats.docs);
  const terms: { gram: string; c: number; mup: number }[] = [];
  let qn = 0;
  for (const [gram, c] of query.counts) {
    const cf = stats.cf(gram);
    if (cf <= 0) continue;
    terms.push({ gram, c, mup: (mu * cf) / stats.total });
    qn += c;
  }
  if (qn === 0) return null;
  const slot = new Map(terms.map((t, i) => [gramToKey(t.gram), i]));
  const combine = (freq: (t: (typeof terms)[number], i: number) => number, length: number): number => {
    let s = 0;
    terms.forEach((t, i) => {
      const f = freq(t, i);
      if (f) s += t.c * Math.log(1 + f / t.mup);
    });
    return s / qn + Math.log(mu / (length + mu));
  };
  return {
    score: (article) => combine((t) => article.counts.get(t.gram) ?? 0, article.length),
    scoreArticle(title, keywords, bodyText) {
      const freq = new Float64Array(terms.length);
      let length = 0;
      eachArticlePair(title, keywords, bodyText, (k, times) => {
        length += times;
        const i = slot.get(k);
        if (i !== undefined) freq[i] = (freq[i] ?? 0) + times;
      });
      return combine((_, i) => freq[i] ?? 0, length);
    },
  };
}

/** Adds the bigram-count changes from `before` to `after` into `acc` (prefixed keys, with the total). */
export function accumulateGramDelta(
  acc: Map<string, number>,
  before: GramBag | null,
  after: GramBag | null,
): void {
  const add = (bag: GramBag, sign: number) => {
    for (const [g, c] of bag.counts) {
      const key = GRAM_PREFIX + g;
      acc.set(key, (acc.get(key) ?? 0) + sign * c);
    }
    acc.set(GRAM_TOTAL_TERM, (acc.get(GRAM_TOTAL_TERM) ?? 0) + sign * bag.length);
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
}

/**
 * Administrative-area codes as anonymised archives write them (A市, A7县, B2区: the letter names
 * the prefecture-level city, the number a county or district of it), by city letter.
 */
const AREA_CODE = /([A-Z])\d{0,2}[省市县区]/g;

export function areaCities(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(AREA_CODE)) if (m[1]) out.add(m[1]);
  return out;
}

/** Penalty (in score units) for an article that names only other cities than the question does. */
export const AREA_CONFLICT_PENALTY = 0.2;

export function areaConflict(question: Set<string>, article: Set<string>): boolean {
  if (question.size === 0 || article.size === 0) return false;
  for (const c of question) if (article.has(c)) return false;
  return true;
}
