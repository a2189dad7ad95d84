import { z } from 'zod';
import { ticketStatusLabels, labelOf } from '../../../common/ticket-vocabulary';
import { takesReferrals, isMembershipState } from '../../domain/enterprise/membership';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import { maskName, maskPhone } from '../tickets/caller-privacy';
import { performAction } from '../tickets/perform-action';
import { loadActor } from '../tickets/standing';
import { requireAction } from './enterprise-access';
import { newUsername, vetNewAccount } from '../org/admin-org';
import { insertUser } from '../org/admin-org.repository';
import { deskOrders, enterpriseOfUser, franchiseUnit } from './enterprise-desk.repository';
import { findEnterprise } from './enterprises.repository';

/**
 * The franchise enterprise's own desk (tianjin-wuqing §36): its accounts see the e-orders
 * referred to it, with the citizen's name and phone to contact them (each read audited; a
 * confidential caller stays masked), and report back what was done; the order then waits for
 * the center's callback, whose rating makes the enterprise's stars (§35, §37).
 */

export const enterpriseAccountBody = z.object({
  username: newUsername,
  displayName: z.string().trim().min(1).max(50),
  initialPassword: z.string().min(1).max(200),
});

export const deskOrder = z.object({
  ticketId: z.number().int(),
  ticketNo: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  referredAt: z.string(),
  receivedAt: z.string(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  content: z.string(),
  demand: z.string().nullable(),
  address: z.string().nullable(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  /** The enterprise's report, once made. */
  report: z
    .object({
      result: z.string(),
      contacted: z.boolean(),
      price: z.string().nullable(),
      serviceTime: z.string().nullable(),
    })
    .nullable(),
  /** The callback's rating of the service, once called back. */
  rating: z.string().nullable(),
});
export type DeskOrder = z.infer<typeof deskOrder>;

/** The center opens an account for an approved enterprise (keepers only). */
export async function createEnterpriseAccount(
  ctx: AppContext,
  user: SessionUser,
  enterpriseId: number,
  body: z.infer<typeof enterpriseAccountBody>,
): Promise<{ id: number; username: string }> {
  const actor = await loadActor(ctx.db, user);
  const e = await findEnterprise(ctx.db, enterpriseId);
  if (!e || !isMembershipState(e.status)) throw new AppError('NOT_FOUND', '企业不存在');
  requireAction(actor, e.status, 'recommend');
  if (!takesReferrals(e.status)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '只有已加盟的企业可以开通账号');
  }
  const passwordHash = await vetNewAccount(ctx.db, body.username, body.initialPassword);
  const id = await insertUser(ctx.db, {
    username: body.username,
    displayName: body.displayName,
    role: 'enterprise',
    unitId: await franchiseUnit(ctx.db),
    enterpriseId,
    passwordHash,
  });
  await appendAudit(ctx.db, {
    ...actedBy(user, ctx.clock.now()),
    ip: user.ip ?? null,
    action: 'user-created',
    targetType: 'user',
    targetId: id,
    details: { username: body.username, role: 'enterprise', enterpriseId },
  });
  return { id, username: body.username };
}

async function myEnterprise(ctx: AppContext, user: SessionUser): Promise<number> {
  const id = user.role === 'enterprise' ? await enterpriseOfUser(ctx.db, user.id) : null;
  if (id === null) throw new AppError('FORBIDDEN', '只有加盟企业账号可以使用企业工作台');
  return id;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The e-orders referred to the signed-in enterprise, newest first (or one of them). */
export async function listDeskOrders(
  ctx: AppContext,
  user: SessionUser,
  ticketId?: number,
): Promise<DeskOrder[]> {
  const enterpriseId = await myEnterprise(ctx, user);
  const rows = await deskOrders(ctx.db, enterpriseId, ticketId);
  const out = rows.map((r): DeskOrder => {
    const report = r.report;
    return {
      ticketId: r.id,
      ticketNo: r.ticket_no,
      status: r.status,
      statusLabel: labelOf(ticketStatusLabels, r.status),
      referredAt: r.referred_at.toISOString(),
      receivedAt: r.received_at.toISOString(),
      category: r.category_code,
      categoryName: r.category_name,
      content: r.content,
      demand: r.demand,
      address: r.location_address,
      callerName: r.confidential ? maskName(r.caller_name) : r.caller_name,
      callerPhone: r.confidential ? maskPhone(r.caller_phone) : r.caller_phone,
      report: report
        ? {
            result: str(report.result) ?? '',
            contacted: report.contacted === true,
            price: str(report.price),
            serviceTime: str(report.serviceTime),
          }
        : null,
      rating: r.rating,
    };
  });
  const revealed = rows.filter((r) => !r.confidential && (r.caller_name || r.caller_phone)).map((r) => r.id);
  if (revealed.length > 0) {
    await appendAudit(ctx.db, {
      ...actedBy(user, ctx.clock.now()),
      ip: user.ip ?? null,
      action: 'read-caller',
      targetType: 'ticket',
      targetId: revealed[0] ?? null,
      details: { enterpriseId, ticketIds: revealed },
    });
  }
  return out;
}

/** The enterprise reports back (企业反馈): an action of the order's lifecycle. */
export async function reportBack(ctx: AppContext, user: SessionUser, ticketId: number, body: unknown) {
  await myEnterprise(ctx, user);
  return performAction(ctx, user, ticketId, 'report-referral', body);
}
