import { sql } from 'kysely';
import type { Role } from '../../../common/enums';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** The only SQL of notifications, stream tickets, duty rosters and pages. No decisions here. */

export interface NewNotification {
  kind: string;
  ticketId: number | null;
  title: string;
  body?: string | null;
  at: Date;
}

/** One notification to every active user of the units (all roles, or only `roles`), in one statement (INSERT … SELECT). */
export async function notifyUnits(
  trx: Trx,
  unitIds: readonly number[],
  n: NewNotification,
  roles?: readonly Role[],
): Promise<number> {
  if (unitIds.length === 0) return 0;
  let q = trx
    .selectFrom('app_user')
    .select((eb) => [
      'id',
      eb.val(n.kind).as('kind'),
      eb.val(n.ticketId).as('ticket_id'),
      eb.val(n.title).as('title'),
      eb.val(n.body ?? null).as('body'),
      eb.val(n.at).as('created_at'),
    ])
    .where('unit_id', 'in', [...unitIds])
    .where('active', '=', true)
    .where('role', '!=', 'enterprise');
  if (roles) q = q.where('role', 'in', [...roles]);
  const r = await trx
    .insertInto('notification')
    .columns(['user_id', 'kind', 'ticket_id', 'title', 'body', 'created_at'])
    .expression(q)
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** One notification to each of the given users. */
export async function notifyUsers(trx: Trx, userIds: readonly number[], n: NewNotification): Promise<void> {
  if (userIds.length === 0) return;
  await trx
    .insertInto('notification')
    .values(
      [...new Set(userIds)].map((id) => ({
        user_id: id,
        kind: n.kind,
        ticket_id: n.ticketId,
        title: n.title,
        body: n.body ?? null,
        created_at: n.at,
      })),
    )
    .execute();
}

export function listNotifications(db: Db, userId: number, limit: number, before: number | null) {
  let q = db
    .selectFrom('notification')
    .select(['id', 'kind', 'ticket_id', 'title', 'body', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (before !== null) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Unread counts and the newest id of each of the users (the streams' watcher). */
export function unreadStates(db: Db, userIds: readonly number[]) {
  return db
    .selectFrom('notification')
    .select((eb) => [
      'user_id',
      eb.fn.max('id').as('last'),
      sql<number>`count(*) filter (where read_at is null)`.as('unread'),
    ])
    .where('user_id', 'in', [...userIds])
    .groupBy('user_id')
    .execute();
}

export async function markRead(db: Db, userId: number, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAllRead(db: Db, userId: number, at: Date): Promise<number> {
  const r = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertStreamTicket(
  db: Db,
  hash: string,
  userId: number,
  expiresAt: Date,
): Promise<void> {
  await db.deleteFrom('stream_ticket').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('stream_ticket')
    .values({ token_hash: hash, user_id: userId, expires_at: expiresAt })
    .execute();
}

/** Takes a stream ticket once: deleted as it is read; expired ones open nothing. */
export async function takeStreamTicket(db: Db, hash: string, now: Date): Promise<number | null> {
  const r = await db
    .deleteFrom('stream_ticket')
    .where('token_hash', '=', hash)
    .returning(['user_id', 'expires_at'])
    .executeTakeFirst();
  if (!r || r.expires_at.getTime() <= now.getTime()) return null;
  return r.user_id;
}

/** Active users of the units with one of the roles. */
export function usersOfUnits(trx: Trx, unitIds: readonly number[], roles: readonly Role[]) {
  if (unitIds.length === 0 || roles.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('app_user')
    .select(['id', 'unit_id', 'mobile'])
    .where('unit_id', 'in', [...unitIds])
    .where('role', 'in', [...roles])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** The center's active users with one of the roles (the center units: kind `center`). */
export function centerUsers(trx: Trx, roles: readonly Role[]) {
  return trx
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.unit_id')
    .select(['u.id', 'u.unit_id', 'u.mobile'])
    .where('o.kind', '=', 'center')
    .where('u.role', 'in', [...roles])
    .where('u.active', '=', true)
    .orderBy('u.id')
    .execute();
}

export function userById(trx: Trx, id: number) {
  return trx
    .selectFrom('app_user')
    .select(['id', 'unit_id', 'mobile', 'role', 'active', 'display_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function dutyLeaderOn(trx: Trx, day: string) {
  return trx
    .selectFrom('duty_roster as d')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .select(['u.id', 'u.unit_id', 'u.mobile'])
    .where('d.day', '=', day)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function setDuty(db: Db, day: string, userId: number, by: number, at: Date): Promise<void> {
  await db
    .insertInto('duty_roster')
    .values({ day, user_id: userId, set_by: by, set_at: at })
    .onConflict((oc) => oc.column('day').doUpdateSet({ user_id: userId, set_by: by, set_at: at }))
    .execute();
}

export function listDuty(db: Db, from: string, to: string) {
  return db
    .selectFrom('duty_roster as d')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .select(['d.day', 'd.user_id', 'u.display_name'])
    .where('d.day', '>=', from)
    .where('d.day', '<=', to)
    .orderBy('d.day')
    .execute();
}

export async function insertPages(
  trx: Trx,
  rows: { ticketId: number; userId: number; level: number; at: Date; escalateAt: Date }[],
): Promise<{ id: number; user_id: number }[]> {
  if (rows.length === 0) return [];
  return trx
    .insertInto('page')
    .values(
      rows.map((r) => ({
        ticket_id: r.ticketId,
        user_id: r.userId,
        level: r.level,
        created_at: r.at,
        escalate_at: r.escalateAt,
      })),
    )
    .returning(['id', 'user_id'])
    .execute();
}

export async function ackPage(db: Db, id: number, userId: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('page')
    .set({ acked_at: sql<Date>`coalesce(acked_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function listPages(db: Db, userId: number) {
  return db
    .selectFrom('page as p')
    .innerJoin('ticket as t', 't.id', 'p.ticket_id')
    .select(['p.id', 'p.ticket_id', 't.ticket_no', 'p.level', 'p.created_at', 'p.escalate_at', 'p.acked_at'])
    .where('p.user_id', '=', userId)
    .orderBy('p.id', 'desc')
    .limit(50)
    .execute();
}

/** Unacknowledged pages past their time, locked (another sweeper skips them). */
export function lockDuePages(trx: Trx, now: Date) {
  return trx
    .selectFrom('page as p')
    .innerJoin('ticket as t', 't.id', 'p.ticket_id')
    .select(['p.id', 'p.ticket_id', 'p.user_id', 'p.level', 't.ticket_no'])
    .where('p.acked_at', 'is', null)
    .where('p.escalated_at', 'is', null)
    .where('p.escalate_at', '<=', now)
    .orderBy('p.id')
    .limit(200)
    .forUpdate('p')
    .skipLocked()
    .execute();
}

export async function markEscalated(trx: Trx, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('page').set({ escalated_at: at }).where('id', 'in', ids).execute();
}

/**
 * Handling deadlines due within the window and not reminded of yet (read unlocked; the caller
 * locks the orders, then records the reminders with `recordDeadlineNotices`).
 */
export function deadlinesApproaching(db: Trx, now: Date, until: Date, limit: number) {
  return (
    db
      .selectFrom('ticket_deadline as d')
      .innerJoin('ticket as t', 't.id', 'd.ticket_id')
      .select(['d.ticket_id', 'd.stage', 'd.due_at', 'd.unit_id', 't.lead_unit_id', 't.ticket_no'])
      .where('d.stage', '=', 'handleBy')
      .where('d.met_at', 'is', null)
      .where('d.alert_level', '<', 2)
      .where('d.due_at', '>', now)
      .where('d.due_at', '<=', until)
      // Implied by the above (the line's next boundary is its warning or due time): a range of
      // the sweep's index (`next_alert_at`), the lines crossing a boundary before `until`.
      .where('d.next_alert_at', '<=', until)
      .where('t.status', 'in', ['dispatched', 'in_progress'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('deadline_notice as n')
              .select('n.ticket_id')
              .whereRef('n.ticket_id', '=', 'd.ticket_id')
              .whereRef('n.stage', '=', 'd.stage')
              .whereRef('n.due_at', '=', 'd.due_at'),
          ),
        ),
      )
      .orderBy('d.ticket_id')
      .limit(limit)
      .execute()
  );
}

/** Records reminders once (primary key); returns those not recorded before. */
export function recordDeadlineNotices(
  trx: Trx,
  rows: { ticketId: number; stage: string; dueAt: Date }[],
  at: Date,
) {
  if (rows.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('deadline_notice')
    .values(rows.map((r) => ({ ticket_id: r.ticketId, stage: r.stage, due_at: r.dueAt, sent_at: at })))
    .onConflict((oc) => oc.doNothing())
    .returning(['ticket_id', 'stage', 'due_at'])
    .execute();
}

/** The order's number (titles of notifications). */
export async function ticketNoOf(trx: Trx, id: number): Promise<string> {
  const t = await trx.selectFrom('ticket').select('ticket_no').where('id', '=', id).executeTakeFirst();
  return t?.ticket_no ?? String(id);
}

/** Orders not in use, locked in id order (decision 0006); those in use are skipped. */
export function lockFreeOrders(trx: Trx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('ticket')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}
