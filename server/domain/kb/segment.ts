import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { governmentTerms } from './dictionary';
import { stopwords } from './stopwords';
import { synonymWords } from './synonyms';

/**
 * Chinese segmentation for search. jieba in search mode (HMM on) emits a long word and its
 * dictionary sub-words (社保卡 → 社保, 社保卡), so a query for either finds the other.
 *
 * Tokens are normalised (NFKC: full-width → half-width; lower case) and reduced to runs of
 * letters and digits, so each token is exactly one lexeme for PostgreSQL's 'simple' text
 * search configuration and needs no escaping beyond quoting. Stopwords are dropped.
 */
const USER_WORD_FREQ = 50_000;

let instance: Jieba | null = null;
const userWords = new Set([...governmentTerms, ...synonymWords()]);

const dictLines = (words: Iterable<string>) =>
  Buffer.from([...words].map((w) => `${w} ${USER_WORD_FREQ} n`).join('\n'));

/**
 * Adds words to the user dictionary (synonyms maintained by the installation): a query with one
 * of them keeps it whole from now on. Articles indexed earlier keep their tokens until re-indexed.
 */
export function addUserWords(words: Iterable<string>): void {
  const fresh = [...words].filter((w) => w.length > 1 && !userWords.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) userWords.add(w);
  instance?.loadDict(dictLines(fresh));
}

/** Whether a word is in the government-term user dictionary (or is a synonym). */
export function isUserWord(word: string): boolean {
  return userWords.has(word);
}

function jieba(): Jieba {
  if (!instance) {
    const j = Jieba.withDict(dict);
    j.loadDict(dictLines(userWords));
    instance = j;
  }
  return instance;
}

/**
 * Search mode only adds two- and three-character sub-words; add the longer user-dictionary
 * words inside a long token as well (灵活就业人员 → 灵活就业).
 */
function longSubWords(token: string): string[] {
  const out: string[] = [];
  for (let len = token.length - 1; len >= 4; len--) {
    for (let i = 0; i + len <= token.length; i++) {
      const sub = token.slice(i, i + len);
      if (userWords.has(sub)) out.push(sub);
    }
  }
  return out;
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every token of `text`, in order, repeats kept (positions matter for ranking). */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of jieba().cutForSearch(normalizeText(text), true)) {
    for (const piece of raw.split(NON_WORD)) {
      if (!piece || stopwords.has(piece)) continue;
      if (piece.length > 4) out.push(...longSubWords(piece));
      out.push(piece);
    }
  }
  return out;
}

/**
 * The tokens of `text` as stored in a `*_tokens` column (space-separated), ready for
 * `to_tsvector('simple', …)`. Used for articles and for closed orders (ticket.content_tokens).
 */
export function segmentForIndex(text: string): string {
  return tokenize(text).join(' ');
}

/** The distinct tokens of a query with how often each occurs, in first-seen order. */
export function segmentQuery(text: string): { term: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([term, count]) => ({ term, count }));
}

/** Distinct tokens of a text (for document-frequency statistics). */
export function distinctTokens(tokens: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens.split(' ')) if (t) out.add(t);
  return out;
}

let tfidf: TfIdf | null = null;

/**
 * jieba's TF-IDF keywords of a text (its own IDF table of general Chinese), best first: the
 * words a text is most about (停水 before 突然, 至今).
 */
export function keywords(text: string, topK: number): string[] {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf.extractKeywords(jieba(), normalizeText(text), topK).map((k) => k.keyword);
}
