import type { z } from 'zod';
import type {
  assignVolunteerBody,
  VolunteerAssignmentDto,
  volunteerOutcomeBody,
} from '../../../common/contracts/volunteers';
import { volunteerOutcomeLabels } from '../../../common/contracts/volunteers';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor, type Actor } from '../tickets/standing';
import { appendEvent, lockTicket, type TicketRow } from '../tickets/tickets.repository';
import { requireAssigner, requireReader } from './volunteer-access';
import { presentAssignment } from './volunteers.presenter';
import {
  findAssignment,
  findVolunteer,
  insertAssignment,
  listAssignmentsOf,
  recordOutcomeRow,
} from './volunteers.repository';

/** Orders a volunteer can no longer be sent to. */
const finished = new Set(['closed', 'merged', 'not_accepted']);

/** The party an event records for the actor (center staff only reach here). */
const partyOf = (actor: Actor) => (actor.role === 'agent' ? 'agent' : 'platform');

function requireTicket(t: TicketRow | undefined): TicketRow {
  if (!t) throw new AppError('NOT_FOUND', '工单不存在');
  return t;
}

/**
 * `POST /api/tickets/:id/volunteers`: the center sends a volunteer to help with an order. It is
 * recorded on the order as an `assign-volunteer` event under the order's lock (decision 0006);
 * the order's state does not change. The event names the volunteer, never the phone.
 */
export async function assignVolunteer(
  ctx: AppContext,
  user: SessionUser,
  ticketId: number,
  body: z.output<typeof assignVolunteerBody>,
): Promise<VolunteerAssignmentDto> {
  const actor = await loadActor(ctx.db, user);
  requireAssigner(actor);
  const now = ctx.clock.now();
  const id = await withRetry(ctx.db, async (trx) => {
    const ticket = requireTicket(await lockTicket(trx, ticketId));
    if (finished.has(ticket.status)) {
      throw new AppError('TRANSITION_NOT_ALLOWED', '工单已结束，不能再指派志愿者');
    }
    const v = await findVolunteer(trx, body.volunteerId);
    if (!v || !v.active) throw new AppError('UNPROCESSABLE', '志愿者不存在或已停用');
    const assignmentId = await insertAssignment(trx, {
      ticketId,
      volunteerId: v.id,
      note: body.note ?? null,
      by: user.id,
      at: now,
    });
    await appendEvent(trx, {
      ticketId,
      at: now,
      actorUserId: user.id,
      actorUnitId: user.unitId,
      action: 'assign-volunteer',
      party: partyOf(actor),
      payload: {
        assignmentId,
        volunteerId: v.id,
        volunteerName: v.name,
        skills: v.skills,
        note: body.note ?? null,
      },
      from: ticket.status,
      to: ticket.status,
    });
    return assignmentId;
  });
  const row = await findAssignment(ctx.db, ticketId, id);
  if (!row) throw new AppError('NOT_FOUND', '指派记录不存在');
  return presentAssignment(row);
}

/**
 * `POST /api/tickets/:id/volunteers/:assignmentId/outcome`: what came of it, once; recorded on
 * the assignment and as a `record-volunteer-outcome` event (the order's state unchanged).
 */
export async function recordVolunteerOutcome(
  ctx: AppContext,
  user: SessionUser,
  ticketId: number,
  assignmentId: number,
  body: z.output<typeof volunteerOutcomeBody>,
): Promise<VolunteerAssignmentDto> {
  const actor = await loadActor(ctx.db, user);
  requireAssigner(actor);
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const ticket = requireTicket(await lockTicket(trx, ticketId));
    const a = await findAssignment(trx, ticketId, assignmentId);
    if (!a) throw new AppError('NOT_FOUND', '指派记录不存在');
    const done = await recordOutcomeRow(trx, ticketId, assignmentId, {
      outcome: body.outcome,
      note: body.note ?? null,
      by: user.id,
      at: now,
    });
    if (!done) throw new AppError('CONFLICT', '该指派已记录结果');
    await appendEvent(trx, {
      ticketId,
      at: now,
      actorUserId: user.id,
      actorUnitId: user.unitId,
      action: 'record-volunteer-outcome',
      party: partyOf(actor),
      payload: {
        assignmentId,
        volunteerName: a.volunteer_name,
        outcome: body.outcome,
        outcomeLabel: volunteerOutcomeLabels[body.outcome],
        note: body.note ?? null,
      },
      from: ticket.status,
      to: ticket.status,
    });
  });
  const row = await findAssignment(ctx.db, ticketId, assignmentId);
  if (!row) throw new AppError('NOT_FOUND', '指派记录不存在');
  return presentAssignment(row);
}

/** `GET /api/tickets/:id/volunteers`: the volunteers sent to an order (center staff). */
export async function listOrderVolunteers(
  ctx: AppContext,
  user: SessionUser,
  ticketId: number,
): Promise<{ items: VolunteerAssignmentDto[] }> {
  const actor = await loadActor(ctx.db, user);
  requireReader(actor);
  const rows = await listAssignmentsOf(ctx.db, ticketId);
  return { items: rows.map(presentAssignment) };
}
