import { timingSafeEqual } from 'node:crypto';
import type { PublicRequestStatus } from '../../../common/contracts/portal';
import type { TicketStatus } from '../../../common/ticket-vocabulary';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { countAttachments } from '../attachments/attachments.repository';
import { maskPersonalData } from '../kb/privacy';
import { trackingCodeHash } from '../messages/compose';
import {
  findCitizenRating,
  findPublicOrder,
  publicEvents,
  ticketNoOf,
  type PublicOrderRow,
} from './portal.repository';

/** The status in the citizen's words: the center's internal steps (review) are not shown apart. */
const publicStatusLabels: Record<TicketStatus, string> = {
  pending_dispatch: '已受理，待转办',
  dispatched: '办理中',
  in_progress: '办理中',
  replied: '办理中',
  suspended: '办理中',
  referred: '办理中',
  pending_callback: '已答复，待回访',
  unsatisfied: '已答复，复核中',
  appealed: '已答复，复核中',
  closed: '已办结',
  answered: '已当场答复',
  not_accepted: '不予受理',
  merged: '已合并办理',
};

/** The steps a citizen sees, by action; every other event stays internal. */
const milestones: Record<string, string> = {
  create: '诉求已受理',
  'direct-answer': '诉求已受理并当场答复',
  'intake-not-accept': '诉求不予受理',
  dispatch: '已转交承办单位办理',
  accept: '承办单位已签收',
  'report-progress': '承办单位报告办理进展',
  'approve-extension': '办理时限已延长',
  suspend: '暂停办理，待确定承办单位',
  resume: '恢复办理',
  'approve-reply': '承办单位已答复',
  'record-callback': '已回访',
  redo: '重新办理',
  'not-accept': '诉求不予受理',
  merge: '与同一事项合并办理',
  close: '已办结',
  'uphold-appeal': '已办结',
};

const RATEABLE: readonly string[] = ['pending_callback', 'closed', 'unsatisfied', 'appealed', 'answered'];

/**
 * The order a number and tracking code name; a wrong code and an unknown number are the same
 * NOT_FOUND (no oracle for guessing numbers).
 */
export async function orderByCode(ctx: AppContext, ticketNo: string, code: string): Promise<PublicOrderRow> {
  const row = await findPublicOrder(ctx.db, ticketNo.trim());
  const given = Buffer.from(trackingCodeHash(code), 'hex');
  const stored = row?.tracking_code_hash ? Buffer.from(row.tracking_code_hash, 'hex') : null;
  if (!row || !stored || stored.length !== given.length || !timingSafeEqual(stored, given)) {
    throw new AppError('NOT_FOUND', '工单号或查询码不正确');
  }
  return row;
}

const isoOrNull = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const iso = (d: Date | string) => new Date(d).toISOString();

/** The reply the citizen may read: the approved one, the direct answer, or why it was not accepted. */
async function replyOf(
  ctx: AppContext,
  row: PublicOrderRow,
  events: Awaited<ReturnType<typeof publicEvents>>,
) {
  if (row.status === 'answered' && row.answer) return { text: row.answer, at: iso(row.received_at) };
  let pending: { text: string; at: string } | null = null;
  let approved: { text: string; at: string } | null = null;
  let refusal: { text: string; at: string } | null = null;
  for (const e of events) {
    const p = e.payload ?? {};
    if (e.action === 'reply' && typeof p.result === 'string') pending = { text: p.result, at: iso(e.at) };
    if (e.action === 'reject-reply') pending = null;
    if (e.action === 'approve-reply' && pending) approved = { text: pending.text, at: iso(e.at) };
    if (e.action === 'not-accept' || e.action === 'intake-not-accept') {
      const reason = typeof p.reason === 'string' ? p.reason : (row.not_accepted_reason ?? '');
      const channel = typeof p.suggestedChannel === 'string' ? p.suggestedChannel : row.suggested_channel;
      refusal = { text: `不予受理：${reason}${channel ? `。建议您通过${channel}反映` : ''}`, at: iso(e.at) };
    }
  }
  if (row.status === 'not_accepted') return refusal;
  if (row.status === 'merged' && row.merged_into_id !== null) {
    const target = await ticketNoOf(ctx.db, row.merged_into_id);
    return {
      text: `您反映的问题与工单 ${target?.ticket_no ?? ''} 为同一事项，已合并办理。`,
      at: iso(row.closed_at ?? row.received_at),
    };
  }
  return approved && RATEABLE.includes(row.status) ? approved : null;
}

export async function trackPublicRequest(
  ctx: AppContext,
  ticketNo: string,
  code: string,
): Promise<PublicRequestStatus> {
  const row = await orderByCode(ctx, ticketNo, code);
  const events = await publicEvents(ctx.db, row.id);
  const reply = await replyOf(ctx, row, events);
  const rating = await findCitizenRating(ctx.db, row.id);
  const status = row.status as TicketStatus;
  return {
    ticketNo: row.ticket_no,
    type: row.type as PublicRequestStatus['type'],
    status,
    statusLabel: publicStatusLabels[status] ?? '办理中',
    receivedAt: iso(row.received_at),
    dispatchedAt: isoOrNull(row.dispatched_at),
    repliedAt: reply ? reply.at : null,
    closedAt: isoOrNull(row.closed_at),
    unitName: row.unit_name,
    // A reply may name people's numbers or ID numbers: masked as in similar cases.
    reply: reply && { text: maskPersonalData(reply.text), at: reply.at },
    timeline: events
      .filter((e) => milestones[e.action])
      .map((e) => ({ at: iso(e.at), label: milestones[e.action] ?? '' })),
    photos: await countAttachments(ctx.db, row.id, 'portal'),
    rating: rating ? { rating: rating.rating, at: iso(rating.created_at) } : null,
    canRate: !rating && reply !== null && RATEABLE.includes(status),
  };
}
