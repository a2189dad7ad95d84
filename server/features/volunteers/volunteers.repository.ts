import { sql } from 'kysely';
import type { Trx } from '../tickets/tickets.repository';

/** The only SQL of volunteers and their assignment to orders. No decisions here. */

export async function insertVolunteer(
  trx: Trx,
  v: { name: string; skills: string[]; phone: string; availability: string; by: number; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('volunteer')
    .values({
      name: v.name,
      skills: v.skills,
      phone: v.phone,
      availability: v.availability,
      created_by: v.by,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type VolunteerRow = NonNullable<Awaited<ReturnType<typeof findVolunteer>>>;

export function findVolunteer(db: Trx, id: number) {
  return db
    .selectFrom('volunteer')
    .select(['id', 'name', 'skills', 'phone', 'availability', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Active volunteers, those with the skill when given (exact skill, or a skill containing it). */
export function listVolunteers(db: Trx, skill: string | null) {
  let q = db
    .selectFrom('volunteer')
    .select(['id', 'name', 'skills', 'phone', 'availability', 'active'])
    .where('active', '=', true);
  if (skill) {
    const pattern = `%${skill.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`exists (select 1 from unnest(skills) s where s like ${pattern})`);
  }
  return q.orderBy('name').orderBy('id').limit(500).execute();
}

export async function insertAssignment(
  trx: Trx,
  a: { ticketId: number; volunteerId: number; note: string | null; by: number; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('ticket_volunteer')
    .values({
      ticket_id: a.ticketId,
      volunteer_id: a.volunteerId,
      note: a.note,
      assigned_by: a.by,
      assigned_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function assignments(db: Trx) {
  return db
    .selectFrom('ticket_volunteer as a')
    .innerJoin('volunteer as v', 'v.id', 'a.volunteer_id')
    .innerJoin('app_user as u', 'u.id', 'a.assigned_by')
    .selectAll('a')
    .select(['v.name as volunteer_name', 'v.skills', 'u.display_name as assigned_by_name']);
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export function findAssignment(db: Trx, ticketId: number, id: number) {
  return assignments(db).where('a.ticket_id', '=', ticketId).where('a.id', '=', id).executeTakeFirst();
}

export function listAssignmentsOf(db: Trx, ticketId: number) {
  return assignments(db).where('a.ticket_id', '=', ticketId).orderBy('a.id').execute();
}

/** Records the outcome once; false when it was already recorded. */
export async function recordOutcomeRow(
  trx: Trx,
  ticketId: number,
  id: number,
  o: { outcome: string; note: string | null; by: number; at: Date },
): Promise<boolean> {
  const r = await trx
    .updateTable('ticket_volunteer')
    .set({ outcome: o.outcome, outcome_note: o.note, outcome_by: o.by, outcome_at: o.at })
    .where('ticket_id', '=', ticketId)
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}
