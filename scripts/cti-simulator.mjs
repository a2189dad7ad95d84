#!/usr/bin/env node
// Replays a generated day of calls into a running CivicLine server, as a telephone system would
// (POST /api/cti/events with a key of scope cti), then prints the figures computed here from the
// generated calls beside the server's answer (GET /api/stats/calls). Not part of the test run.
//
//   node scripts/cti-simulator.mjs --key cl_… [--base http://localhost:3000] [--day 2026-12-01]
//        [--calls 3000] [--seed 12345] [--agents agent,dispatcher] [--user leader --password demo]
//        [--concurrency 8]
//
// The stream is seeded (the same seed, the same day): arrivals follow a hotline's day (peaks in
// the morning and afternoon), waits are mostly short with a long tail, impatient callers hang up
// (abandoned); about 5 % of the events are sent twice and the order of events is shuffled within
// short windows, as a real exchange's retries and network do. The day (Beijing time) should hold
// no other calls, or the server's figures include them too.
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const BASE = opt('base', process.env.CIVICLINE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const KEY = opt('key', process.env.CIVICLINE_CTI_KEY);
const CALLS = Number(opt('calls', '3000'));
const SEED = Number(opt('seed', '12345'));
const AGENTS = opt('agents', 'agent,dispatcher').split(',');
const USER = opt('user', 'leader');
const PASSWORD = opt('password', 'demo');
const CONCURRENCY = Number(opt('concurrency', '8'));
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const DAY = opt('day', yesterday);
if (!KEY) {
  process.stderr.write('usage: node scripts/cti-simulator.mjs --key <API key with scope cti> [options]\n');
  process.exit(2);
}
const DAY_START = Date.parse(`${DAY}T00:00:00+08:00`);
const DAY_END = DAY_START + 86_400_000;

/** mulberry32: a small seeded generator. */
function rng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const exp = (mean) => -Math.log(1 - rand()) * mean;

/** Relative call volume per hour of day (a hotline: quiet nights, peaks at 9-11 and 14-16). */
const profile = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 6, 9, 10, 8, 5, 6, 9, 9, 7, 5, 4, 3, 3, 2, 2, 1.5];
const profileTotal = profile.reduce((a, b) => a + b, 0);
function arrival() {
  let r = rand() * profileTotal;
  let hour = 0;
  while (hour < 23 && r >= (profile[hour] ?? 0)) r -= profile[hour++] ?? 0;
  return DAY_START + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
}

const queues = ['综合', '企业服务', '投诉举报', '英语服务'];
const calls = [];
for (let i = 0; i < CALLS; i++) {
  const offered = arrival();
  const id = `sim-${DAY}-${SEED}-${i}`;
  const queue = queues[Math.min(queues.length - 1, Math.floor(exp(0.8)))];
  // Waits: an exponential with a 9 s mean; patience: an exponential with a 60 s mean.
  const wait = Math.round(exp(9_000));
  const patience = Math.round(exp(60_000));
  const agent = AGENTS[Math.floor(rand() * AGENTS.length)];
  if (rand() < 0.01)
    calls.push({ id, offered, answered: null, abandoned: null, agent: null, queue }); // lost
  else if (wait <= patience)
    calls.push({
      id,
      offered,
      answered: offered + wait,
      abandoned: null,
      agent,
      queue,
      talk: Math.round(exp(180_000)),
    });
  else calls.push({ id, offered, answered: null, abandoned: offered + patience, agent: null, queue });
}

const events = [];
for (const c of calls) {
  const caller = `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
  events.push({ callId: c.id, type: 'offered', at: c.offered, caller, queue: c.queue });
  if (c.answered !== null) {
    events.push({ callId: c.id, type: 'answered', at: c.answered, agent: c.agent, queue: c.queue });
    events.push({ callId: c.id, type: 'ended', at: c.answered + c.talk });
  }
  if (c.abandoned !== null) events.push({ callId: c.id, type: 'abandoned', at: c.abandoned });
}
// Duplicates (retries), then shuffled within 30-second windows (arrival order ≠ event order).
const sent = [...events, ...events.filter(() => rand() < 0.05)];
const keyed = sent.map((e) => ({ e, k: e.at + rand() * 30_000 })).sort((a, b) => a.k - b.k);

async function post(e) {
  const body = JSON.stringify({ ...e, at: new Date(e.at).toISOString() });
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${BASE}/api/cti/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body,
    });
    if (r.ok) return (await r.json()).stored;
    if (r.status < 500 || attempt >= 3)
      throw new Error(`${e.callId} ${e.type}: ${r.status} ${await r.text()}`);
  }
}

const t0 = Date.now();
let next = 0;
let stored = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < keyed.length) {
      const { e } = keyed[next++];
      if (await post(e)) stored++;
    }
  }),
);
const seconds = (Date.now() - t0) / 1000;
process.stdout.write(
  `Sent ${keyed.length} events (${events.length} distinct, ${keyed.length - events.length} repeated) of ${CALLS} calls on ${DAY} in ${seconds.toFixed(1)} s (${Math.round(keyed.length / seconds)}/s); stored ${stored}.\n`,
);
if (stored !== events.length)
  process.stdout.write(`Note: ${events.length - stored} events were already stored (an earlier run?).\n`);

// The figures, computed here from the generated calls.
const inDay = calls.filter((c) => c.offered >= DAY_START && c.offered < DAY_END);
const answered = inDay.filter((c) => c.answered !== null);
const waitS = (c) => (c.answered - c.offered) / 1000;
const expected = {
  offered: inDay.length,
  answered: answered.length,
  abandoned: inDay.filter((c) => c.answered === null && c.abandoned !== null).length,
  answeredWithin10s: answered.filter((c) => waitS(c) <= 10).length,
};
expected.connectionRate = expected.offered ? expected.answered / expected.offered : null;
expected.within10sRate = expected.offered ? expected.answeredWithin10s / expected.offered : null;
expected.averageWaitSeconds = answered.length
  ? answered.reduce((s, c) => s + waitS(c), 0) / answered.length
  : null;

const login = await fetch(`${BASE}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: USER, password: PASSWORD }),
});
if (!login.ok) throw new Error(`sign-in as ${USER}: ${login.status}`);
const { token } = await login.json();
const from = new Date(DAY_START).toISOString();
const to = new Date(DAY_END).toISOString();
const res = await fetch(`${BASE}/api/stats/calls?from=${from}&to=${to}`, {
  headers: { authorization: `Bearer ${token}` },
});
if (!res.ok) throw new Error(`GET /api/stats/calls: ${res.status} ${await res.text()}`);
const got = await res.json();

const fmt = (v) => (v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(6));
const rows = Object.keys(expected).map((k) => {
  const same = expected[k] === null ? got[k] === null : Math.abs(expected[k] - got[k]) < 1e-6;
  return [k, fmt(expected[k]), fmt(got[k]), same ? 'ok' : 'DIFFERS'];
});
const w = [20, 14, 14, 8];
const line = (cells) => cells.map((c, i) => String(c).padEnd(w[i])).join(' ');
process.stdout.write(
  `\nCalls offered ${DAY} (Beijing time)\n${line(['figure', 'expected', 'server', ''])}\n`,
);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
process.exit(rows.some((r) => r[3] !== 'ok') ? 1 : 0);
