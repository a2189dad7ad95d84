import { sql } from 'kysely';
import { emptyCounts } from '../../domain/kpi';
import type { Db } from '../../platform/db';
import type { GroupCounts } from './assessment.repository';

/**
 * Supervisions per unit and month of their answer's due time (Asia/Shanghai) that were not answered
 * by it: answered late, or unanswered past due at the report time (tianjin-wuqing §24).
 */
export async function ignoredSupervisionCounts(
  db: Db,
  months: readonly number[],
  asOf: Date,
): Promise<GroupCounts[]> {
  if (months.length === 0) return [];
  const month = sql`(extract(year from s.respond_by at time zone 'Asia/Shanghai') * 100
    + extract(month from s.respond_by at time zone 'Asia/Shanghai'))::int`;
  const rows = await sql<{ unit_id: number; month: number; ignored: number }>`
    select s.unit_id, ${month} as month, count(*)::int as ignored
    from supervision s
    where s.respond_by is not null and s.unit_id is not null
      and ${month} in (${sql.join(months.map((m) => sql`${m}`))})
      and s.respond_by < ${asOf}
      and (s.responded_at is null or s.responded_at > s.respond_by)
    group by 1, 2`.execute(db);
  return rows.rows.map((r) => ({
    key: String(r.unit_id),
    month: Number(r.month),
    counts: { ...emptyCounts(), supervisionsIgnored: Number(r.ignored) },
  }));
}
