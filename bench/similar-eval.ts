/**
 * Repeat detection (重复件) on real citizen messages: loads N original messages of
 * ../shared/data/teddycup2020_message_classification (rows with raw title and detail) as orders
 * among a large background (the messages of ../shared/data/teddycup2020_message_replies and
 * orders generated from their sentences), retells each original (sentences reordered, some
 * dropped, another opening, another caller) and asks findSimilarOrders for it, as the
 * order-detail card and the intake suggestions do. Reports: the original ranked first; the
 * duplicate threshold chosen by k-fold cross-validation (fit on k−1 folds, scored on the held-out
 * fold) against different messages of the same label (same topic, another matter); latency p50/p95.
 * The data stays where it is (never copied into the repository).
 *
 *   npx tsx bench/similar-eval.ts [--originals N] [--background N] [--folds K] [--drop F]   embedded PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/similar-eval.ts …                     PostgreSQL (own schema, dropped)
 */
import path from 'node:path';
import { sql } from 'kysely';
import { openSchemaOrPglite } from './bench-open';
import { migrateToLatest } from '../server/db/migrate';
import { segmentForIndex, tokenize } from '../server/domain/kb/segment';
import { DUPLICATE_THRESHOLD, textScore, textSide } from '../server/domain/similar/score';
import { lshKeys } from '../server/domain/similar/shingles';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { findSimilarScored } from '../server/features/similar/find-similar';
import type { Actor } from '../server/features/tickets/standing';
import { mulberry32 } from './kb-generator';
import { readJsonl } from './bench-args';

const args = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ORIGINALS = num('originals', 400);
const BACKGROUND = num('background', 100_000);
const FOLDS = num('folds', 5);
/** Share of the sentences a retelling drops (at least one of three or more). */
const DROP = num('drop', 0.25);
const NEGATIVES_PER_QUERY = 5;
const dataDir = path.resolve(import.meta.dirname, '../../shared/data');
const NOW = new Date('2026-12-01T10:00:00+08:00');
const schema = `similar_bench_${process.pid}`;

interface Message {
  id: string;
  label: string;
  title: string;
  detail: string;
}

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[。！？!?；;])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const openings = [
  '你好，',
  '您好，我要反映一个问题。',
  '我要反映：',
  '喂，你好，我想投诉一下，',
  '你好，我想咨询一下，',
];

/** Another opening, sentences reordered, a share DROP of them dropped (at least one kept). */
function retell(r: () => number, m: Message): string {
  const parts = [m.title.replace(/[。！？]?$/u, '。'), ...sentencesOf(m.detail)];
  for (let i = parts.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [parts[i], parts[j]] = [parts[j] as string, parts[i] as string];
  }
  const drop =
    parts.length >= 3 ? Math.min(parts.length - 1, Math.max(1, Math.floor(parts.length * DROP))) : 0;
  const kept = parts.slice(0, parts.length - drop);
  return `${openings[Math.floor(r() * openings.length)]}${kept.join('')}`;
}

const contentOf = (m: { title: string; detail: string }) => `${m.title}。${m.detail}`;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

const log = (s: string) => process.stderr.write(`${s}\n`);

const handle = await openSchemaOrPglite(schema);
const db = handle.db;
try {
  await migrateToLatest(db);
  await ensureReferenceData(db);
  await loadDemoData(db);
  const center = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'kind', 'is_platform'])
    .where('kind', '=', 'center')
    .executeTakeFirstOrThrow();
  const actor: Actor = { userId: null, role: 'dispatcher', unit: center };

  const labelled = readJsonl<Partial<Message> & { label: string; id: string }>(
    path.join(dataDir, 'teddycup2020_message_classification/messages.jsonl'),
  ).filter((m): m is Message => !!m.title && !!m.detail && m.detail.length >= 20);
  // Exact duplicate messages of the data set would be two originals of one matter: keep one.
  const seen = new Set<string>();
  const unique = labelled.filter((m) => !seen.has(m.title) && !!seen.add(m.title));
  const r = mulberry32(20261209);
  const shuffled = [...unique].sort(() => r() - 0.5);
  const originals = shuffled.slice(0, Math.min(ORIGINALS, shuffled.length));
  const replies = readJsonl<{ title: string; detail: string }>(
    path.join(dataDir, 'teddycup2020_message_replies/replies.jsonl'),
  ).filter((m) => !seen.has(m.title));
  const pool = replies.flatMap((m) => sentencesOf(m.detail)).filter((s) => s.length >= 8);

  // Background: the replies' messages, then orders made of their sentences; all within the window.
  const statuses = [
    'pending_dispatch',
    'dispatched',
    'in_progress',
    'replied',
    'closed',
    'closed',
    'answered',
  ];
  let made = 0;
  const t0 = performance.now();
  /** An order's text as intake stores it, taken in at the center under zibo-12345. */
  const indexed = (content: string) => ({
    content,
    content_tokens: segmentForIndex(content),
    similar_keys: lshKeys(content),
    platform_unit_id: center.id,
    profile_id: 'zibo-12345',
    profile_version: '1',
  });
  const insert = async (contents: string[], prefix: string) => {
    for (let from = 0; from < contents.length; from += 500) {
      const rows = contents.slice(from, from + 500).map((content, k) => {
        const n = made + from + k;
        const status = statuses[n % statuses.length] ?? 'closed';
        const received = new Date(NOW.getTime() - ((n * 7919) % (80 * 86400)) * 1000);
        const closed = status === 'closed' || status === 'answered';
        return {
          ticket_no: `${prefix}${String(n).padStart(10, '0')}`,
          status,
          channel: 'phone',
          type: 'complaint',
          urgency: 'normal',
          source_level: 'city',
          caller_phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
          ...indexed(content),
          received_at: received,
          closed_at: closed ? received : null,
          created_at: received,
          updated_at: received,
        };
      });
      await db.insertInto('ticket').values(rows).execute();
    }
    made += contents.length;
  };
  await insert(
    replies.map((m) => contentOf(m)),
    'R',
  );
  const generated: string[] = [];
  for (let i = 0; i < BACKGROUND - replies.length; i++) {
    const k = 2 + Math.floor(r() * 4);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(pool[Math.floor(r() * pool.length)] ?? '');
    generated.push(parts.join(''));
    if (generated.length % 20_000 === 0) {
      await insert(generated.splice(0), 'G');
      log(`  background ${made} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  await insert(generated, 'G');
  const originalIds = new Map<string, number>();
  for (const m of originals) {
    const content = contentOf(m);
    const row = await db
      .insertInto('ticket')
      .values({
        ticket_no: `O${m.id}`,
        status: 'in_progress',
        channel: 'web',
        type: 'complaint',
        urgency: 'normal',
        source_level: 'city',
        caller_phone: `137${m.id.padStart(8, '0')}`,
        ...indexed(content),
        received_at: new Date(NOW.getTime() - 86_400_000),
        created_at: new Date(NOW.getTime() - 86_400_000),
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    originalIds.set(m.id, Number(row.id));
  }
  await sql`analyze ticket`.execute(db);
  const loadSecs = (performance.now() - t0) / 1000;
  const total = made + originals.length;
  log(`loaded ${total} orders in ${loadSecs.toFixed(0)} s`);

  if (args.includes('--explain')) {
    const keys = lshKeys(retell(mulberry32(1), originals[0] as Message));
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`/* the plan without the lookup's own settings */ explain analyze
      select t.id, cardinality(array(select unnest(t.similar_keys) intersect select unnest(${keys}::integer[]))) as shared
      from ticket t where (t.similar_keys && ${keys}::integer[] or t.caller_phone = '13600000000') and t.status <> 'merged'
        and (t.closed_at is null or t.closed_at >= ${NOW}) order by shared desc, t.id desc limit 60`.execute(
      db,
    );
    log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  // Queries: one retelling per original, from another caller.
  const byLabel = new Map<string, Message[]>();
  for (const m of originals) byLabel.set(m.label, [...(byLabel.get(m.label) ?? []), m]);
  interface Result {
    top1: boolean;
    positive: number;
    negatives: number[];
    /** Characters of the retelling; rank of the original in the answer (0: absent). */
    chars: number;
    rank: number;
    /** Best text score among returned orders other than the original. */
    bestOther: number;
    ms: number;
  }
  const results: Result[] = [];
  for (const [qi, m] of originals.entries()) {
    const text = retell(r, m);
    if (qi < 20) await findSimilarScored(db, actor, { content: text }, { limit: 10, now: NOW }); // warm-up
    const s = performance.now();
    const found = await findSimilarScored(
      db,
      actor,
      { content: text, callerPhone: `136${String(qi).padStart(8, '0')}` },
      { limit: 10, now: NOW },
    );
    const ms = performance.now() - s;
    const id = originalIds.get(m.id);
    const side = textSide(text, tokenize(text));
    const positive = textScore(side, textSide(contentOf(m), tokenize(contentOf(m))));
    const others = (byLabel.get(m.label) ?? []).filter((o) => o.id !== m.id);
    const negatives: number[] = [];
    for (let k = 0; k < NEGATIVES_PER_QUERY && others.length > 0; k++) {
      const o = others[Math.floor(r() * others.length)] as Message;
      negatives.push(textScore(side, textSide(contentOf(o), tokenize(contentOf(o)))));
    }
    results.push({
      chars: text.length,
      rank: found.findIndex((f) => f.ticketId === id) + 1,
      top1: found[0]?.ticketId === id,
      positive,
      negatives,
      bestOther: Math.max(0, ...found.filter((f) => f.ticketId !== id).map((f) => f.score)),
      ms,
    });
  }

  // k-fold cross-validation of the duplicate threshold: on the training folds, the threshold
  // (step 0.01) that maximises (first and flagged) − 10 × (same-label pairs flagged) — merging
  // two different matters costs more than missing a repeat — taking the middle of the best
  // range; scored on the held-out fold.
  const grid = Array.from({ length: 81 }, (_, i) => 0.1 + i * 0.01);
  const folds = Array.from({ length: FOLDS }, (_, f) => results.filter((_, i) => i % FOLDS === f));
  const rate = (rs: Result[], t: number) => {
    const tp = rs.filter((x) => x.top1 && x.positive >= t).length / rs.length;
    const neg = rs.flatMap((x) => x.negatives);
    const fp = neg.filter((v) => v >= t).length / Math.max(1, neg.length);
    return { tp, fp };
  };
  const fit = (rs: Result[]): number => {
    const gain = grid.map((g) => {
      const { tp, fp } = rate(rs, g);
      return tp - 10 * fp;
    });
    const best = Math.max(...gain);
    const top = grid.filter((_, i) => (gain[i] ?? -Infinity) >= best - 1e-9);
    return Math.round((((top[0] ?? 0.5) + (top[top.length - 1] ?? 0.5)) / 2) * 100) / 100;
  };
  const lines: string[] = [];
  const chosen: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = folds.filter((_, g) => g !== f).flat();
    const test = folds[f] ?? [];
    const t = fit(train);
    chosen.push(t);
    const { tp, fp } = rate(test, t);
    lines.push(
      `| ${f + 1} | ${test.length} | ${t.toFixed(2)} | ${(tp * 100).toFixed(1)} % | ${(fp * 100).toFixed(2)} % |`,
    );
  }
  const at = rate(results, DUPLICATE_THRESHOLD);
  const times = results.map((x) => x.ms);
  const top1 = results.filter((x) => x.top1).length / results.length;
  const wronglyFlagged = results.filter((x) => x.bestOther >= DUPLICATE_THRESHOLD).length / results.length;
  const dbName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  process.stdout.write(
    [
      `${dbName}: ${total} orders (${originals.length} originals, ${made} background), loaded in ${loadSecs.toFixed(0)} s`,
      `original ranked first: ${(top1 * 100).toFixed(1)} % of ${results.length} retold messages (${Math.round(DROP * 100)} % of sentences dropped)`,
      `at DUPLICATE_THRESHOLD ${DUPLICATE_THRESHOLD}: first and flagged ${(at.tp * 100).toFixed(1)} %, ` +
        `same-label pairs flagged ${(at.fp * 100).toFixed(2)} % (${results.flatMap((x) => x.negatives).length} pairs); ` +
        `queries with another order scored ≥ threshold ${(wronglyFlagged * 100).toFixed(1)} %`,
      `text score of the original: p10 ${pct(
        results.map((x) => x.positive),
        0.1,
      ).toFixed(2)}, p50 ${pct(
        results.map((x) => x.positive),
        0.5,
      ).toFixed(2)}; of same-label pairs: p99 ${pct(
        results.flatMap((x) => x.negatives),
        0.99,
      ).toFixed(2)}, max ${pct(
        results.flatMap((x) => x.negatives),
        1,
      ).toFixed(2)}`,
      `misses: ${results.filter((x) => !x.top1).length} (original absent from the answer: ${
        results.filter((x) => x.rank === 0).length
      }; median length of missed retellings ${pct(
        results.filter((x) => !x.top1).map((x) => x.chars),
        0.5,
      )} characters, of all ${pct(
        results.map((x) => x.chars),
        0.5,
      )})`,
      `latency: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${pct(times, 1).toFixed(1)} ms`,
      '',
      `| fold | queries | threshold (fit on the other folds) | first and flagged | same-label pairs flagged |`,
      `| ---- | ------- | ---------------------------------- | ----------------- | ------------------------ |`,
      ...lines,
      '',
      `thresholds chosen: ${chosen.map((c) => c.toFixed(2)).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  if (process.env.DATABASE_URL) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await handle.close();
}
