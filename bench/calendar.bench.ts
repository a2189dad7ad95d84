/**
 * Deadline engine benchmark: working-day additions per second, limits computations per second,
 * the same computation with the npm package `chinese-days`, and the agreement of both
 * calendars on every date 2007-2026.
 *
 *   npx tsx bench/calendar.bench.ts [--quick]
 *
 * Prints figures (not assertions); docs/PERFORMANCE.md § "Deadline engine" records a run.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { limitsObject } from '../server/cli/commands/limits';
import {
  daysFromCivil,
  formatDay,
  formatInstantMs,
  msOfLocal,
  parseInstantMs,
  shippedCalendar,
} from '../server/domain/calendar';
import { getBuiltInProfile } from '../server/domain/policy';
import { addDurationMs, computeDeadlines, type SlaFacts } from '../server/domain/sla';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;

let seed = 20261001;
function rnd(k: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % k;
}

function timed(fn: () => number): { ms: number; check: number } {
  const t0 = performance.now();
  const check = fn();
  return { ms: performance.now() - t0, check };
}

const fmt = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0);

const rows: [string, string, string][] = [];
function report(name: string, ops: number, ms: number, note = ''): void {
  const perSec = (ops / ms) * 1000;
  rows.push([name, `${fmt(perSec)}/s`, note || `${ops.toLocaleString('en')} ops in ${ms.toFixed(0)} ms`]);
  process.stdout.write(`${name}: ${fmt(perSec)}/s (${ops} in ${ms.toFixed(0)} ms) ${note}\n`);
}

const tBuild = timed(() => {
  shippedCalendar();
  return 0;
});
const cal = shippedCalendar();
process.stdout.write(`calendar build (shipped data + 2 provisional years): ${tBuild.ms.toFixed(1)} ms\n`);

// Inputs: days in 2007-2026, n in 1..20.
const first = daysFromCivil(2007, 1, 1);
const last = daysFromCivil(2026, 11, 30);
const N = Math.round(20_000_000 * scale);
const days = new Int32Array(N);
const ns = new Int32Array(N);
for (let i = 0; i < N; i++) {
  days[i] = first + rnd(last - first);
  ns[i] = 1 + rnd(20);
}

// 1. Working-day additions on day numbers (the O(1) tables).
for (let w = 0; w < 2; w++) {
  const r = timed(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s += cal.addWorkingDays(days[i] as number, ns[i] as number);
    return s;
  });
  if (w === 1) report('working-day additions (day number + N WD)', N, r.ms);
}

// 2. Instant + N WD → instant (end of day), as computeDeadlines does it.
const M = Math.round(5_000_000 * scale);
const starts = new Float64Array(M);
for (let i = 0; i < M; i++) starts[i] = msOfLocal(days[i] as number, rnd(86_400) * 1000);
{
  const r = timed(() => {
    let s = 0;
    for (let i = 0; i < M; i++) {
      s += addDurationMs(cal, starts[i] as number, ns[i] as number, 'wd', 86_399_000);
    }
    return s;
  });
  report('deadlines (instant + N WD → instant)', M, r.ms);
}

// 3. ISO text in → deadline text out (the work of one `deadline --batch` line without JSON).
const K = Math.round(1_000_000 * scale);
const isoIn: string[] = [];
for (let i = 0; i < K; i++) isoIn.push(formatInstantMs(starts[i] as number));
{
  const r = timed(() => {
    let s = 0;
    for (let i = 0; i < K; i++) {
      s += formatInstantMs(
        addDurationMs(cal, parseInstantMs(isoIn[i] as string), ns[i] as number, 'wd', 86_399_000),
      ).length;
    }
    return s;
  });
  report('parse ISO + N WD + format', K, r.ms);
}

// 4. limits: all stage deadlines of an order under a profile.
for (const id of ['zibo-12345', 'tianjin-urban', 'beijing-miyun']) {
  const profile = getBuiltInProfile(id);
  const L = Math.round(200_000 * scale);
  const facts: SlaFacts[] = [];
  for (let i = 0; i < L; i++) {
    const t = new Date(starts[i] as number);
    facts.push({
      receivedAt: t,
      dispatchedAt: t,
      type: 'complaint',
      urgency: i % 10 === 0 ? 'urgent' : 'normal',
      level: 'city',
      extensions: [],
      pauses: [],
    });
  }
  const r = timed(() => {
    let s = 0;
    for (const f of facts) s += Object.keys(computeDeadlines(profile, cal, f)).length;
    return s;
  });
  report(`limits computations, ${id} (computeDeadlines)`, L, r.ms);
  if (id === 'zibo-12345') {
    const r2 = timed(() => {
      let s = 0;
      for (const f of facts) s += JSON.stringify(limitsObject(computeDeadlines(profile, cal, f))).length;
      return s;
    });
    report(`limits computations, ${id}, formatted as the CLI prints them`, L, r2.ms);
  }
}

// 5. chinese-days doing the same additions: findWorkday(N, 'YYYY-MM-DD').
{
  const C = Math.round(20_000 * scale);
  const dates: string[] = [];
  for (let i = 0; i < C; i++) dates.push(formatDay(days[i] as number));
  const r = timed(() => {
    let s = 0;
    for (let i = 0; i < C; i++) s += chineseDays.findWorkday(ns[i], dates[i]).length;
    return s;
  });
  report('chinese-days findWorkday(N, date)', C, r.ms);
  let disagree = 0;
  for (let i = 0; i < C; i++) {
    const theirs = chineseDays.findWorkday(ns[i], dates[i]);
    const ours = formatDay(cal.addWorkingDays(days[i] as number, ns[i] as number));
    if (theirs !== ours) disagree++;
  }
  process.stdout.write(`  same ${C} additions: ${C - disagree} agree, ${disagree} differ\n`);
  rows.push(['chinese-days vs ours, same additions', `${C - disagree}/${C} agree`, '']);
}

// 6. Agreement on every date 2007-01-01..2026-12-31.
{
  let disagree = 0;
  const differing: string[] = [];
  const end = daysFromCivil(2026, 12, 31);
  for (let d = first; d <= end; d++) {
    const date = formatDay(d);
    if (chineseDays.isWorkday(date) !== cal.isWorkingDay(d)) {
      disagree++;
      if (differing.length < 10) differing.push(date);
    }
  }
  const total = end - first + 1;
  process.stdout.write(
    `calendar agreement 2007-2026: ${total - disagree}/${total} dates ${differing.join(' ')}\n`,
  );
  rows.push([
    'chinese-days vs ours, working/rest 2007-2026',
    `${total - disagree}/${total} agree`,
    differing.join(' '),
  ]);
  // 2027: chinese-days has no schedule and silently treats it as Monday-Friday.
  const oct1 = '2027-10-01';
  process.stdout.write(
    `2027-10-01: chinese-days working=${chineseDays.isWorkday(oct1)}, ours working=${cal.isWorkingDay(daysFromCivil(2027, 10, 1))} (provisional)\n`,
  );
}

// 7. The command line: `civicline deadline --batch`, process start included.
if (!process.argv.includes('--no-cli')) {
  const B = Math.round(500_000 * scale);
  const specs = ['1wd', '2wd', '5wd', '7wd', '10wd', '7nd', '0.5h', '24h'];
  const lines: string[] = [];
  for (let i = 0; i < B; i++) {
    lines.push(`{"from":"${isoIn[i % isoIn.length]}","add":"${specs[i % specs.length]}"}`);
  }
  const input = lines.join('\n') + '\n';
  const bin = path.resolve(import.meta.dirname, '../bin/civicline.mjs');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'deadline', '--batch'], {
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  const outLines = r.stdout.split('\n').length - 1;
  if (r.status !== 0 || outLines !== B) {
    process.stdout.write(`CLI batch failed: status ${r.status}, ${outLines} lines\n`);
  }
  report('civicline deadline --batch (lines, process start included)', B, ms);
  const t1 = performance.now();
  spawnSync(process.execPath, [bin, 'deadline', '--from', '2026-09-30T10:00:00+08:00', '--add', '5wd']);
  const single = performance.now() - t1;
  process.stdout.write(`civicline deadline (one, process start): ${single.toFixed(0)} ms\n`);
  rows.push(['civicline deadline, one deadline', `${single.toFixed(0)} ms`, 'process start included']);
}

process.stdout.write(
  `\n${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version}, TZ=${process.env.TZ ?? '(unset)'}\n\n`,
);
process.stdout.write('| measure | result | note |\n| --- | --- | --- |\n');
for (const [a, b, c] of rows) process.stdout.write(`| ${a} | ${b} | ${c} |\n`);
