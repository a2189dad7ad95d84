import type { Db } from '../../platform/db';
import { contentOfRow, diffContent, rowOfContent, tokensOf, type ArticleContent } from './article-content';
import { accumulateArticleDelta } from './article-writer';
import {
  applyTermDeltas,
  categoryRefs,
  findArticlesByExternalIds,
  insertArticles,
  insertVersions,
  refreshSearchIndex,
  unitRefs,
  updateArticle,
  type NewArticleRow,
  type NewVersionRow,
} from './kb-article.repository';

/**
 * Bulk import of published articles from JSON lines `{"id", "title", "content", "category"?, "unit"?}`.
 *
 * - `id` becomes the external id (strings and numbers alike; numbers print back as numbers).
 *   Re-importing an id updates that article (new version) or leaves it alone when nothing
 *   changed; a line without `id` always creates a new article.
 * - `content` is stored as the Markdown body; `title` falls back to the first line of content.
 * - `category` and `unit` may be a code or a name. Unknown values are kept as text
 *   (category_label / unit_label, shown in place of the name) and do not fail the line.
 * - Everything is published at once (action `import` in the history). Lines are processed in
 *   batches, each batch in one transaction.
 */
export interface ImportResult {
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; message: string }[];
}

interface Parsed {
  line: number;
  externalId: string | null;
  numeric: boolean;
  title: string;
  body: string;
  category: string | undefined;
  unit: string | undefined;
}

export interface ImportOptions {
  now: Date;
  batchSize?: number;
  onProgress?: (r: ImportResult) => void;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function parseImportLine(raw: string, line: number): Parsed | { error: string } | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(trimmed);
  } catch {
    return { error: '不是合法的 JSON' };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { error: '每行应为一个 JSON 对象' };
  const o = obj as Record<string, unknown>;
  const body = text(o.content) ?? text(o.body) ?? '';
  const title = (text(o.title) ?? '').trim() || body.trim().split('\n')[0]?.slice(0, 60).trim() || '';
  if (!title) return { error: '缺少 title 和 content' };
  const id = o.id === null || o.id === undefined ? null : text(o.id);
  if (id === undefined) return { error: 'id 应为字符串或数字' };
  return {
    line,
    externalId: id === null || id.trim() === '' ? null : id.trim(),
    numeric: typeof o.id === 'number',
    title: title.slice(0, 500),
    body,
    category: text(o.category)?.trim() || undefined,
    unit: text(o.unit)?.trim() || undefined,
  };
}

const STATS_EVERY = 10;

interface TermDelta {
  terms: Map<string, number>;
  articles: number;
}

type Resolver = (value: string) => { id: string | number | null; label: string | null };

async function resolvers(db: Db): Promise<{ category: Resolver; unit: Resolver }> {
  const cats = await categoryRefs(db);
  const catByKey = new Map<string, string>();
  for (const c of [...cats].sort((a, b) => a.level - b.level)) catByKey.set(c.name, c.code); // deepest name wins
  for (const c of cats) catByKey.set(c.code, c.code);
  const units = await unitRefs(db);
  const unitByKey = new Map<string, number>();
  for (const u of units) unitByKey.set(u.name, u.id);
  for (const u of units) unitByKey.set(u.code, u.id);
  const make =
    (m: Map<string, string | number>): Resolver =>
    (v) => {
      const id = m.get(v);
      return id === undefined ? { id: null, label: v } : { id, label: null };
    };
  return { category: make(catByKey), unit: make(unitByKey) };
}

export async function importArticles(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
  opts: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { lines: 0, inserted: 0, updated: 0, unchanged: 0, errors: [] };
  const resolve = await resolvers(db);
  const batchSize = opts.batchSize ?? 500;
  let batch: Parsed[] = [];
  // Document frequencies are summed over several batches (words repeat from batch to batch)
  // and written every STATS_EVERY batches and at the end; `kb reindex` rebuilds them if an
  // import is interrupted in between.
  const stats: TermDelta = { terms: new Map(), articles: 0 };
  let batches = 0;
  const flushStats = async () => {
    if (stats.terms.size === 0 && stats.articles === 0) return;
    await db.transaction().execute((trx) => applyTermDeltas(trx, stats.terms, stats.articles));
    stats.terms = new Map();
    stats.articles = 0;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await db.transaction().execute((trx) => importBatch(trx, current, resolve, opts.now, result, stats));
    batches += 1;
    if (batches % STATS_EVERY === 0) await flushStats();
    opts.onProgress?.(result);
  };
  for await (const raw of lines) {
    result.lines += 1;
    const parsed = parseImportLine(raw, result.lines);
    if (parsed === null) continue;
    if ('error' in parsed) {
      if (result.errors.length < 1000) result.errors.push({ line: result.lines, message: parsed.error });
      continue;
    }
    batch.push(parsed);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await flushStats();
  if (result.inserted + result.updated > 0) await refreshSearchIndex(db);
  return result;
}

async function importBatch(
  db: Db,
  batch: Parsed[],
  resolve: { category: Resolver; unit: Resolver },
  now: Date,
  result: ImportResult,
  stats: TermDelta,
): Promise<void> {
  // Within a batch the last line of an id wins.
  const byId = new Map<string, Parsed>();
  const anonymous: Parsed[] = [];
  for (const p of batch) {
    if (p.externalId === null) anonymous.push(p);
    else byId.set(p.externalId, p);
  }
  result.unchanged += batch.length - anonymous.length - byId.size;
  const existing = new Map(
    (await findArticlesByExternalIds(db, [...byId.keys()])).map((r) => [r.external_id ?? '', r]),
  );
  const deltas = stats.terms;
  const fresh: { p: Parsed; content: ArticleContent }[] = [];
  const versions: NewVersionRow[] = [];

  for (const p of [...byId.values(), ...anonymous]) {
    const cat = p.category !== undefined ? resolve.category(p.category) : null;
    const unit = p.unit !== undefined ? resolve.unit(p.unit) : null;
    const old = p.externalId !== null ? existing.get(p.externalId) : undefined;
    const base: ArticleContent = old
      ? contentOfRow(old)
      : {
          title: '',
          body: '',
          categoryCode: null,
          categoryLabel: null,
          ownerUnitId: null,
          unitLabel: null,
          keywords: [],
          validFrom: null,
          validUntil: null,
          reviewBy: null,
          externalId: p.externalId,
        };
    const content: ArticleContent = {
      ...base,
      title: p.title,
      body: p.body,
      ...(cat ? { categoryCode: cat.id as string | null, categoryLabel: cat.label } : {}),
      ...(unit ? { ownerUnitId: unit.id as number | null, unitLabel: unit.label } : {}),
    };
    if (!old) {
      fresh.push({ p, content });
      continue;
    }
    const changes = diffContent(base, content);
    if (old.status !== 'published') changes.push({ field: 'status', from: old.status, to: 'published' });
    if (changes.length === 0 && old.external_id_numeric === p.numeric) {
      result.unchanged += 1;
      continue;
    }
    const tokens = tokensOf(content);
    accumulateArticleDelta(deltas, old, { ...content, ...tokens });
    const version = old.version + 1;
    await updateArticle(db, old.id, {
      ...rowOfContent(content),
      ...tokens,
      external_id_numeric: p.numeric,
      status: 'published',
      status_note: null,
      version,
      updated_by: null,
      updated_at: now,
      ...(old.status !== 'published' ? { published_at: now } : {}),
    });
    versions.push(versionRow(old.id, version, now, changes, content));
    result.updated += 1;
  }

  if (fresh.length > 0) {
    const rows: NewArticleRow[] = fresh.map(({ p, content }) => {
      const tokens = tokensOf(content);
      accumulateArticleDelta(deltas, null, { ...content, ...tokens });
      return {
        ...rowOfContent(content),
        ...tokens,
        external_id_numeric: p.numeric,
        status: 'published',
        source: 'import',
        version: 1,
        created_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
        published_at: now,
      };
    });
    const inserted = await insertArticles(db, rows);
    inserted.forEach((r, i) => {
      const f = fresh[i];
      if (f) versions.push(versionRow(r.id, 1, now, diffContent(null, f.content), f.content));
    });
    result.inserted += inserted.length;
  }
  await insertVersions(db, versions);
  stats.articles += fresh.length;
}

function versionRow(
  articleId: number,
  version: number,
  now: Date,
  changes: unknown[],
  content: ArticleContent,
): NewVersionRow {
  return {
    article_id: articleId,
    version,
    at: now,
    actor_user_id: null,
    action: 'import',
    status: 'published',
    changes: JSON.stringify(changes),
    snapshot: JSON.stringify(content),
    note: null,
  };
}
