import type { CreateTicketBody } from '../../../common/contracts/tickets';
import { formatDay, localDay } from '../../domain/calendar';
import { segmentForIndex } from '../../domain/kb/segment';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { checkComplainedUnit } from './complained-party';
import { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyClaim } from './idempotency';
import { stageRowsOf } from '../../domain/ticket/order-deadlines';
import type { Order } from '../../domain/ticket/order';
import {
  insertIntake,
  intakeReferences,
  laterOrderColumns,
  takeTicketNo,
  type FirstEventRow,
  type NewOrderRow,
} from './intake.repository';
import type { Trx } from './tickets.repository';
import { enqueueCreated } from '../webhooks/outbox';
import { lshKeys } from '../../domain/similar/shingles';
import { superviseRepeatCalls } from '../supervision/repeat-calls';
import { checkNumberComplaint } from '../service-numbers/number-complaints';
import { linkOrderToCall } from '../cti/order-call';
import { newTrackingCode, onIntake, trackingCodeHash } from '../messages/compose';

const intakeRoles = ['agent', 'dispatcher', 'admin'] as const;

/**
 * Intake (受理) [zibo §10; beijing-miyun §6, §15]: records the request and, by disposition,
 * opens a work order to dispatch, records a direct answer, or records a not-accepted request
 * with the reason and the channel to use instead.
 */
export async function createTicket(
  ctx: AppContext,
  user: SessionUser,
  body: CreateTicketBody,
  opts: IntakeOptions = {},
): Promise<number> {
  if (!(intakeRoles as readonly string[]).includes(user.role)) {
    throw new AppError('FORBIDDEN', '只有话务员、派单员可以登记工单');
  }
  return (await recordIntake(ctx, { id: user.id, unitId: user.unitId, party: 'agent' }, body, opts)).id;
}

/**
 * Who takes an intake: a clerk at the desk, or nobody (`id` and `unitId` null) for a citizen's own
 * request on the portal, which enters the intake of the center (the first center unit).
 */
export interface IntakeActor {
  id: number | null;
  unitId: number | null;
  party: 'agent' | 'citizen';
  /** Recorded on the intake event (e.g. the portal's screening hints for the dispatcher). */
  note?: Record<string, unknown>;
}

export interface IntakeOptions {
  idempotency?: IdempotencyClaim;
  /** More writes of the caller in the intake's transaction (an order received by exchange, an Open311 request's fields). */
  within?: (trx: Trx, ticketId: number, ticketNo: string) => Promise<void>;
}

/** The intake itself; the order's id, number and the citizen's tracking code (given once). */
export async function recordIntake(
  ctx: AppContext,
  actor: IntakeActor,
  body: CreateTicketBody,
  opts: IntakeOptions = {},
): Promise<{ id: number; ticketNo: string; trackingCode: string }> {
  const now = ctx.clock.now();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', '受理时间不能晚于当前时间', [
      { path: '/receivedAt', message: 'in the future' },
    ]);
  }
  if (body.complainedUnitId) await checkComplainedUnit(ctx.db, body.complainedUnitId);
  const numberComplaint =
    body.serviceNumberId !== undefined && body.numberComplaintKind !== undefined
      ? await checkNumberComplaint(ctx, {
          serviceNumberId: body.serviceNumberId,
          kind: body.numberComplaintKind,
          category: body.category,
        })
      : null;
  const category = numberComplaint ? (numberComplaint.category ?? undefined) : body.category;
  const refs = await intakeReferences(ctx.db, { unitId: actor.unitId, category });
  if (category && !refs.category) {
    throw new AppError('VALIDATION_FAILED', `问题分类 ${category} 不存在`, [
      { path: '/category', message: 'unknown' },
    ]);
  }
  if (category && !refs.category?.active) {
    throw new AppError('VALIDATION_FAILED', `问题分类 ${category} 已停用，请选择其他分类`, [
      { path: '/category', message: 'disabled' },
    ]);
  }
  const platformUnitId = refs.unit?.is_platform ? refs.unit.id : refs.centerId;
  if (platformUnitId === null) throw new Error('no hotline center');

  const status =
    body.disposition === 'direct-answer'
      ? 'answered'
      : body.disposition === 'not-accepted'
        ? 'not_accepted'
        : 'pending_dispatch';
  const action =
    body.disposition === 'direct-answer'
      ? 'direct-answer'
      : body.disposition === 'not-accepted'
        ? 'intake-not-accept'
        : 'create';
  const closed = status !== 'pending_dispatch';

  // The day's number, taken outside the order's transaction so that no intake waits for another
  // one's commit (decision 0011); the citizen's tracking code: only its hash is stored.
  const ticketNo = await takeTicketNo(ctx.db, formatDay(localDay(now)));
  const trackingCode = newTrackingCode();
  const id = refs.newId;
  const contentTokens = segmentForIndex(`${body.content} ${body.demand ?? ''}`);
  const row: NewOrderRow = {
    id,
    ticket_no: ticketNo,
    status,
    channel: body.channel,
    type: body.type,
    category_code: category ?? null,
    urgency: body.urgency,
    source_level: body.level,
    caller_name: body.caller.name ?? null,
    caller_phone: body.caller.phone ?? null,
    caller_address: body.caller.address ?? null,
    confidential: body.caller.confidential,
    location_address: body.location.address ?? null,
    location_region: body.location.region ?? null,
    content: body.content,
    demand: body.demand ?? null,
    channel_ref: body.channelRef ?? null,
    tags: body.tags,
    complex: body.complex,
    answer: body.answer ?? null,
    not_accepted_reason: body.notAcceptedReason ?? null,
    suggested_channel: body.suggestedChannel ?? null,
    complained_unit_id: body.complainedUnitId ?? null,
    complained_person: body.complainedPerson || null,
    service_number_id: body.serviceNumberId ?? null,
    tracking_code_hash: trackingCodeHash(trackingCode),
    number_complaint_kind: body.numberComplaintKind ?? null,
    platform_unit_id: platformUnitId,
    ...laterOrderColumns,
    profile_id: ctx.rules.profile.id,
    profile_version: ctx.rules.profile.version,
    calendar_version: ctx.rules.calendarVersion,
    received_at: receivedAt,
    dispatched_at: null,
    replied_at: null,
    callback_at: null,
    closed_at: closed ? now : null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    // Segmented once for the knowledge base's similar-cases search; keyed for similar orders.
    content_tokens: contentTokens,
    similar_keys: lshKeys(body.content),
  };
  const event: FirstEventRow = {
    ticket_id: id,
    seq: 1,
    at: now,
    actor_user_id: actor.id,
    actor_unit_id: actor.unitId,
    action,
    party: actor.party,
    payload: {
      channel: body.channel,
      type: body.type,
      ...(body.answer ? { answer: body.answer } : {}),
      ...(body.knowledgeArticleId ? { knowledgeArticleId: body.knowledgeArticleId } : {}),
      ...(body.complainedUnitId ? { complainedUnitId: body.complainedUnitId } : {}),
      ...(body.complainedPerson ? { complainedPerson: body.complainedPerson } : {}),
      ...(numberComplaint
        ? {
            serviceNumberId: body.serviceNumberId,
            numberComplaintKind: body.numberComplaintKind,
            numberUnitId: numberComplaint.unitId,
          }
        : {}),
      ...(body.notAcceptedReason
        ? { reason: body.notAcceptedReason, suggestedChannel: body.suggestedChannel ?? null }
        : {}),
      ...actor.note,
    },
    from_status: null,
    to_status: status,
  };
  // A new order's stage deadlines and light, from what is about to be written.
  const order = { ...row, version: 1, redo_count: 0 } as Order;
  const first = { at: now, action, payload: event.payload };
  const { rows: deadlines, summary } = stageRowsOf(ctx.rules, order, [], [first], now);

  // Run again whole if PostgreSQL aborts it as a deadlock victim (decision 0006).
  return withRetry(ctx.db, async (trx) => {
    if (opts.idempotency) await claimIdempotencyKey(trx, opts.idempotency, now);
    const stored = await insertIntake(trx, { order: { ...row, ...summary }, event, deadlines });
    await enqueueCreated(trx, id, now);
    if (actor.id !== null) {
      await linkOrderToCall(trx, {
        ticketId: id,
        callId: body.callId || undefined,
        agentUserId: actor.id,
        channel: body.channel,
        at: now,
      });
    }
    if (!closed) await superviseRepeatCalls(trx, ctx.rules, id, now, stored);
    // The citizen's message (order number and tracking code), with the intake.
    await onIntake(ctx, trx, {
      ticketId: id,
      ticketNo,
      trackingCode,
      callerPhone: body.caller.phone ?? null,
      now,
    });
    if (opts.within) await opts.within(trx, id, ticketNo);
    if (opts.idempotency) await completeIdempotencyKey(trx, opts.idempotency, id);
    return { id, ticketNo, trackingCode };
  });
}
