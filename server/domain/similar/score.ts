import { charShingles, compactText } from './shingles';

/**
 * How alike two orders are (same matter, same place, same caller), from their texts and what
 * the intake recorded. Pure: the caller supplies both sides' words (jieba tokens, as stored in
 * `ticket.content_tokens`) and shingles.
 *
 * Text: the mean of (a) the containment of character 3-gram shingles — shared shingles over
 * the smaller set, so a retelling that drops sentences or adds an opening still scores high,
 * and sentence order matters only at the seams — and (b) the cosine of the word-count vectors.
 * The thresholds were chosen by cross-validation on real citizen messages (bench/similar-eval.ts,
 * docs/PERFORMANCE.md), not by hand.
 */

/**
 * Text score from which two orders are taken for the same matter (重复件). 5-fold
 * cross-validation on 900 real messages chose 0.47-0.56 per fold (median 0.49; no message of
 * the same label flagged at any of them): docs/PERFORMANCE.md.
 */
export const DUPLICATE_THRESHOLD = 0.5;
/** Lowest score worth listing as similar at all. */
export const LIST_THRESHOLD = 0.3;
/** Below this many shingles on the smaller side, containment is replaced by Jaccard (too short to trust). */
const MIN_CONTAINMENT_SHINGLES = 12;
const PLACE_BONUS = 0.1;
const OTHER_PLACE_PENALTY = 0.15;
const CALLER_BONUS = 0.05;

export interface TextSide {
  shingles: ReadonlySet<string>;
  /** Word counts (jieba tokens). */
  words: ReadonlyMap<string, number>;
}

export function textSide(text: string, tokens: readonly string[]): TextSide {
  const words = new Map<string, number>();
  for (const t of tokens) words.set(t, (words.get(t) ?? 0) + 1);
  return { shingles: charShingles(text), words };
}

/** Words of a stored `content_tokens` column (space-separated). */
export function storedTokens(tokens: string | null): string[] {
  return tokens ? tokens.split(' ').filter((t) => t.length > 0) : [];
}

export function shingleContainment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  if (small.size < MIN_CONTAINMENT_SHINGLES) return shared / (a.size + b.size - shared);
  return shared / small.size;
}

export function wordCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function textScore(a: TextSide, b: TextSide): number {
  return (shingleContainment(a.shingles, b.shingles) + wordCosine(a.words, b.words)) / 2;
}

function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const out = new Set<string>();
  for (let i = 0; i + 2 <= chars.length; i++) out.add(chars.slice(i, i + 2).join(''));
  return out;
}

/**
 * Whether two orders are about the same place: true when both name one and the names agree
 * (one contains the other, or their character bigrams mostly agree), or when one names a place
 * the other's text mentions; false when both name places that differ; null when unknown.
 */
export function samePlace(
  a: { location: string | null; text: string },
  b: { location: string | null; text: string },
): boolean | null {
  const la = a.location ? compactText(a.location) : '';
  const lb = b.location ? compactText(b.location) : '';
  if (la && lb) {
    if (la.includes(lb) || lb.includes(la)) return true;
    const ga = bigrams(la);
    const gb = bigrams(lb);
    let shared = 0;
    for (const g of ga) if (gb.has(g)) shared++;
    const dice = ga.size + gb.size === 0 ? 0 : (2 * shared) / (ga.size + gb.size);
    return dice >= 0.6;
  }
  if (la.length >= 4 && compactText(b.text).includes(la)) return true;
  if (lb.length >= 4 && compactText(a.text).includes(lb)) return true;
  return null;
}

export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const da = a?.replace(/\D/g, '') ?? '';
  const db = b?.replace(/\D/g, '') ?? '';
  return da.length >= 5 && da === db;
}

export interface PairFacts {
  text: number;
  samePlace: boolean | null;
  sameCaller: boolean;
  /** The candidate is closed (办结 or answered on the spot). */
  closed: boolean;
}

export interface PairVerdict {
  score: number;
  likelyDuplicate: boolean;
  reason: string;
}

/** The score, the verdict and its reason in Chinese. */
export function judgePair(f: PairFacts, threshold = DUPLICATE_THRESHOLD): PairVerdict {
  const adjust =
    (f.samePlace === true ? PLACE_BONUS : f.samePlace === false ? -OTHER_PLACE_PENALTY : 0) +
    (f.sameCaller ? CALLER_BONUS : 0);
  const score = Math.round(Math.min(1, Math.max(0, f.text + adjust)) * 1000) / 1000;
  const likelyDuplicate = f.text >= threshold && f.samePlace !== false;
  const parts: string[] = [];
  if (f.closed && likelyDuplicate) parts.push('已办结的相同诉求（zibo-12345 §11(1)）');
  parts.push(
    f.text >= 0.8
      ? '内容高度一致'
      : `内容${f.text >= threshold ? '相近' : '部分相似'}（${Math.round(f.text * 100)}%）`,
  );
  if (f.samePlace === true) parts.push('同一地点');
  if (f.samePlace === false) parts.push('地点不同');
  if (f.sameCaller) parts.push('同一来电号码');
  return { score, likelyDuplicate, reason: parts.join('；') };
}

/** A caller who raised the same matter this many times (the order itself included), one of them closed, is flagged. */
export const REPEATED_CLOSED_MIN = 3;

/**
 * The caller keeps repeating a matter already closed: with the order in hand, at least
 * REPEATED_CLOSED_MIN orders of the same caller about the same matter, one of them closed.
 */
export function repeatedClosedMatter(sameCallerDuplicates: readonly { closed: boolean }[]): boolean {
  return sameCallerDuplicates.length + 1 >= REPEATED_CLOSED_MIN && sameCallerDuplicates.some((d) => d.closed);
}

/**
 * Two orders of one caller are about the same matter (repeat-call supervision): the same
 * category, or texts alike enough to be a repeat.
 */
export function sameMatter(
  a: { category: string | null; side: TextSide },
  b: { category: string | null; side: TextSide },
): boolean {
  if (a.category !== null && a.category === b.category) return true;
  return textScore(a.side, b.side) >= DUPLICATE_THRESHOLD;
}
