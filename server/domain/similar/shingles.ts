import { normalizeText } from '../kb/segment';

/**
 * Text fingerprints for finding orders about the same matter (重复件): character n-gram
 * shingles of the text with punctuation and spaces removed, and MinHash band keys (locality-
 * sensitive hashing) over them. Two texts that share many shingles — the same message retold
 * with its sentences reordered, some dropped, another opening — share a band key with high
 * probability; unrelated texts almost never do. The keys are stored per order in an indexed
 * integer array, so finding candidates is an index lookup, not a scan. Pure.
 */

/** Shingle length in characters (Chinese: three characters hold most two-character words). */
export const SHINGLE_CHARS = 3;
/** Bands × rows MinHash functions; a band key is the hash of the rows' minima. */
export const LSH_BANDS = 32;
export const LSH_ROWS = 3;

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** The text as compared: NFKC, lower case, only letters and digits. */
export function compactText(text: string): string {
  return normalizeText(text).replace(NON_WORD, '');
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser) seeded per hash function. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Distinct character n-grams of the compacted text (the whole text when it is shorter). */
export function charShingles(text: string, n = SHINGLE_CHARS): Set<string> {
  const chars = Array.from(compactText(text));
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < n) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

const SEEDS = Array.from({ length: LSH_BANDS * LSH_ROWS }, (_, i) => hash32(`minhash-${i}`));

/**
 * The LSH band keys of a text: LSH_BANDS signed 32-bit integers (PostgreSQL `integer[]`), each
 * the hash of its band number and LSH_ROWS MinHash minima. Empty for a text without letters.
 * Two texts with shingle Jaccard J share at least one key with probability
 * 1 − (1 − J^LSH_ROWS)^LSH_BANDS (J = 0.5: 0.98; J = 0.1: 0.03).
 */
export function lshKeys(text: string): number[] {
  const shingles = [...charShingles(text)].map((s) => hash32(s));
  if (shingles.length === 0) return [];
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let key = hash32(`band-${b}`);
    for (let r = 0; r < LSH_ROWS; r++) {
      const seed = SEEDS[b * LSH_ROWS + r] ?? 0;
      let min = 0xffffffff;
      for (const s of shingles) {
        const v = mix(s, seed);
        if (v < min) min = v;
      }
      key = mix(Math.imul(key, 31) ^ min, 0x9e3779b9);
    }
    keys.push(key | 0);
  }
  return [...new Set(keys)];
}
