import { sql, type RawBuilder } from 'kysely';
import type { IntakeGrouping } from '../../../common/contracts/statistics';
import type { Db } from '../../platform/db';

/** The key an order is counted under, for each grouping (service dates in UTC+8). */
function keyOf(groupBy: IntakeGrouping, level: number): RawBuilder<string> {
  switch (groupBy) {
    case 'channel':
      return sql<string>`t.channel`;
    case 'type':
      return sql<string>`t.type`;
    case 'category':
      return sql<string>`coalesce(left(t.category_code, ${level * 2}), '')`;
    case 'region':
      return sql<string>`coalesce(t.location_region, '')`;
    case 'day':
      return sql<string>`to_char(t.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
    case 'disposition':
      return sql<string>`case t.status when 'answered' then 'direct-answer' when 'not_accepted' then 'not-accepted' when 'merged' then 'merged' else 'order' end`;
  }
}

/**
 * Orders received in [start, end) counted by one key, in the platform's tree when `platformPath`
 * is given (a district sees what its own platform took in). One range scan on received_at.
 */
export async function intakeCounts(
  db: Db,
  q: { start: Date; end: Date; groupBy: IntakeGrouping; level: number; platformPath: string | null },
): Promise<{ key: string; count: number }[]> {
  const key = keyOf(q.groupBy, q.level);
  const scope = q.platformPath
    ? sql`and t.platform_unit_id in (select id from org_unit where path like ${`${q.platformPath}%`})`
    : sql``;
  const r = await sql<{ key: string; count: string | number }>`
    select ${key} as key, count(*) as count
    from ticket t
    where t.received_at >= ${q.start} and t.received_at < ${q.end} ${scope}
    group by 1
    order by 2 desc, 1`.execute(db);
  return r.rows.map((row) => ({ key: row.key, count: Number(row.count) }));
}
