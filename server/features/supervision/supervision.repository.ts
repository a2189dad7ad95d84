import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** SQL of supervision records (督办). Decisions live in the use cases and server/domain/supervision. */

export interface NewSupervision {
  ticketId: number;
  trigger: string;
  mode: string;
  note: string | null;
  unitId: number | null;
  office: string | null;
  createdBy: number | null;
  createdAt: Date;
  respondBy: Date | null;
}

export async function insertSupervision(trx: Trx, s: NewSupervision): Promise<number> {
  const r = await trx
    .insertInto('supervision')
    .values({
      ticket_id: s.ticketId,
      trigger: s.trigger,
      mode: s.mode,
      note: s.note,
      unit_id: s.unitId,
      office: s.office,
      created_by: s.createdBy,
      created_at: s.createdAt,
      respond_by: s.respondBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const columns = [
  's.id',
  's.ticket_id',
  't.ticket_no',
  's.trigger',
  's.mode',
  's.note',
  's.office',
  's.unit_id',
  'u.name as unit_name',
  's.respond_by',
  's.response',
  's.responded_at',
  's.responded_by',
  'ru.display_name as responded_by_name',
  's.created_at',
  's.created_by',
  'cu.display_name as created_by_name',
] as const;

function base(db: Trx) {
  return db
    .selectFrom('supervision as s')
    .innerJoin('ticket as t', 't.id', 's.ticket_id')
    .leftJoin('org_unit as u', 'u.id', 's.unit_id')
    .leftJoin('app_user as ru', 'ru.id', 's.responded_by')
    .leftJoin('app_user as cu', 'cu.id', 's.created_by');
}

export type SupervisionRow = Awaited<ReturnType<typeof findSupervision>> & object;

export function findSupervision(db: Trx, id: number) {
  return base(db).select(columns).select('u.path as unit_path').where('s.id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  /** Unit scope: supervisions of units under this path (null: all). */
  unitPath: string | null;
  /** A platform also sees supervisions on the orders it holds (platform path). */
  platformPath: string | null;
  ticketId?: number | undefined;
  unitId?: number | undefined;
  status?: 'open' | 'overdue' | 'answered' | undefined;
  trigger?: string | undefined;
  now: Date;
  page: number;
  pageSize: number;
}

export async function listSupervisions(db: Trx, f: ListFilter) {
  let q = base(db);
  if (f.unitPath !== null) {
    const unitPath = f.unitPath;
    const platformPath = f.platformPath;
    q = q.where((eb) => {
      const own = eb('u.path', 'like', `${unitPath}%`);
      if (platformPath === null) return own;
      return eb.or([
        own,
        eb(
          't.platform_unit_id',
          'in',
          eb.selectFrom('org_unit as vp').select('vp.id').where('vp.path', 'like', `${platformPath}%`),
        ),
      ]);
    });
  }
  if (f.ticketId !== undefined) q = q.where('s.ticket_id', '=', f.ticketId);
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    q = q.where((eb) =>
      eb(
        's.unit_id',
        'in',
        eb
          .selectFrom('org_unit as fu')
          .innerJoin('org_unit as root', (j) => j.on('root.id', '=', unitId))
          .select('fu.id')
          .where(sql<boolean>`fu.path like root.path || '%'`),
      ),
    );
  }
  if (f.trigger !== undefined) q = q.where('s.trigger', '=', f.trigger);
  if (f.status === 'answered') q = q.where('s.responded_at', 'is not', null);
  if (f.status === 'open') {
    q = q
      .where('s.responded_at', 'is', null)
      .where((eb) => eb.or([eb('s.respond_by', 'is', null), eb('s.respond_by', '>=', f.now)]));
  }
  if (f.status === 'overdue') q = q.where('s.responded_at', 'is', null).where('s.respond_by', '<', f.now);
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  // Open ones first, the most urgent first; answered ones after, newest first.
  const items = await q
    .select(columns)
    .orderBy(sql`case when s.responded_at is null then 0 else 1 end`)
    .orderBy(sql`case when s.responded_at is null then s.respond_by end asc nulls last`)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: total?.n ?? 0 };
}

/** Sets the answer once: only a row still unanswered is updated (true when it was). */
export async function recordResponse(
  trx: Trx,
  s: { ticketId: number; id: number; text: string; at: Date; by: number },
): Promise<boolean> {
  const r = await trx
    .updateTable('supervision')
    .set({ response: s.text, responded_at: s.at, responded_by: s.by })
    .where('ticket_id', '=', s.ticketId)
    .where('id', '=', s.id)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether an order already has an unanswered supervision with this trigger. */
export async function hasOpenSupervision(trx: Trx, ticketId: number, trigger: string): Promise<boolean> {
  const r = await trx
    .selectFrom('supervision')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('trigger', '=', trigger)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

/** The caller's earlier orders within the window (the use case keeps those about the same matter). */
export function earlierOrdersOfCaller(trx: Trx, m: { phone: string; since: Date; exceptId: number }) {
  return trx
    .selectFrom('ticket')
    .select([
      'id',
      'received_at',
      'closed_at',
      'status',
      'result_satisfaction',
      'lead_unit_id',
      'category_code',
      'content',
      'content_tokens',
    ])
    .where('caller_phone', '=', m.phone)
    .where('received_at', '>=', m.since)
    .where('id', '<>', m.exceptId)
    .where('status', 'not in', ['merged'])
    .execute();
}

/**
 * Per supervised unit, supervisions due in [from, to): how many were not answered by their due
 * time (as of `now`) and how many were answered late.
 */
export function ignoredByUnit(db: Trx, r: { from: Date; to: Date; now: Date; unitPath: string | null }) {
  let q = db
    .selectFrom('supervision as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .where('s.respond_by', '>=', r.from)
    .where('s.respond_by', '<', r.to);
  if (r.unitPath !== null) q = q.where('u.path', 'like', `${r.unitPath}%`);
  return q
    .select([
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      sql<number>`count(*)::int`.as('due'),
      sql<number>`count(*) filter (where s.responded_at is null and s.respond_by < ${r.now})::int`.as(
        'ignored',
      ),
      sql<number>`count(*) filter (where s.responded_at > s.respond_by)::int`.as('late'),
    ])
    .groupBy(['u.id', 'u.code', 'u.name'])
    .having(
      sql<boolean>`count(*) filter (where (s.responded_at is null and s.respond_by < ${r.now}) or s.responded_at > s.respond_by) > 0`,
    )
    .orderBy(sql`count(*) filter (where s.responded_at is null and s.respond_by < ${r.now})`, 'desc')
    .orderBy('u.code')
    .execute();
}

/** The newest supervision a user recorded on an order since an instant. */
export async function latestSupervisionBy(
  db: Trx | Db,
  s: { ticketId: number; userId: number; since: Date },
): Promise<number | undefined> {
  const row = await db
    .selectFrom('supervision')
    .select('id')
    .where('ticket_id', '=', s.ticketId)
    .where('created_by', '=', s.userId)
    .where('created_at', '>=', s.since)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** An order's lead unit, if it has one. */
export async function leadUnitOf(trx: Trx, ticketId: number): Promise<number | null> {
  const t = await trx
    .selectFrom('ticket')
    .select('lead_unit_id')
    .where('id', '=', ticketId)
    .executeTakeFirst();
  return t?.lead_unit_id ?? null;
}

/** What a repeat-call check needs of the new order. */
export interface RepeatCallSubject {
  ticket_no: string;
  caller_phone: string | null;
  category_code: string | null;
  content: string;
  content_tokens: string | null;
}

export function repeatCallSubject(trx: Trx, ticketId: number): Promise<RepeatCallSubject | undefined> {
  return trx
    .selectFrom('ticket')
    .select(['ticket_no', 'caller_phone', 'category_code', 'content', 'content_tokens'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

/** The path of the platform an order belongs to. */
export async function platformPathOf(trx: Trx, ticketId: number): Promise<string | null> {
  const row = await trx
    .selectFrom('ticket as t')
    .innerJoin('org_unit as p', 'p.id', 't.platform_unit_id')
    .select('p.path')
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  return row?.path ?? null;
}

/** What decides how a viewer may see the caller of each order (for supervision texts). */
export async function callerFactsOf(db: Trx, ticketIds: number[]) {
  if (ticketIds.length === 0) return new Map<number, never>();
  const rows = await db
    .selectFrom('ticket as t')
    .leftJoin('org_unit as cu', 'cu.id', 't.complained_unit_id')
    .select([
      't.id',
      't.caller_name',
      't.caller_phone',
      't.caller_address',
      't.confidential',
      't.status',
      'cu.path as complained_path',
    ])
    .where('t.id', 'in', ticketIds)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}
