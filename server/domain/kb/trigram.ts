/**
 * Trigram similarity as pg_trgm computes trigrams (words of letters and digits, lower case,
 * padded with two spaces in front and one behind), used to re-score the best text matches in
 * the application rather than for every candidate row in the database.
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const chars = ['  ', ...Array.from(word), ' '].join('');
    const arr = Array.from(chars);
    for (let i = 0; i + 3 <= arr.length; i++) out.add(arr.slice(i, i + 3).join(''));
  }
  return out;
}

/** Share of the query's trigrams found in the text: 1 when the text contains the query's words. */
export function trigramContainment(query: Set<string>, text: string): number {
  if (query.size === 0) return 0;
  const t = trigrams(text);
  let shared = 0;
  for (const g of query) if (t.has(g)) shared++;
  return shared / query.size;
}
