import crypto from 'node:crypto';
import type { Role } from '../../../common/enums';
import { formatServiceTime } from '../../../common/service-time';
import { AppError } from '../../platform/errors';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { appendAudit } from '../audit/audit';
import { findUserByUsername, insertSession } from './auth.repository';
import { hashToken, newToken, verifyPassword } from './password';
import {
  concludeAccountFailure,
  concludeAccountSuccess,
  concludeUnknownNameFailure,
  pruneSignInGuard,
  releaseAddressAttempt,
  reserveAccountAttempt,
  reserveAddressAttempt,
  reserveUnknownNameAttempt,
  type NameLimits,
  type Reservation,
} from './sign-in-guard.repository';

/** Sign-in policy (docs/SECURITY.md, GB/T 22239-2019 8.1.4.1 b). */
export const SIGN_IN_POLICY = {
  /** Failed attempts on one name that lock it … */
  maxFailures: 5,
  /** … for this long. */
  lockMinutes: 15,
  /** Failures older than this (with no lock in force) are forgotten. */
  forgetHours: 24,
  /** Failed attempts from one client address within one window … */
  addressMaxFailures: 20,
  /** … of this length (fixed windows) refuse the address until the window ends. */
  addressWindowMinutes: 15,
} as const;

/**
 * Checked instead of a stored hash when the name is no account, so that an unknown name costs
 * the same scrypt work as a wrong password (same parameters as `hashPassword`; the password
 * behind it was random and thrown away).
 */
const DUMMY_HASH = 'scrypt$32768$8$1$RRhn1rVTD6FZMxXM4I43Jg==$bfUfV5bailGYPOm8XlwkAMR3SGVxn3ZXddOg9yieEOA=';

const INVALID = '用户名或密码错误';

/** A refusal that tells the client when to try again (`Retry-After`). */
export class SignInRefused extends AppError {
  readonly retryAfterSeconds: number;
  constructor(code: 'RATE_LIMITED' | 'ACCOUNT_LOCKED', message: string, retryAfterSeconds: number) {
    super(code, message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: {
    id: number;
    username: string;
    displayName: string;
    role: Role;
    unitId: number;
    mustChangePassword: boolean;
  };
}

const digest = (purpose: string, value: string) =>
  crypto.createHash('sha256').update(`${purpose}:${value}`).digest('hex');

export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string | null = null,
): Promise<LoginResult> {
  // Sessions and lockouts run on real time, never on the training/test clock.
  const now = systemClock.now();
  const p = SIGN_IN_POLICY;
  const audit = (actorUserId: number | null, action: string, details: Record<string, unknown> = {}) =>
    appendAudit(ctx.db, {
      at: now,
      actorUserId,
      actorUsername: input.username.slice(0, 100),
      action,
      ip,
      details,
    });

  // 1. The client address: one failure slot of its window, taken before anything is checked.
  const addressHash = digest('sign-in-address', ip ?? 'unknown');
  const windowMs = p.addressWindowMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  if (!(await reserveAddressAttempt(ctx.db, addressHash, windowStart, p.addressMaxFailures))) {
    await audit(null, 'login-refused', { reason: 'address-limited' });
    throw new SignInRefused(
      'RATE_LIMITED',
      '登录失败次数过多，请稍后再试',
      (windowStart.getTime() + windowMs - now.getTime()) / 1000,
    );
  }

  // 2. The name: an account or not, one attempt reserved atomically (or refused as locked).
  const limits: NameLimits = {
    maxFailures: p.maxFailures,
    now,
    lockUntil: new Date(now.getTime() + p.lockMinutes * 60_000),
    forgetBefore: new Date(now.getTime() - p.forgetHours * 3_600_000),
  };
  const user = await findUserByUsername(ctx.db, input.username);
  const nameHash = digest('sign-in-name', input.username);
  const reservation: Reservation = user
    ? await reserveAccountAttempt(ctx.db, user.id, limits)
    : await reserveUnknownNameAttempt(ctx.db, nameHash, limits);
  const refuseLocked = async (lockedUntil: Date | null): Promise<never> => {
    await releaseAddressAttempt(ctx.db, addressHash, windowStart);
    await audit(user?.id ?? null, 'login-refused', { reason: 'locked' });
    const until = lockedUntil ?? limits.lockUntil;
    throw new SignInRefused(
      'ACCOUNT_LOCKED',
      `连续登录失败次数过多，账号已锁定至 ${fmtLocal(until)}`,
      (until.getTime() - now.getTime()) / 1000,
    );
  };
  if (!reservation.reserved) return refuseLocked(reservation.lockedUntil);

  // 3. The password: the same scrypt work for every name.
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) {
    const lockedUntil = user
      ? await concludeAccountFailure(ctx.db, user.id, limits)
      : await concludeUnknownNameFailure(ctx.db, nameHash, limits);
    const reason = !user ? 'unknown-user' : !user.active ? 'inactive' : 'wrong-password';
    await audit(user?.id ?? null, 'login-failed', {
      reason,
      failures: reservation.failures,
      locked: lockedUntil !== null,
    });
    throw new AppError('INVALID_CREDENTIALS', INVALID);
  }

  // 4. A right password wins only if no concurrent failures locked the account meanwhile.
  const success = await concludeAccountSuccess(ctx.db, user.id, now);
  if (!success.cleared) return refuseLocked(success.lockedUntil);
  await releaseAddressAttempt(ctx.db, addressHash, windowStart);
  await pruneSignInGuard(ctx.db, limits.forgetBefore, now);
  await audit(user.id, 'login');
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ctx.env.CIVICLINE_TOKEN_TTL_HOURS * 3_600_000);
  await insertSession(ctx.db, { userId: user.id, tokenHash: hashToken(token), now, expiresAt });
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      unitId: user.unit_id,
      mustChangePassword: user.must_change_password,
    },
  };
}

function fmtLocal(d: Date): string {
  return formatServiceTime(d, 'minute');
}
