import { sql } from 'kysely';
import type { Db } from '../../platform/db';

export type IntakeDimension = 'channel' | 'type' | 'category1' | 'category2' | 'disposition';

export interface IntakeCountRow {
  /** 'current' for [start, end), 'previous' for [previousStart, start). */
  period: 'current' | 'previous';
  dim: IntakeDimension;
  key: string;
  count: number;
}

/**
 * Every order received in the period and in the period before, counted by channel, type,
 * top-level and second-level category and disposition: one range scan on received_at and one
 * hash aggregate over the combinations (a few thousand), rolled up per dimension here.
 * `platformPath`: only what a district platform took in.
 */
export async function intakeCountsForReport(
  db: Db,
  q: { previousStart: Date; start: Date; end: Date; platformPath: string | null },
): Promise<IntakeCountRow[]> {
  const scope = q.platformPath
    ? sql`and t.platform_unit_id in (select id from org_unit where path like ${`${q.platformPath}%`})`
    : sql``;
  const r = await sql<{
    current: boolean;
    channel: string;
    type: string;
    category: string;
    disposition: string;
    count: string | number;
  }>`
    select t.received_at >= ${q.start} as current,
      t.channel as channel,
      t.type as type,
      coalesce(left(t.category_code, 4), '') as category,
      case t.status
        when 'answered' then 'direct-answer'
        when 'not_accepted' then 'not-accepted'
        when 'merged' then 'merged'
        else 'order'
      end as disposition,
      count(*) as count
    from ticket t
    where t.received_at >= ${q.previousStart} and t.received_at < ${q.end} ${scope}
    group by 1, 2, 3, 4, 5`.execute(db);
  const out = new Map<string, IntakeCountRow>();
  const add = (period: IntakeCountRow['period'], dim: IntakeDimension, key: string, n: number) => {
    const id = `${period}\u0000${dim}\u0000${key}`;
    const row = out.get(id);
    if (row) row.count += n;
    else out.set(id, { period, dim, key, count: n });
  };
  for (const row of r.rows) {
    const period = row.current ? 'current' : 'previous';
    const n = Number(row.count);
    add(period, 'channel', row.channel, n);
    add(period, 'type', row.type, n);
    add(period, 'category1', row.category.slice(0, 2), n);
    add(period, 'category2', row.category, n);
    add(period, 'disposition', row.disposition, n);
  }
  return [...out.values()];
}

/** Order ids by their numbers (numbers not found are left out). */
export async function ticketIdsByNumber(db: Db, numbers: readonly string[]): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('ticket')
    .select(['id', 'ticket_no'])
    .where('ticket_no', 'in', [...numbers])
    .execute();
  return new Map(rows.map((r) => [r.ticket_no, Number(r.id)]));
}
