/**
 * Search latency over a large generated knowledge base (100,000 articles by default):
 * imports through the same code as `civicline kb import`, then times searchArticles (the API's
 * search, snippets included) for intake-style queries after a warm-up, then for citizens' whole
 * messages (over 64 characters, ranked in two stages), reported apart.
 *
 *   npx tsx bench/kb-latency.ts [--articles N] [--queries N]     embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/kb-latency.ts        PostgreSQL (own schema, dropped after)
 *   --keep DIR_OR_SCHEMA   keep the imported corpus (PGlite data directory / PostgreSQL schema)
 *                          and reuse it on the next run instead of importing again
 */
import { sql } from 'kysely';
import { openSchemaOrPglite } from './bench-open';
import { migrateToLatest } from '../server/db/migrate';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { importArticles } from '../server/features/kb/import-articles';
import { searchArticles } from '../server/features/kb/search-articles';
import { generateArticle, generateMessages, generateQueries, mulberry32 } from './kb-generator';

const args = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const articles = num('articles', 100_000);
const queryCount = num('queries', 500);
const keepIndex = args.indexOf('--keep');
const keep = keepIndex >= 0 ? args[keepIndex + 1] : undefined;
const schema = keep ?? `kb_bench_${process.pid}`;

function* lines(n: number): Generator<string> {
  const r = mulberry32(20261122);
  for (let i = 0; i < n; i++) yield JSON.stringify(generateArticle(r, i));
}

const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

const handle = await openSchemaOrPglite(schema, keep);
try {
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  await loadDemoData(handle.db);
  const existing = await handle.db
    .selectFrom('kb_article')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  let lastReport = t0;
  const reuse = keep !== undefined && Number(existing.n) >= articles;
  const result = reuse
    ? { inserted: 0 }
    : await importArticles(handle.db, lines(articles), {
        now: new Date(),
        batchSize: 1000,
        onProgress: (r) => {
          const now = performance.now();
          if (now - lastReport > 5000) {
            lastReport = now;
            process.stderr.write(
              `  imported ${r.inserted} (${Math.round(r.inserted / ((now - t0) / 1000))}/s)\n`,
            );
          }
        },
      });
  const importSecs = Math.max((performance.now() - t0) / 1000, 1e-3);
  const queries = generateQueries(mulberry32(7), queryCount);
  const now = new Date();
  for (const q of queries.slice(0, 50)) {
    await searchArticles(handle.db, { q, now, limit: 10, snippets: true });
  }
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    const r = await searchArticles(handle.db, { q, now, limit: 10, snippets: true });
    const ms = performance.now() - s;
    times.push(ms);
    const kind = q.length <= 4 ? 'keyword (≤4 chars)' : q.length <= 12 ? 'phrase (5-12)' : 'sentence (>12)';
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    if (r.items.length > 0) hits++;
  }
  times.sort((a, b) => a - b);
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  process.stdout.write(
    (reuse
      ? `${db}: reusing ${existing.n} articles in ${keep}\n`
      : `${db}: ${result.inserted} articles imported in ${importSecs.toFixed(1)} s (${Math.round(result.inserted / importSecs)}/s)\n`) +
      `  ${queries.length} queries (${hits} with results): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${pct(times, 1).toFixed(1)} ms\n`,
  );
  for (const [kind, xs] of byKind) {
    xs.sort((a, b) => a - b);
    process.stdout.write(
      `  ${kind.padEnd(20)} n=${xs.length} p50 ${pct(xs, 0.5).toFixed(1)} ms p95 ${pct(xs, 0.95).toFixed(1)} ms\n`,
    );
  }
  const messages = generateMessages(mulberry32(11), Math.max(20, Math.round(queryCount / 5)));
  const long: number[] = [];
  for (const q of messages) {
    const s = performance.now();
    await searchArticles(handle.db, { q, now, limit: 10, snippets: true });
    long.push(performance.now() - s);
  }
  long.sort((a, b) => a - b);
  const chars = Math.round(messages.reduce((sum, m) => sum + m.length, 0) / messages.length);
  process.stdout.write(
    `  whole messages (two-stage) n=${long.length}, ${chars} characters on average: p50 ${pct(long, 0.5).toFixed(1)} ms p95 ${pct(long, 0.95).toFixed(1)} ms\n`,
  );
} finally {
  if (process.env.DATABASE_URL && !keep) {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
  }
  await handle.close();
}
