#!/usr/bin/env node
/**
 * Sign-in attack burst against a running instance (it starts nothing itself):
 *
 *   node scripts/attack/sign-in-burst.mjs http://127.0.0.1:3000 [--user leader] [--password demo] [--burst 40]
 *
 * 1. `--burst` concurrent wrong guesses for `--user`, each with a different forged X-Forwarded-For,
 *    then the right password: the account must end locked and at most 5 guesses checked.
 * 2. A wrong password and an unknown name: the answers must be identical.
 * 3. Password spraying over fresh names with a forged X-Forwarded-For on every request: the
 *    address limit must answer 429 within 20 failures whatever the header says.
 *
 * It locks `--user` for 15 minutes and uses up this client's address for the current window:
 * run it against a training or test instance only. Exit code 0 when every verdict holds.
 */
const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith('--'));
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
if (!base || !/^https?:\/\//.test(base)) {
  console.error(
    'usage: node scripts/attack/sign-in-burst.mjs BASE_URL [--user NAME] [--password PW] [--burst N]',
  );
  process.exit(2);
}
const user = opt('user', 'leader');
const password = opt('password', 'demo');
const burst = Math.min(Math.max(Number(opt('burst', '40')) || 40, 6), 200);
const forged = (i) => `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`;

async function signIn(username, pw, xff) {
  const res = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
    body: JSON.stringify({ username, password: pw }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.text();
  return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
}

const verdicts = [];
const verdict = (ok, text) => {
  verdicts.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
};
const tally = (results) =>
  Object.entries(results.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');

// 1. Concurrent guesses with forged addresses, then the right password.
const guesses = await Promise.all(
  Array.from({ length: burst }, (_, i) => signIn(user, `wrong-guess-${i}-${Date.now()}`, forged(i + 1))),
);
const checked = guesses.filter((r) => r.status === 401).length;
console.log(`burst of ${burst} wrong guesses for ${user}: ${tally(guesses)}`);
verdict(checked <= 5, `at most 5 guesses reached the password check (${checked})`);
const right = await signIn(user, password, forged(999));
verdict(
  right.status === 423 || right.status === 429,
  `the right password after the burst is refused (${right.status}, Retry-After ${right.retryAfter ?? '-'})`,
);

// 2. Unknown name vs wrong password.
const wrong = await signIn(user === 'agent' ? 'dispatcher' : 'agent', 'not-the-password');
const unknown = await signIn(`no-such-user-${Date.now()}`, 'not-the-password');
verdict(
  wrong.status === unknown.status && wrong.body === unknown.body,
  `an unknown name answers like a wrong password (${wrong.status} ${wrong.body} / ${unknown.status} ${unknown.body})`,
);

// 3. Spraying fresh names, a new forged X-Forwarded-For each time.
const spray = [];
for (let i = 0; i < 25; i++) {
  const r = await signIn(`spray-${Date.now()}-${i}`, 'Password123!', forged(2000 + i));
  spray.push(r);
  if (r.status === 429) break;
}
const limited = spray.findIndex((r) => r.status === 429);
verdict(
  limited >= 0 && limited <= 20,
  limited >= 0
    ? `spraying with forged X-Forwarded-For refused after ${limited} more failures (Retry-After ${spray[limited]?.retryAfter ?? '-'})`
    : `spraying with forged X-Forwarded-For never refused (${tally(spray)})`,
);

const ok = verdicts.every(Boolean);
console.log(ok ? 'verdict: sign-in holds' : 'verdict: sign-in can be bypassed');
process.exit(ok ? 0 : 1);
