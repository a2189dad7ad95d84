import { sql } from 'kysely';
import type { Role } from '../../../common/enums';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** The only SQL of text messages: the outbox, opt-outs and the message log. No decisions here. */

export interface NewSms {
  ticketId: number | null;
  to: string;
  audience: 'citizen' | 'staff';
  template: string;
  text: string;
  params: Record<string, string>;
  at: Date;
  /** When the first attempt may be made (after quiet hours). */
  sendAt: Date;
}

/**
 * Writes messages to the outbox in the caller's transaction. A recipient that opted out is
 * recorded as `suppressed` (never sent), in the same statement.
 */
export async function enqueueSms(trx: Trx, rows: readonly NewSms[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('sms_outbox')
    .values(
      rows.map((r) => ({
        ticket_id: r.ticketId,
        recipient: r.to,
        audience: r.audience,
        template: r.template,
        text: r.text,
        params: JSON.stringify(r.params),
        status: sql<string>`case when exists (select 1 from sms_opt_out o where o.phone = ${r.to}) then 'suppressed' else 'pending' end`,
        next_attempt_at: r.sendAt,
        created_at: r.at,
      })),
    )
    .execute();
}

/**
 * Claims due messages for one delivery pass: their next attempt is pushed `leaseMs` ahead in
 * the same statement (SKIP LOCKED), so a crashed pass or another process does not send them
 * twice at once; the pass then records each result.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number) {
  return db
    .updateTable('sms_outbox')
    .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
    .where(
      'id',
      'in',
      db
        .selectFrom('sms_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'recipient', 'template', 'text', 'params', 'attempts'])
    .execute();
}

export async function markSent(db: Db, id: number, provider: string, at: Date): Promise<void> {
  await db
    .updateTable('sms_outbox')
    .set({ status: 'sent', sent_at: at, provider, attempts: sql<number>`attempts + 1`, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(
  db: Db,
  id: number,
  r: { error: string; provider: string; nextAt: Date | null },
): Promise<void> {
  await db
    .updateTable('sms_outbox')
    .set({
      attempts: sql<number>`attempts + 1`,
      last_error: r.error.slice(0, 500),
      provider: r.provider,
      ...(r.nextAt ? { next_attempt_at: r.nextAt } : { status: 'failed' }),
    })
    .where('id', '=', id)
    .execute();
}

export function listMessages(db: Db, ticketId: number | null) {
  let q = db
    .selectFrom('sms_outbox')
    .select([
      'id',
      'ticket_id',
      'recipient',
      'template',
      'text',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
    ]);
  if (ticketId !== null) q = q.where('ticket_id', '=', ticketId);
  return q.orderBy('id', 'desc').limit(200).execute();
}

export async function addOptOut(
  db: Db,
  phone: string,
  reason: string | null,
  by: number,
  at: Date,
): Promise<void> {
  await db
    .insertInto('sms_opt_out')
    .values({ phone, reason, created_by: by, created_at: at })
    .onConflict((oc) => oc.column('phone').doNothing())
    .execute();
  // Messages still waiting for that phone are not sent either.
  await db
    .updateTable('sms_outbox')
    .set({ status: 'suppressed' })
    .where('recipient', '=', phone)
    .where('status', '=', 'pending')
    .execute();
}

export async function removeOptOut(db: Db, phone: string): Promise<boolean> {
  const r = await db.deleteFrom('sms_opt_out').where('phone', '=', phone).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * The same message to the active users of a unit with one of the roles who have a mobile
 * (INSERT … SELECT; an opted-out mobile is recorded `suppressed`). Staff messages go at once.
 */
export async function enqueueForUnitRoles(
  trx: Trx,
  m: {
    ticketId: number;
    unitId: number;
    roles: readonly Role[];
    template: string;
    text: string;
    params: Record<string, string>;
    at: Date;
  },
): Promise<void> {
  if (m.roles.length === 0) return;
  await trx
    .insertInto('sms_outbox')
    .columns([
      'ticket_id',
      'recipient',
      'audience',
      'template',
      'text',
      'params',
      'status',
      'next_attempt_at',
      'created_at',
    ])
    .expression(
      trx
        .selectFrom('app_user as u')
        .select((eb) => [
          eb.val(m.ticketId).as('ticket_id'),
          sql<string>`u.mobile`.as('recipient'),
          eb.val('staff').as('audience'),
          eb.val(m.template).as('template'),
          eb.val(m.text).as('text'),
          sql<string>`${JSON.stringify(m.params)}::jsonb`.as('params'),
          sql<string>`case when exists (select 1 from sms_opt_out o where o.phone = u.mobile) then 'suppressed' else 'pending' end`.as(
            'status',
          ),
          eb.val(m.at).as('next_attempt_at'),
          eb.val(m.at).as('created_at'),
        ])
        .where('u.unit_id', '=', m.unitId)
        .where('u.role', 'in', [...m.roles])
        .where('u.active', '=', true)
        .where('u.mobile', 'is not', null),
    )
    .execute();
}
