import type { Role } from '../../../common/enums';
import { AppError } from '../../platform/errors';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { appendAudit } from '../audit/audit';
import { findUserByUsername, insertSession, recordLoginResult } from './auth.repository';
import { hashToken, newToken, verifyPassword } from './password';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: { id: number; username: string; displayName: string; role: Role; unitId: number; mustChangePassword: boolean };
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string | null = null,
): Promise<LoginResult> {
  // Sessions and lockouts run on real time, never on the training/test clock.
  const now = systemClock.now();
  const user = await findUserByUsername(ctx.db, input.username);
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    appendAudit(ctx.db, { at: now, actorUserId: user?.id ?? null, actorUsername: input.username.slice(0, 100), action, ip, details });
  if (!user || !user.active) {
    await audit('login-failed', { reason: user ? 'inactive' : 'unknown-user' });
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (user.locked_until && user.locked_until > now) {
    await audit('login-refused', { reason: 'locked' });
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${fmtLocal(user.locked_until)}`);
  }
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lockUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await recordLoginResult(ctx.db, user.id, false, lockUntil);
    await audit('login-failed', { reason: 'wrong-password', failures, locked: lockUntil !== null });
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  await recordLoginResult(ctx.db, user.id, true, null);
  await audit('login');
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
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
