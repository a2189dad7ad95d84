/**
 * Highlighted snippets built from the matched query terms. PostgreSQL's ts_headline works on the
 * parser's words, which for Chinese are whole runs of characters, so snippets are made here:
 * find the terms in the text, pick the window with the most distinct terms, escape it as HTML
 * and wrap hits in <mark>…</mark>. The result is safe to insert as HTML: everything except the
 * <mark> tags is escaped.
 */
export const MARK_OPEN = '<mark>';
export const MARK_CLOSE = '</mark>';

interface Hit {
  start: number;
  end: number;
  term: string;
}

/** Per code point NFKC + lower case, with each output character's source offset. */
function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
    i += ch.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Non-overlapping hits of the terms (longest first at each position), in text order. */
export function findHits(text: string, terms: readonly string[], maxHits = 500): Hit[] {
  const usable = [
    ...new Set(terms.map((t) => t.normalize('NFKC').toLowerCase()).filter((t) => t.length > 0)),
  ];
  if (usable.length === 0 || !text) return [];
  usable.sort((a, b) => b.length - a.length);
  const re = new RegExp(usable.map(escapeRegExp).join('|'), 'gu');
  const { folded, offsets } = foldWithOffsets(text);
  const hits: Hit[] = [];
  for (const m of folded.matchAll(re)) {
    const at = m.index;
    hits.push({ start: offsets[at] ?? 0, end: offsets[at + m[0].length] ?? text.length, term: m[0] });
    if (hits.length >= maxHits) break;
  }
  return hits;
}

function render(text: string, from: number, to: number, hits: readonly Hit[]): string {
  let out = '';
  let pos = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    out +=
      escapeHtml(text.slice(pos, h.start)) + MARK_OPEN + escapeHtml(text.slice(h.start, h.end)) + MARK_CLOSE;
    pos = h.end;
  }
  return out + escapeHtml(text.slice(pos, to));
}

/** The whole text, escaped, with every hit marked (for titles). */
export function highlight(text: string, terms: readonly string[]): string {
  return render(text, 0, text.length, findHits(text, terms));
}

/** A window of about `maxLength` characters around the densest hits, escaped and marked. */
export function buildSnippet(text: string, terms: readonly string[], maxLength = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = findHits(flat, terms);
  if (hits.length === 0) {
    return escapeHtml(flat.slice(0, maxLength)) + (flat.length > maxLength ? '…' : '');
  }
  let best = { start: 0, score: -1 };
  const lead = Math.min(20, Math.floor(maxLength / 5));
  for (let i = 0; i < hits.length; i++) {
    const start = Math.max(0, (hits[i]?.start ?? 0) - lead);
    const end = start + maxLength;
    const distinct = new Set<string>();
    let count = 0;
    for (let k = i; k < hits.length; k++) {
      const h = hits[k];
      if (!h || h.end > end) break;
      distinct.add(h.term);
      count++;
    }
    const score = distinct.size * 10 + count;
    if (score > best.score) best = { start, score };
  }
  let start = best.start;
  let end = Math.min(flat.length, start + maxLength);
  if (end - start < maxLength) start = Math.max(0, end - maxLength);
  // Do not cut a hit in half at either edge.
  for (const h of hits) {
    if (h.start < start && h.end > start) start = h.start;
    if (h.start < end && h.end > end) end = h.end;
  }
  return (start > 0 ? '…' : '') + render(flat, start, end, hits) + (end < flat.length ? '…' : '');
}
