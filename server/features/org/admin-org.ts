import { z } from 'zod';
import { roles, unitKinds } from '../../../common/enums';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { appendAudit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import {
  findUnitActive,
  findUnitRow,
  findUserRow,
  insertUser,
  listUsersWithUnits,
  revokeUserSessions,
  unitCodeTaken,
  unitHasOpenAssignment,
  updateUnitRow,
  updateUserRow,
  usernameTaken,
} from './admin-org.repository';
import { insertUnit } from './org.repository';

/** Administration of units and users. Every change is written to the audit log. */

/** A new account's username: 3-32 lower-case letters, digits, dots, underscores or hyphens. */
export const newUsername = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为 3-32 位小写字母、数字、点、下划线或连字符');

export const createUserBody = z.object({
  username: newUsername,
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(roles),
  unitId: z.number().int().positive(),
  initialPassword: z.string().min(1).max(200),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(roles).optional(),
  unitId: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  /** The mobile that receives the unit's text messages and emergency pages; null clears it. */
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确')
    .nullable()
    .optional(),
});

export const createUnitBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, '单位编码为 2-32 位字母、数字、下划线或连字符'),
  name: z.string().trim().min(2).max(100),
  kind: z.enum(unitKinds),
  parentId: z.number().int().positive(),
  region: z.string().trim().max(50).optional(),
  duties: z
    .array(z.string().regex(/^\d{2,6}$/))
    .max(50)
    .default([]),
  phone: z.string().trim().max(40).optional(),
  dutyContact: z.string().trim().max(100).optional(),
});

export const updateUnitBody = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  region: z.string().trim().max(50).nullable().optional(),
  duties: z
    .array(z.string().regex(/^\d{2,6}$/))
    .max(50)
    .optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  dutyContact: z.string().trim().max(100).nullable().optional(),
  active: z.boolean().optional(),
});

const audit = (
  ctx: AppContext,
  admin: SessionUser,
  action: string,
  targetType: string,
  targetId: number | string,
  details: Record<string, unknown>,
) =>
  appendAudit(ctx.db, {
    at: systemClock.now(),
    actorUserId: admin.id,
    actorUsername: admin.username,
    ip: admin.ip ?? null,
    action,
    targetType,
    targetId,
    details,
  });

export function listUsers(ctx: AppContext) {
  return listUsersWithUnits(ctx.db);
}

async function requireUnit(ctx: AppContext, unitId: number) {
  const unit = await findUnitActive(ctx.db, unitId);
  if (!unit || !unit.active) throw new AppError('VALIDATION_FAILED', `单位 ${unitId} 不存在或已停用`);
}

/**
 * Checks a new account's first password (the password policy) and that its username is free;
 * returns the hash to store.
 */
export async function vetNewAccount(db: Db, username: string, initialPassword: string): Promise<string> {
  const problem = passwordProblem(initialPassword, username);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  if (await usernameTaken(db, username)) {
    throw new AppError('CONFLICT', `用户名 ${username} 已存在`);
  }
  return hashPassword(initialPassword);
}

export async function createUser(ctx: AppContext, admin: SessionUser, body: z.infer<typeof createUserBody>) {
  await requireUnit(ctx, body.unitId);
  const passwordHash = await vetNewAccount(ctx.db, body.username, body.initialPassword);
  const id = await insertUser(ctx.db, {
    username: body.username,
    displayName: body.displayName,
    role: body.role,
    unitId: body.unitId,
    passwordHash,
  });
  await audit(ctx, admin, 'user-created', 'user', id, {
    username: body.username,
    role: body.role,
    unitId: body.unitId,
  });
  return id;
}

export async function updateUser(
  ctx: AppContext,
  admin: SessionUser,
  id: number,
  body: z.infer<typeof updateUserBody>,
) {
  const before = await findUserRow(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', '用户不存在');
  if (id === admin.id && (body.active === false || (body.role && body.role !== 'admin'))) {
    throw new AppError('VALIDATION_FAILED', '不能停用自己或取消自己的管理员角色');
  }
  if (body.unitId) await requireUnit(ctx, body.unitId);
  if (Object.values(body).every((v) => v === undefined)) {
    throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
  }
  await updateUserRow(ctx.db, id, {
    ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
    ...(body.role !== undefined ? { role: body.role } : {}),
    ...(body.unitId !== undefined ? { unit_id: body.unitId } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
    ...(body.mobile !== undefined ? { mobile: body.mobile } : {}),
  });
  if (body.active === false || body.role !== undefined || body.unitId !== undefined) {
    // A changed role or unit takes effect at the next sign-in; a deactivated user is signed out now.
    await revokeUserSessions(ctx.db, id, systemClock.now());
  }
  await audit(ctx, admin, 'user-updated', 'user', id, {
    before: {
      displayName: before.display_name,
      role: before.role,
      unitId: before.unit_id,
      active: before.active,
    },
    after: { ...body, ...(body.mobile ? { mobile: `*******${body.mobile.slice(-4)}` } : {}) },
  });
}

export async function resetPassword(
  ctx: AppContext,
  admin: SessionUser,
  id: number,
  temporaryPassword: string,
) {
  const user = await findUserRow(ctx.db, id);
  if (!user) throw new AppError('NOT_FOUND', '用户不存在');
  const problem = passwordProblem(temporaryPassword, user.username);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  await updateUserRow(ctx.db, id, {
    password_hash: await hashPassword(temporaryPassword),
    must_change_password: true,
    failed_logins: 0,
    locked_until: null,
  });
  await revokeUserSessions(ctx.db, id, systemClock.now());
  await audit(ctx, admin, 'password-reset', 'user', id, { username: user.username });
}

export async function createUnit(ctx: AppContext, admin: SessionUser, body: z.infer<typeof createUnitBody>) {
  await requireUnit(ctx, body.parentId);
  if (await unitCodeTaken(ctx.db, body.code)) throw new AppError('CONFLICT', `单位编码 ${body.code} 已存在`);
  const isPlatform = body.kind === 'center' || body.kind === 'sub-platform';
  const { id } = await insertUnit(ctx.db, {
    code: body.code,
    name: body.name,
    kind: body.kind,
    parentId: body.parentId,
    region: body.region ?? null,
    isPlatform,
    duties: body.duties,
    phone: body.phone ?? null,
  });
  if (body.dutyContact) {
    await updateUnitRow(ctx.db, id, { duty_contact: body.dutyContact });
  }
  await audit(ctx, admin, 'unit-created', 'unit', id, {
    code: body.code,
    name: body.name,
    kind: body.kind,
    parentId: body.parentId,
  });
  return id;
}

export async function updateUnit(
  ctx: AppContext,
  admin: SessionUser,
  id: number,
  body: z.infer<typeof updateUnitBody>,
) {
  const before = await findUnitRow(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', '单位不存在');
  if (Object.values(body).every((v) => v === undefined)) {
    throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
  }
  if (body.active === false) {
    if (await unitHasOpenAssignment(ctx.db, id)) {
      throw new AppError('VALIDATION_FAILED', '该单位仍有在办工单，不能停用');
    }
  }
  await updateUnitRow(ctx.db, id, {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.region !== undefined ? { region: body.region } : {}),
    ...(body.duties !== undefined ? { duty_categories: body.duties } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    ...(body.dutyContact !== undefined ? { duty_contact: body.dutyContact } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
  });
  await audit(ctx, admin, 'unit-updated', 'unit', id, {
    before: {
      name: before.name,
      region: before.region,
      duties: before.duty_categories,
      phone: before.phone,
      active: before.active,
    },
    after: body,
  });
}
