import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';

/**
 * The portal's bot check: an ALTCHA proof of work (the browser finds a number whose SHA-256 with
 * the salt matches), signed with an HMAC key, valid for 10 minutes, accepted once per process.
 * It needs no outside service. The key is CIVICLINE_CHALLENGE_KEY, or a random key kept in
 * DATA_DIR/.challenge-key (shared by the processes of one host).
 */
const VALID_MS = 10 * 60_000;

const keys = new Map<string, string>();

export function challengeKey(ctx: AppContext): string {
  if (ctx.env.CIVICLINE_CHALLENGE_KEY) return ctx.env.CIVICLINE_CHALLENGE_KEY;
  const file = path.resolve(ctx.env.DATA_DIR, '.challenge-key');
  let key = keys.get(file);
  if (key) return key;
  try {
    key = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process wrote it first: read theirs.
    }
    key = fs.readFileSync(file, 'utf8').trim();
  }
  keys.set(file, key);
  return key;
}

export function newChallenge(ctx: AppContext) {
  return createChallenge({
    hmacKey: challengeKey(ctx),
    maxNumber: ctx.env.CIVICLINE_CHALLENGE_MAX,
    // Real time: the test clock moves orders, not the validity of a form.
    expires: new Date(Date.now() + VALID_MS),
  });
}

/** Per database (one in service; one per test database), this process's memory of submissions. */
function stateOf<T>(states: WeakMap<Db, Map<string, T>>, ctx: AppContext): Map<string, T> {
  let state = states.get(ctx.db);
  if (!state) states.set(ctx.db, (state = new Map<string, T>()));
  return state;
}

/** Submissions without a solution per client address in the current hour (this process). */
const freeSubmissions = new WeakMap<Db, Map<string, { hour: number; n: number }>>();

/**
 * The bot check of a submission: a solved challenge when one is sent (checked, used once); without
 * one, only the first CIVICLINE_PORTAL_CHALLENGE_FREE submissions of a client address in an hour.
 */
export async function checkSubmission(
  ctx: AppContext,
  payload: string | undefined,
  ip: string,
): Promise<void> {
  if (payload) return checkSolution(ctx, payload);
  const free = stateOf(freeSubmissions, ctx);
  const hour = Math.floor(Date.now() / 3_600_000);
  if (free.size > 10_000) for (const [k, v] of free) if (v.hour !== hour) free.delete(k);
  const seen = free.get(ip);
  const n = seen && seen.hour === hour ? seen.n : 0;
  if (n >= ctx.env.CIVICLINE_PORTAL_CHALLENGE_FREE) {
    throw new AppError('CHALLENGE_FAILED', '请先完成人机验证');
  }
  free.set(ip, { hour, n: n + 1 });
}

/** Signatures already used, until they expire (a solution is good for one request). */
const usedSignatures = new WeakMap<Db, Map<string, number>>();

export async function checkSolution(ctx: AppContext, payload: string | undefined): Promise<void> {
  if (!payload) throw new AppError('CHALLENGE_FAILED', '请先完成人机验证');
  let ok = false;
  let signature = '';
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: string };
    signature = String(decoded.signature ?? '');
    ok = await verifySolution(payload, challengeKey(ctx), true);
  } catch {
    ok = false;
  }
  const now = Date.now();
  const used = stateOf(usedSignatures, ctx);
  for (const [s, until] of used) if (until < now) used.delete(s);
  if (!ok || used.has(signature)) throw new AppError('CHALLENGE_FAILED', '人机验证未通过或已失效，请重试');
  const expires = Number(extractParams(payload).expires ?? 0) * 1000;
  used.set(signature, expires > now ? expires : now + VALID_MS);
}
