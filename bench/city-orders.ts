/**
 * City-scale order generator for the list and sweep benches: N orders written by PostgreSQL
 * itself (`insert … select … from generate_series`), with their lead assignments and handling
 * deadlines, lights and alert levels consistent at `now`. Secondary indexes are dropped during
 * the load and rebuilt afterwards (the definitions come from pg_indexes, so they are exactly the
 * migrations' ones).
 */
import { sql } from 'kysely';
import type { Db } from '../server/platform/db';
import { segmentForIndex } from '../server/domain/kb/segment';

export const BENCH_NOW = new Date('2026-11-23T10:00:00+08:00');

const topics = [
  '公司拖欠三个月工资，要求支付',
  '小区旁工地夜间施工噪音扰民',
  '道路井盖缺失，晚上很危险',
  '楼下餐馆油烟扰民，影响休息',
  '社保转移接续办理咨询',
  '公交站台破损需要维修',
  '小区物业收费不合理',
  '路灯不亮影响夜间出行',
  '菜市场占道经营堵塞交通',
  '医保报销比例咨询',
];

export interface CityUnits {
  rsj: number;
  district: number[];
  districtPlatform: number;
  others: number[];
}

const ownedTables = ['ticket', 'ticket_assignment', 'ticket_deadline'];

async function maxTicketId(db: Db): Promise<number> {
  const r = await sql<{ id: string | null }>`select max(id) as id from ticket`.execute(db);
  return Number(r.rows[0]?.id ?? 0);
}

export async function generateOrders(db: Db, n: number, units: CityUnits, log: (s: string) => void) {
  const defs = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(ownedTables)})
      and indexname not in (select conname from pg_constraint)`.execute(db);
  for (const d of defs.rows) await sql`drop index ${sql.ref(d.indexname)}`.execute(db);
  const tokens = topics.map((t) => segmentForIndex(t));
  const allUnits = [...units.district, ...units.others];
  const now = BENCH_NOW.toISOString();
  const chunk = 500_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    const t0 = performance.now();
    const before = await maxTicketId(db);
    // Statuses as the desks see them: 30 % open (dispatched, in progress) within the last 20 days.
    // The light is the one the actions and the sweep leave at BENCH_NOW for the handling deadline
    // (warning a day before it, red a day after it, met at the reply).
    await sql`
      insert into ticket (ticket_no, status, channel, type, category_code, urgency, source_level,
        caller_name, caller_phone, confidential, location_region, content, content_tokens,
        platform_unit_id, lead_unit_id, profile_id, profile_version, calendar_version, light,
        handle_due_at, received_at, dispatched_at, replied_at, created_at, updated_at)
      select 'B' || lpad(g::text, 12, '0'), s.status, 'phone',
        case when g % 2 = 0 then 'complaint' else 'consult' end, '010201', 'normal', 'city',
        '王小明', '138' || lpad((g % 100000000)::text, 8, '0'), false, '东城区',
        '第' || g || '号诉求：' || (${sql.val(topics)}::text[])[1 + g % 10]
          || case when g % 5000 = 17 then '，窨井盖被盗' else '' end,
        (${sql.val(tokens)}::text[])[1 + g % 10] || case when g % 5000 = 17 then ' 窨井 井盖 被盗' else '' end,
        case when s.unit = any(${sql.val(units.district)}::bigint[]) then ${units.districtPlatform}::bigint else 1 end,
        s.unit, 'zibo-12345', '1', null,
        case when s.unit is null then 'green'
             when coalesce(s.replied, ${now}::timestamptz) >= s.received + interval '8 days' then 'red'
             when coalesce(s.replied, ${now}::timestamptz) > s.received + interval '7 days' then 'overdue'
             when coalesce(s.replied, ${now}::timestamptz) >= s.received + interval '6 days' then 'yellow'
             else 'green' end,
        case when s.unit is null then null else s.received + interval '7 days' end,
        s.received, case when s.unit is null then null else s.received end,
        s.replied, s.received, s.received
      from generate_series(${from}::bigint, ${to}::bigint) g
      cross join lateral (
        select st.status,
          case when st.status in ('pending_dispatch', 'answered') then null
               when g % 3 = 0 then ${units.rsj}::bigint
               else (${sql.val(allUnits)}::bigint[])[1 + g % ${allUnits.length}] end as unit,
          rc.received,
          case when st.status in ('replied', 'pending_callback', 'closed')
               then rc.received + (g % 9) * interval '1 day' end as replied
        from (select (array['pending_dispatch', 'dispatched', 'in_progress', 'in_progress', 'replied',
                            'pending_callback', 'closed', 'closed', 'closed', 'answered'])[1 + g % 10] as status) st
        cross join lateral (
          select case when st.status in ('dispatched', 'in_progress')
               then ${now}::timestamptz - ((g * 7919) % (20 * 86400)) * interval '1 second'
               else ${now}::timestamptz - ((g * 7919) % (365 * 86400)) * interval '1 second' end as received
        ) rc
      ) s`.execute(db);
    const t1 = performance.now();
    await sql`
      insert into ticket_assignment (ticket_id, unit_id, role, status, dispatched_by_unit_id, dispatched_at)
      select id, lead_unit_id, 'lead',
        case status when 'dispatched' then 'dispatched' when 'in_progress' then 'accepted' else 'replied' end,
        platform_unit_id, dispatched_at
      from ticket where id > ${before} and lead_unit_id is not null`.execute(db);
    // One open order in a hundred has 人社局 co-handling.
    await sql`
      insert into ticket_assignment (ticket_id, unit_id, role, status, dispatched_by_unit_id, dispatched_at)
      select id, ${units.rsj}, 'co', 'accepted', platform_unit_id, dispatched_at
      from ticket where id > ${before} and status in ('dispatched', 'in_progress') and id % 100 = 1
        and lead_unit_id <> ${units.rsj}`.execute(db);
    // Alert levels as the sweep leaves them at BENCH_NOW.
    await sql`
      insert into ticket_deadline (ticket_id, stage, unit_id, start_at, due_at, warn_at, red_at, met_at,
        alert_level, explanation, profile_id, profile_version)
      select id, 'handleBy', lead_unit_id, dispatched_at, handle_due_at, handle_due_at - interval '1 day',
        handle_due_at + interval '1 day', replied_at,
        case when coalesce(replied_at, ${now}::timestamptz) >= handle_due_at + interval '1 day' then 3
             when coalesce(replied_at, ${now}::timestamptz) > handle_due_at then 2
             when coalesce(replied_at, ${now}::timestamptz) >= handle_due_at - interval '1 day' then 1
             else 0 end,
        '[]'::jsonb, 'zibo-12345', '1'
      from ticket where id > ${before} and lead_unit_id is not null`.execute(db);
    log(
      `orders ${from}-${to}: ${((t1 - t0) / 1000).toFixed(1)} s; assignments, deadlines: ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  }
  const t2 = performance.now();
  for (const d of defs.rows) await sql.raw(d.indexdef).execute(db);
  await sql`vacuum analyze ticket`.execute(db);
  await sql`vacuum analyze ticket_assignment`.execute(db);
  await sql`vacuum analyze ticket_deadline`.execute(db);
  log(`indexes rebuilt, vacuum analyze: ${((performance.now() - t2) / 1000).toFixed(1)} s`);
}
