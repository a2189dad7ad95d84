import { sql } from 'kysely';
import type { Db } from '../../platform/db';

/** SQL of the unit warnings (docs/decisions/0007-unit-warnings.md). No decisions here. */

export interface ComplaintRow {
  unitId: number;
  ticketNo: string;
  handleDueAt: Date;
  /** The reply that completed the order, or the one awaiting review; null while none. */
  repliedAt: Date | null;
}

const likePrefix = (c: string) => `${c.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;

/**
 * Complaints about service numbers (category codes or prefixes) counted in the months, that were
 * with their unit (not returned, re-assigned, forwarded or awaiting a return decision), with a
 * handling deadline that had passed at `asOf`.
 */
export async function numberComplaintsPastDue(
  db: Db,
  input: { months: readonly number[]; categories: readonly string[]; asOf: Date },
): Promise<ComplaintRow[]> {
  if (input.months.length === 0 || input.categories.length === 0) return [];
  const cats = sql.join(
    input.categories.map((c) => sql`f.category_code like ${likePrefix(c)}`),
    sql` or `,
  );
  const rows = await sql<{
    unit_id: number;
    ticket_no: string;
    handle_due_at: Date;
    replied_at: Date | null;
  }>`
    select f.unit_id, t.ticket_no, f.handle_due_at,
      case when f.outcome = 'completed' then f.completed_at when f.outcome = 'reply-pending' then f.replied_at end as replied_at
    from ticket_fact f join ticket t on t.id = f.ticket_id
    where f.period_month in (${sql.join(input.months.map((m) => sql`${m}`))})
      and f.dispatched_at <= ${input.asOf}
      and f.outcome in ('in-progress', 'reply-pending', 'completed')
      and f.handle_due_at is not null and f.handle_due_at < ${input.asOf}
      and (${cats})
    order by t.ticket_no`.execute(db);
  return rows.rows.map((r) => ({
    unitId: Number(r.unit_id),
    ticketNo: r.ticket_no,
    handleDueAt: r.handle_due_at,
    repliedAt: r.replied_at,
  }));
}
