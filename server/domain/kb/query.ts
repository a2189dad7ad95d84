import { isUserWord, segmentQuery } from './segment';
import { builtInSynonyms, type SynonymIndex } from './synonyms';

/**
 * A query is a set of concepts: one per distinct query token, holding the token and its
 * synonyms. A concept matches a document when any of its terms does.
 */
export interface QueryConcept {
  /** The token as the user wrote it (after normalisation). */
  word: string;
  /** The token first, then its synonyms; all distinct. */
  terms: string[];
  /** How often the token occurs in the query. */
  count: number;
}

const SINGLE_CJK = /^[\u3400-\u9fff]$/u;

export function analyzeQuery(text: string, synonyms: SynonymIndex = builtInSynonyms): QueryConcept[] {
  const seg = segmentQuery(text.slice(0, 4000));
  const multi = seg.filter((s) => !SINGLE_CJK.test(s.term));
  // A lone Chinese character rarely names a topic (丢, 办, 住); keep them only when the query
  // has nothing else.
  let kept = multi.length > 0 ? multi : seg;
  // Search mode adds the dictionary words inside a long word (公积金 → 公积, 积金). In a query
  // such fragments add nothing the whole word does not say. A fragment stays when it is a term
  // of its own (社保 inside 社保卡) or one of the parts a compound splits into (公积金提取 →
  // 公积金 + 提取).
  const words = new Set(kept.map((s) => s.term));
  const isPart = (t: string, w: string) =>
    (w.startsWith(t) && words.has(w.slice(t.length))) ||
    (w.endsWith(t) && words.has(w.slice(0, w.length - t.length)));
  kept = kept.filter(
    (s) =>
      isUserWord(s.term) ||
      [...words].every((w) => w.length <= s.term.length || !w.includes(s.term) || isPart(s.term, w)),
  );
  return kept.map(({ term, count }) => ({ word: term, terms: [...synonyms.expand(term)], count }));
}

/** A quoted tsquery lexeme. Tokens are letters and digits only; quotes are escaped anyway. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'a' | 'b' | …` for `to_tsquery('simple', …)`; '' for no terms. */
export function orQuery(terms: readonly string[]): string {
  return [...new Set(terms)]
    .filter((t) => t.length > 0)
    .map(quoteLexeme)
    .join(' | ');
}
