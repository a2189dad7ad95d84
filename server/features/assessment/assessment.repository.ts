import { sql, type RawBuilder } from 'kysely';
import { serviceDate } from '../../../common/service-time';
import { countKeys, emptyCounts, type KpiCounts, type TallyOptions } from '../../domain/kpi';
import type { Db } from '../../platform/db';
import { rowToFact, type FactRow } from './ticket-facts.repository';

/**
 * The only SQL of the assessment reports. The per-fact rules are those of
 * server/domain/kpi/counts.ts (tallyFact), written as aggregate filters; the integration test
 * assessment.integration.test.ts holds the two equal on the same data.
 */

export interface FactFilter {
  months: readonly number[];
  /** Only these units, or their subtrees when `subtree` is set. */
  unitIds?: readonly number[];
  subtree?: boolean;
  /** Category code or prefix. */
  category?: string;
  region?: string;
  channel?: string;
  type?: string;
  sourceLevel?: string;
}

export const groupings = ['unit', 'category', 'region', 'channel', 'type', 'level', 'month'] as const;
export type Grouping = (typeof groupings)[number];

const groupColumn: Record<Grouping, RawBuilder<unknown>> = {
  unit: sql`f.unit_id::text`,
  category: sql`coalesce(f.category_code, '')`,
  region: sql`coalesce(f.region, '')`,
  channel: sql`f.channel`,
  type: sql`f.type`,
  level: sql`f.source_level`,
  month: sql`f.period_month::text`,
};

function inList(values: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(values.map((v) => sql`${v}`))})`;
}

/** SQL condition of one count key (the same rules as tallyFact). */
function conditions(
  o: TallyOptions,
): Record<
  Exclude<keyof KpiCounts, 'supervisions' | 'kbNoticesDecided' | 'kbNoticesOnTime' | 'supervisionsIgnored'>,
  RawBuilder<unknown>
> {
  const asOf = o.asOf;
  const sat = inList(o.satisfied);
  const cats = o.numberComplaintCategories.length
    ? sql.join(
        o.numberComplaintCategories.map(
          (c) => sql`f.category_code like ${`${c.replace(/[\\%_]/g, (x) => `\\${x}`)}%`}`,
        ),
        sql` or `,
      )
    : sql`false`;
  const remove = o.upheldAppeal === 'remove-rating';
  const countSat = o.upheldAppeal === 'count-satisfied';
  const rated = (col: RawBuilder<unknown>) =>
    sql`f.callback_at is not null and ${col} is not null and not (${sql.lit(remove)} and f.appeal_upheld is true and ${col} not in ${sat})`;
  const satisfied = (col: RawBuilder<unknown>) =>
    sql`f.callback_at is not null and ${col} is not null and (${col} in ${sat} or (${sql.lit(countSat)} and f.appeal_upheld is true))`;
  const late = sql`f.outcome = 'completed' and f.on_time is not true`;
  // zibo-12345 §11(6): under lateReturnsOverdue a return asked after its limit is overdue handling.
  const lateReturned = sql`${sql.lit(o.lateReturnsOverdue === true)} and f.outcome = 'returned-late'`;
  const overdueOpen = sql`f.outcome = 'in-progress' and f.handle_due_at < ${asOf}`;
  return {
    dispatched: sql`true`,
    returned: sql`f.outcome in ('returned', 'returned-late', 'reassigned')`,
    returnPending: sql`f.outcome = 'return-pending'`,
    inLimit: sql`f.outcome = 'in-progress' and (f.handle_due_at is null or f.handle_due_at >= ${asOf})`,
    replyPending: sql`f.outcome = 'reply-pending'`,
    onTime: sql`f.outcome = 'completed' and f.on_time is true`,
    late,
    overdueOpen,
    forwarded: sql`f.outcome = 'forwarded'`,
    lateReturned,
    overdue: sql`(${late}) or (${overdueOpen}) or (${lateReturned}) or (f.outcome = 'reply-pending' and f.reply_late is true)`,
    callbacks: sql`f.callback_at is not null`,
    calledBack: sql`f.callback_at is not null and f.outcome = 'completed'`,
    feedbackCallbacks: sql`f.callback_at is not null and not f.confidential and f.contacted_by_unit is not null`,
    feedbackYes: sql`f.callback_at is not null and not f.confidential and f.contacted_by_unit is true`,
    resultRated: rated(sql`f.result_satisfaction`),
    resultSatisfied: satisfied(sql`f.result_satisfaction`),
    processRated: rated(sql`f.process_satisfaction`),
    processSatisfied: satisfied(sql`f.process_satisfaction`),
    receiveDecided: sql`f.receive_due_at is not null and (f.accepted_at is not null or f.receive_due_at < ${asOf})`,
    receiveOnTime: sql`f.receive_due_at is not null and f.accepted_at <= f.receive_due_at`,
    contactDecided: sql`f.first_contact_due_at is not null and (f.contacted_at is not null or f.first_contact_due_at < ${asOf})`,
    contactOnTime: sql`f.first_contact_due_at is not null and f.contacted_at <= f.first_contact_due_at`,
    returnRequested: sql`f.return_requests > 0`,
    extensionRequested: sql`f.extension_requests > 0`,
    extended: sql`f.extensions_approved > 0`,
    redone: sql`f.redo_count > 0 and f.outcome = 'completed'`,
    supervised: sql`f.supervision_count > 0`,
    reminded: sql`f.reminder_count > 0`,
    upheldNumberComplaints: sql`f.outcome = 'completed' and f.factual in ('true', 'partly') and (${cats})`,
  };
}

function whereOf(filter: FactFilter, asOf: Date): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`f.period_month in (${sql.join(filter.months.map((m) => sql`${m}`))})`,
    sql`f.dispatched_at <= ${asOf}`,
  ];
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) parts.push(sql`false`);
    else if (filter.subtree) {
      parts.push(sql`exists (select 1 from org_unit u join org_unit a on u.path like a.path || '%'
        where u.id = f.unit_id and a.id in (${sql.join(filter.unitIds.map((id) => sql`${id}`))}))`);
    } else parts.push(sql`f.unit_id in (${sql.join(filter.unitIds.map((id) => sql`${id}`))})`);
  }
  if (filter.category) {
    parts.push(sql`f.category_code like ${`${filter.category.replace(/[\\%_]/g, (x) => `\\${x}`)}%`}`);
  }
  if (filter.region) parts.push(sql`f.region = ${filter.region}`);
  if (filter.channel) parts.push(sql`f.channel = ${filter.channel}`);
  if (filter.type) parts.push(sql`f.type = ${filter.type}`);
  if (filter.sourceLevel) parts.push(sql`f.source_level = ${filter.sourceLevel}`);
  return sql.join(parts, sql` and `);
}

export interface GroupCounts {
  key: string;
  month: number;
  counts: KpiCounts;
}

/** Counts per group and month over the filtered facts. */
export async function groupedCounts(
  db: Db,
  filter: FactFilter,
  o: TallyOptions,
  groupBy: Grouping,
): Promise<GroupCounts[]> {
  if (filter.months.length === 0) return [];
  const cond = conditions(o);
  const selects = [
    ...Object.entries(cond).map(([k, c]) => sql`count(*) filter (where ${c})::int as ${sql.ref(k)}`),
    sql`coalesce(sum(f.supervision_count), 0)::int as "supervisions"`,
  ];
  const key = groupColumn[groupBy];
  const rows = await sql<Record<string, number | string>>`
    select ${key} as "key", f.period_month as "month", ${sql.join(selects)}
    from ticket_fact f
    where ${whereOf(filter, o.asOf)}
    group by 1, 2`.execute(db);
  return rows.rows.map((r) => {
    const counts = emptyCounts();
    for (const k of countKeys) if (r[k] !== undefined) counts[k] = Number(r[k]);
    return { key: String(r.key), month: Number(r.month), counts };
  });
}

/** The facts behind a figure (drill-down), at most `limit`. */
export async function listFacts(db: Db, filter: FactFilter, asOf: Date, limit: number) {
  const rows = await sql<FactRow & { ticket_no: string; status: string }>`
    select f.*, t.ticket_no, t.status from ticket_fact f join ticket t on t.id = f.ticket_id
    where ${whereOf(filter, asOf)}
    order by f.dispatched_at, f.ticket_id, f.assignment_id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ fact: rowToFact(r), ticketNo: r.ticket_no, status: r.status }));
}

/** Knowledge-base notices per unit and month of their due day (shanghai-962200 §14), when the installation has them. */
export async function kbNoticeCounts(db: Db, months: readonly number[], asOf: Date): Promise<GroupCounts[]> {
  if (months.length === 0) return [];
  const present = await sql<{ t: string | null }>`select to_regclass('kb_policy_notice')::text as t`.execute(
    db,
  );
  if (!present.rows[0]?.t) return [];
  const today = serviceDate(asOf);
  const rows = await sql<{ unit_id: number; month: number; decided: number; on_time: number }>`
    select n.unit_id, (extract(year from n.due_on) * 100 + extract(month from n.due_on))::int as month,
      count(*) filter (where a.published_at is not null or n.due_on < ${today}::date)::int as decided,
      count(*) filter (where a.published_at is not null
        and (a.published_at at time zone 'UTC' + interval '8 hours')::date <= n.due_on)::int as on_time
    from kb_policy_notice n left join kb_article a on a.id = n.article_id
    where (extract(year from n.due_on) * 100 + extract(month from n.due_on))::int in (${sql.join(months.map((m) => sql`${m}`))})
    group by 1, 2`.execute(db);
  return rows.rows.map((r) => ({
    key: String(r.unit_id),
    month: Number(r.month),
    counts: { ...emptyCounts(), kbNoticesDecided: Number(r.decided), kbNoticesOnTime: Number(r.on_time) },
  }));
}

/** The unit a user belongs to: its id, path and kind. */
export function findUserUnit(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
}

/** The path of a unit, if it exists. */
export async function unitPath(db: Db, unitId: number): Promise<string | undefined> {
  const u = await db.selectFrom('org_unit').select('path').where('id', '=', unitId).executeTakeFirst();
  return u?.path;
}

/** Order ids after `afterId`, ascending, at most `limit`. */
export async function ticketIdsAfter(db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ticket')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export function unitsById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'path', 'is_platform', 'parent_id'])
    .where('id', 'in', [...ids])
    .execute();
}
