/**
 * `civicline kb …`: knowledge-base import and search on the same database as `npm start`.
 *
 *   kb import FILE                  JSON lines {"id","title","content","category"?,"unit"?}; publishes;
 *                                   re-import updates by id. Progress on stderr, summary on stdout.
 *   kb search "QUERY" [--limit N] [--json]
 *   kb search --batch               stdin: JSON lines {"q","limit"}; stdout: one JSON array per line
 *   kb reindex                      re-segment everything (after a dictionary change)
 *   kb expire                       mark articles past their validity as expired
 *
 * Search output (JSON): [{"id","title","score"}] best first. `id` is the external id given at
 * import, with its JSON type (a string stays a string, a number a number); an article without
 * one reports its internal numeric id.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate';
import { ensureReferenceData } from '../../features/demo/load-demo-data';
import { openCommandDatabase } from '../../features/import/installation';
import { expireDueArticles } from '../../features/kb/expire-due-articles';
import { importArticles, type ImportResult } from '../../features/kb/import-articles';
import { reindexKnowledgeBase } from '../../features/kb/reindex';
import { searchArticles, type SearchHit } from '../../features/kb/search-articles';
import { systemClock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { readEnv } from '../../platform/env';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openCommandDatabase(
    readEnv(),
    'The server (npm start) must not run on the same DATA_DIR while this command runs.',
  );
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

export interface CliHit {
  id: string | number;
  title: string;
  score: number;
}

export function toCliHit(h: SearchHit): CliHit {
  const id =
    h.externalId === null
      ? h.id
      : h.externalIdNumeric && /^-?\d+(\.\d+)?$/.test(h.externalId)
        ? Number(h.externalId)
        : h.externalId;
  return { id, title: h.title, score: Math.round(h.score * 1e6) / 1e6 };
}

function parseLimit(v: unknown, fallback = DEFAULT_LIMIT): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 1) return fallback;
  return Math.min(Math.floor(n), MAX_LIMIT);
}

async function cliSearch(db: Db, q: string, limit: number): Promise<CliHit[]> {
  if (!q.trim()) return [];
  const { items } = await searchArticles(db, { q, now: systemClock.now(), limit });
  return items.map(toCliHit);
}

function progressReporter(): (r: ImportResult) => void {
  const start = Date.now();
  let last = start;
  return (r) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    const rate = Math.round(r.lines / ((now - start) / 1000));
    process.stderr.write(
      `kb import: ${r.lines} lines (${r.inserted} new, ${r.updated} updated), ${rate}/s\n`,
    );
  };
}

export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('knowledge base (知识库): import, search, reindex');

  kb.command('import <file>')
    .description(
      'import JSON lines {"id","title","content","category"?,"unit"?} and publish them (re-import updates)',
    )
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const started = Date.now();
      const result = await withDatabase((db) => {
        const rl = readline.createInterface({
          input: fs.createReadStream(file, 'utf8'),
          crlfDelay: Infinity,
        });
        return importArticles(db, rl, { now: systemClock.now(), onProgress: progressReporter() });
      });
      for (const e of result.errors.slice(0, 20)) {
        process.stderr.write(`kb import: line ${e.line}: ${e.message}\n`);
      }
      const secs = (Date.now() - started) / 1000;
      process.stdout.write(
        `imported ${result.lines} lines in ${secs.toFixed(1)} s: ${result.inserted} new, ${result.updated} updated, ` +
          `${result.unchanged} unchanged, ${result.errors.length} errors\n`,
      );
      if (result.errors.length > 0 && result.inserted + result.updated + result.unchanged === 0) {
        process.exitCode = 1;
      }
    });

  kb.command('search [query]')
    .description('search published articles, best first')
    .option('--limit <n>', 'number of results', String(DEFAULT_LIMIT))
    .option('--json', 'print [{"id","title","score"}]')
    .option('--batch', 'read JSON lines {"q","limit"} on stdin, print one JSON array per line')
    .action(async (query: string | undefined, opts: { limit: string; json?: boolean; batch?: boolean }) => {
      if (opts.batch) {
        await withDatabase(async (db) => {
          const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
          for await (const line of rl) {
            if (!line.trim()) continue;
            let hits: CliHit[] = [];
            try {
              const req = JSON.parse(line) as { q?: unknown; limit?: unknown };
              if (typeof req.q === 'string') {
                hits = await cliSearch(db, req.q, parseLimit(req.limit, parseLimit(opts.limit)));
              }
            } catch {
              hits = [];
            }
            process.stdout.write(`${JSON.stringify(hits)}\n`);
          }
        });
        return;
      }
      if (query === undefined) throw new Error('kb search: give a QUERY or --batch');
      const hits = await withDatabase((db) => cliSearch(db, query, parseLimit(opts.limit)));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(hits)}\n`);
        return;
      }
      if (hits.length === 0) process.stdout.write('no results\n');
      for (const h of hits) {
        process.stdout.write(`${h.score.toFixed(4).padStart(9)}  ${String(h.id).padEnd(12)} ${h.title}\n`);
      }
    });

  kb.command('reindex')
    .description('re-segment all articles and orders, rebuild term statistics')
    .action(async () => {
      const done = await withDatabase((db) =>
        reindexKnowledgeBase(db, (d) =>
          process.stderr.write(`kb reindex: ${d.articles} articles, ${d.tickets} orders\n`),
        ),
      );
      process.stdout.write(`reindexed ${done.articles} articles and ${done.tickets} orders\n`);
    });

  kb.command('expire')
    .description('mark published articles past their validity date as expired')
    .action(async () => {
      const n = await withDatabase((db) => expireDueArticles({ db, clock: systemClock }));
      process.stdout.write(`expired ${n} articles\n`);
    });
}
