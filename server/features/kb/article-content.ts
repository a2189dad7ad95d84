import { markdownToText } from '../../domain/kb/markdown';
import { articleGrams, type GramBag } from '../../domain/kb/grams';
import { distinctTokens, segmentForIndex } from '../../domain/kb/segment';
import type { KbChange, KbSnapshot } from '../../db/tables/kb';

/** The editable content of an article (what a version snapshot holds). */
export type ArticleContent = KbSnapshot;

export interface ArticleTokens {
  title_tokens: string;
  keyword_tokens: string;
  body_tokens: string;
}

export function tokensOf(c: Pick<ArticleContent, 'title' | 'body' | 'keywords'>): ArticleTokens {
  return {
    title_tokens: segmentForIndex(c.title),
    keyword_tokens: segmentForIndex(c.keywords.join(' ')),
    body_tokens: segmentForIndex(markdownToText(c.body)),
  };
}

/** Character bigrams of an article (for the collection frequencies of long-query ranking). */
export function gramsOf(c: Pick<ArticleContent, 'title' | 'body' | 'keywords'>): GramBag {
  return articleGrams(c.title, c.keywords, markdownToText(c.body));
}

/** Distinct tokens of an article (for document frequencies). */
export function termsOf(t: ArticleTokens): Set<string> {
  return distinctTokens(`${t.title_tokens} ${t.keyword_tokens} ${t.body_tokens}`);
}

/** Adds +1 for each new term and −1 for each old one into `acc` (document-frequency deltas). */
export function accumulateTermDelta(
  acc: Map<string, number>,
  oldTerms: Set<string> | null,
  newTerms: Set<string> | null,
): void {
  for (const t of newTerms ?? []) if (!oldTerms?.has(t)) acc.set(t, (acc.get(t) ?? 0) + 1);
  for (const t of oldTerms ?? []) if (!newTerms?.has(t)) acc.set(t, (acc.get(t) ?? 0) - 1);
}

const compared: (keyof ArticleContent)[] = [
  'title',
  'body',
  'categoryCode',
  'categoryLabel',
  'ownerUnitId',
  'unitLabel',
  'keywords',
  'validFrom',
  'validUntil',
  'reviewBy',
  'externalId',
];

/** What changed between two versions. The body is reported without its text (see the snapshots). */
export function diffContent(before: ArticleContent | null, after: ArticleContent): KbChange[] {
  const out: KbChange[] = [];
  for (const field of compared) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (field === 'body') out.push({ field });
    else out.push({ field, from, to });
  }
  return out;
}

export interface ArticleRowContent {
  title: string;
  body: string;
  category_code: string | null;
  category_label: string | null;
  owner_unit_id: number | null;
  unit_label: string | null;
  keywords: string[];
  valid_from: string | null;
  valid_until: string | null;
  review_by: string | null;
  external_id: string | null;
}

export function contentOfRow(r: ArticleRowContent): ArticleContent {
  return {
    title: r.title,
    body: r.body,
    categoryCode: r.category_code,
    categoryLabel: r.category_label,
    ownerUnitId: r.owner_unit_id,
    unitLabel: r.unit_label,
    keywords: r.keywords,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    reviewBy: r.review_by,
    externalId: r.external_id,
  };
}

export function rowOfContent(c: ArticleContent): ArticleRowContent {
  return {
    title: c.title,
    body: c.body,
    category_code: c.categoryCode,
    category_label: c.categoryLabel,
    owner_unit_id: c.ownerUnitId,
    unit_label: c.unitLabel,
    keywords: c.keywords,
    valid_from: c.validFrom,
    valid_until: c.validUntil,
    review_by: c.reviewBy,
    external_id: c.externalId,
  };
}
