import { segmentQuery } from './segment';
import { expandSynonyms } from './synonyms';

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

export function analyzeQuery(text: string): QueryConcept[] {
  const seg = segmentQuery(text.slice(0, 4000));
  const multi = seg.filter((s) => !SINGLE_CJK.test(s.term));
  // A lone Chinese character rarely names a topic (丢, 办, 住); keep them only when the query
  // has nothing else.
  const kept = multi.length > 0 ? multi : seg;
  return kept.map(({ term, count }) => ({ word: term, terms: [...expandSynonyms(term)], count }));
}

/** A quoted tsquery lexeme. Tokens are letters and digits only; quotes are escaped anyway. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'a' | 'b' | …` for `to_tsquery('simple', …)`; '' for no terms. */
export function orQuery(terms: readonly string[]): string {
  return [...new Set(terms)].filter((t) => t.length > 0).map(quoteLexeme).join(' | ');
}
