/**
 * Retrieval quality of the knowledge-base search on real data (not in the repository):
 *
 *   teddycup2020_message_replies  official replies imported as articles; each citizen message
 *                                 (title + detail) is a query; hit = its own reply.
 *   ncp_policy_qa                 distinct answers imported as articles; each question is a query;
 *                                 hit = its gold answer.
 *
 * Only the reply / answer texts are indexed (never the messages or questions). Articles go
 * through the same import and search code as `civicline kb import` / `kb search`. When several
 * articles have exactly the same text (the same reply sent to two messages), finding any of them
 * counts: they are indistinguishable. Prints recall@1, recall@5 and MRR@5.
 *
 *   npx tsx bench/kb-eval.ts [--dataset teddy|ncp|all] [--sample N] [--query title|full] [--tier-max N]
 *                            [--pairs N --seed S]
 *   (--pairs: a seeded random N of the Teddy message/reply pairs, e.g. 845, the size of the part
 *   of the data set kept back for independent checks; more articles mean more distractors)
 *   (DATABASE_URL: PostgreSQL; --query title: Teddy messages by their title only, a short query;
 *   --tier-max: longest query answered in candidate tiers, to compare with untiered ranking)
 */
import path from 'node:path';
import { migrateToLatest } from '../server/db/migrate';
import { ensureReferenceData } from '../server/features/demo/load-demo-data';
import { importArticles } from '../server/features/kb/import-articles';
import { searchArticles } from '../server/features/kb/search-articles';
import type { DatabaseHandle } from '../server/platform/db';
import { readJsonl } from './bench-args';
import { openSchemaOrPglite } from './bench-open';

const dataRoot = path.resolve(process.cwd(), '../shared/data');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Case {
  query: string;
  /** External ids whose text equals the gold text. */
  gold: Set<string>;
}
interface Dataset {
  name: string;
  articles: { id: string; title: string; content: string }[];
  cases: Case[];
}

/** Title of an article made from a reply or answer: its first sentence, at most 40 characters. */
function titleOf(text: string): string {
  const first =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .split(/[。！？\n]/)[0] ?? '';
  return first.slice(0, 40) || text.slice(0, 40);
}

function groupByText(items: { id: string; text: string }[]): Map<string, Set<string>> {
  const byText = new Map<string, Set<string>>();
  for (const it of items) {
    const key = it.text.replace(/\s+/g, '');
    const set = byText.get(key) ?? new Set<string>();
    set.add(it.id);
    byText.set(key, set);
  }
  return byText;
}

function teddy(): Dataset {
  let rows = readJsonl<{ id: string; title: string; detail: string; reply: string }>(
    path.join(dataRoot, 'teddycup2020_message_replies/replies.jsonl'),
  );
  const pairs = arg('pairs') ? Number(arg('pairs')) : undefined;
  if (pairs && pairs < rows.length) {
    let x = Number(arg('seed') ?? 1) >>> 0;
    const random = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
    const keyed = rows.map((r) => ({ r, k: random() }));
    rows = keyed
      .sort((a, b) => a.k - b.k)
      .slice(0, pairs)
      .map((e) => e.r);
  }
  const same = groupByText(rows.map((r) => ({ id: r.id, text: r.reply })));
  return {
    name: 'teddycup2020_message_replies',
    articles: rows.map((r) => ({ id: r.id, title: titleOf(r.reply), content: r.reply })),
    cases: rows.map((r) => ({
      query: arg('query') === 'title' ? r.title : `${r.title} ${r.detail}`,
      gold: same.get(r.reply.replace(/\s+/g, '')) ?? new Set([r.id]),
    })),
  };
}

function ncp(): Dataset {
  const rows = readJsonl<{ id: string; question: string; answer: string }>(
    path.join(dataRoot, 'ncp_policy_qa/qa.jsonl'),
  );
  const ids = new Map<string, string>();
  const articles: Dataset['articles'] = [];
  for (const r of rows) {
    const key = r.answer.replace(/\s+/g, '');
    if (ids.has(key)) continue;
    const id = `a${articles.length + 1}`;
    ids.set(key, id);
    articles.push({ id, title: titleOf(r.answer), content: r.answer });
  }
  return {
    name: 'ncp_policy_qa',
    articles,
    cases: rows.map((r) => ({
      query: r.question,
      gold: new Set([ids.get(r.answer.replace(/\s+/g, '')) ?? '']),
    })),
  };
}

async function openDb(): Promise<DatabaseHandle> {
  const handle = await openSchemaOrPglite(`kb_eval_${process.pid}`);
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  return handle;
}

async function evaluate(ds: Dataset, sample: number | undefined): Promise<void> {
  const handle = await openDb();
  try {
    const t0 = performance.now();
    const imported = await importArticles(
      handle.db,
      ds.articles.map((a) => JSON.stringify(a)),
      { now: new Date() },
    );
    const importMs = performance.now() - t0;
    const step = sample && sample < ds.cases.length ? ds.cases.length / sample : 1;
    const cases: Case[] = [];
    for (let i = 0; i < ds.cases.length; i += step) cases.push(ds.cases[Math.floor(i)] as Case);
    let at1 = 0;
    let at5 = 0;
    let mrr = 0;
    const times: number[] = [];
    const now = new Date();
    for (const c of cases) {
      const s = performance.now();
      const { items } = await searchArticles(handle.db, {
        q: c.query,
        now,
        limit: 5,
        ...(tierMax !== undefined ? { tierMaxLength: tierMax } : {}),
      });
      times.push(performance.now() - s);
      const rank = items.findIndex((h) => h.externalId !== null && c.gold.has(h.externalId));
      if (rank === 0) at1++;
      if (rank >= 0) {
        at5++;
        mrr += 1 / (rank + 1);
      }
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
    const n = cases.length;
    process.stdout.write(
      `${ds.name}: ${imported.inserted} articles (import ${(importMs / 1000).toFixed(1)} s), ${n} queries\n` +
        `  recall@1 ${(at1 / n).toFixed(3)}  recall@5 ${(at5 / n).toFixed(3)}  MRR@5 ${(mrr / n).toFixed(3)}` +
        `  query p50 ${pct(0.5)} ms p95 ${pct(0.95)} ms\n`,
    );
  } finally {
    if (process.env.DATABASE_URL) {
      const { sql } = await import('kysely');
      await sql`drop schema if exists ${sql.id(`kb_eval_${process.pid}`)} cascade`.execute(handle.db);
    }
    await handle.close();
  }
}

const tierMax = arg('tier-max') !== undefined ? Number(arg('tier-max')) : undefined;
const which = arg('dataset') ?? 'all';
const sample = arg('sample') ? Number(arg('sample')) : undefined;
if (which === 'teddy' || which === 'all') await evaluate(teddy(), sample);
if (which === 'ncp' || which === 'all') await evaluate(ncp(), sample);
