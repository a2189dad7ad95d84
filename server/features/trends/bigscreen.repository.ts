import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Range } from './trends.repository';

const terminal = ['closed', 'answered', 'not_accepted', 'merged'];

/** Orders received in the range by hour of the service day (UTC+8). */
export async function ordersByHour(db: Db, r: Range): Promise<{ hour: number; count: number }[]> {
  const res = await sql<{ hour: number; count: string | number }>`
    select extract(hour from t.received_at at time zone 'Asia/Shanghai')::int as hour, count(*) as count
    from ticket t where t.received_at >= ${r.start} and t.received_at < ${r.end}
    group by 1 order by 1`.execute(db);
  return res.rows.map((row) => ({ hour: Number(row.hour), count: Number(row.count) }));
}

/** Orders received in the range by district (所在区), unnamed as ''. */
export async function ordersByRegion(db: Db, r: Range): Promise<{ region: string; count: number }[]> {
  const res = await sql<{ region: string; count: string | number }>`
    select coalesce(t.location_region, '') as region, count(*) as count
    from ticket t where t.received_at >= ${r.start} and t.received_at < ${r.end}
    group by 1 order by 2 desc`.execute(db);
  return res.rows.map((row) => ({ region: row.region, count: Number(row.count) }));
}

/** Open orders by light, and those whose handling falls due in the range. */
export async function openOrderCounters(
  db: Db,
  today: Range,
): Promise<{ open: number; yellow: number; overdue: number; red: number; dueToday: number }> {
  const res = await sql<{ open: string; yellow: string; overdue: string; red: string; due: string }>`
    select count(*) as open,
      count(*) filter (where t.light = 'yellow') as yellow,
      count(*) filter (where t.light = 'overdue') as overdue,
      count(*) filter (where t.light = 'red') as red,
      count(*) filter (where t.handle_due_at >= ${today.start} and t.handle_due_at < ${today.end}) as due
    from ticket t where t.status <> all(${terminal}::text[])`.execute(db);
  const row = res.rows[0];
  return {
    open: Number(row?.open ?? 0),
    yellow: Number(row?.yellow ?? 0),
    overdue: Number(row?.overdue ?? 0),
    red: Number(row?.red ?? 0),
    dueToday: Number(row?.due ?? 0),
  };
}

export interface RedLightRow {
  id: number;
  ticketNo: string;
  light: string;
  region: string | null;
  categoryName: string | null;
  unitName: string | null;
  dueAt: Date | null;
  receivedAt: Date;
}

/** Open orders on red or overdue, the longest overdue first (red before overdue). */
export async function redLightOrders(db: Db, limit: number): Promise<RedLightRow[]> {
  const res = await sql<{
    id: string | number;
    ticket_no: string;
    light: string;
    location_region: string | null;
    category_name: string | null;
    unit_name: string | null;
    handle_due_at: Date | null;
    received_at: Date;
  }>`
    select t.id, t.ticket_no, t.light, t.location_region, c.name as category_name, u.name as unit_name,
      t.handle_due_at, t.received_at
    from ticket t
    left join category c on c.code = t.category_code
    left join org_unit u on u.id = t.lead_unit_id
    where t.light in ('red', 'overdue') and t.status <> all(${terminal}::text[])
    order by (t.light = 'red') desc, t.handle_due_at asc nulls last, t.id
    limit ${limit}`.execute(db);
  return res.rows.map((row) => ({
    id: Number(row.id),
    ticketNo: row.ticket_no,
    light: row.light,
    region: row.location_region,
    categoryName: row.category_name,
    unitName: row.unit_name,
    dueAt: row.handle_due_at ? new Date(row.handle_due_at) : null,
    receivedAt: new Date(row.received_at),
  }));
}
