import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db';

/** Which orders a figure counts: all of them, or a slice (region, category, unit, platform). */
export interface OrderSlice {
  region?: string | undefined;
  /** A category code or its prefix. */
  category?: string | undefined;
  /** The subtree (path prefix) of the lead unit. */
  unitPath?: string | undefined;
  /** The subtree of the platform that took the order in (a district's overseers). */
  platformPath?: string | null | undefined;
}

export interface Range {
  start: Date;
  end: Date;
}

const orNull = (v: string | null | undefined) => v ?? null;

/** The slice as a condition on `t` (bound parameters). */
function sliceWhere(s: OrderSlice): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (s.region) parts.push(sql`t.location_region = ${s.region}`);
  if (s.category) parts.push(sql`t.category_code like ${`${s.category}%`}`);
  if (s.unitPath) {
    parts.push(sql`t.lead_unit_id in (select id from org_unit where path like ${`${s.unitPath}%`})`);
  }
  if (s.platformPath) {
    parts.push(sql`t.platform_unit_id in (select id from org_unit where path like ${`${s.platformPath}%`})`);
  }
  return sql.join(parts, sql` and `);
}

/** Orders received per service day (UTC+8) in the range, days without orders left out. */
export async function dailyOrderCounts(
  db: Db,
  r: Range,
  s: OrderSlice = {},
): Promise<{ day: string; orders: number }[]> {
  const res = await sql<{ day: string; orders: string | number }>`
    select to_char(t.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, count(*) as orders
    from ticket t
    where t.received_at >= ${r.start} and t.received_at < ${r.end} and ${sliceWhere(s)}
    group by 1 order by 1`.execute(db);
  return res.rows.map((row) => ({ day: row.day, orders: Number(row.orders) }));
}

/**
 * How many orders of the range mention each word: PostgreSQL's `ts_stat` over the stored
 * `content_vector` (jieba words of content and demand, segmented at intake and import), which
 * counts each order once per word without unnesting rows. `ts_stat` takes the query as text: the
 * values go in through `format(%L)`, quoted by the server.
 */
export async function termOrderCounts(db: Db, r: Range, s: OrderSlice = {}): Promise<Map<string, number>> {
  const res = await sql<{ word: string; ndoc: number }>`
    select word, ndoc from ts_stat(format(
      'select t.content_vector from ticket t
        where t.received_at >= %L::timestamptz and t.received_at < %L::timestamptz
          and (%L::text is null or t.location_region = %L::text)
          and (%L::text is null or t.category_code like %L::text || ''%%'')
          and (%L::text is null or t.lead_unit_id in (select id from org_unit where path like %L::text || ''%%''))
          and (%L::text is null or t.platform_unit_id in (select id from org_unit where path like %L::text || ''%%''))',
      ${r.start.toISOString()}::text, ${r.end.toISOString()}::text,
      ${orNull(s.region)}::text, ${orNull(s.region)}::text,
      ${orNull(s.category)}::text, ${orNull(s.category)}::text,
      ${orNull(s.unitPath)}::text, ${orNull(s.unitPath)}::text,
      ${orNull(s.platformPath)}::text, ${orNull(s.platformPath)}::text))`.execute(db);
  const out = new Map<string, number>();
  for (const row of res.rows) out.set(row.word, Number(row.ndoc));
  return out;
}

/** A few of the latest orders of the range that mention a word (index on content_vector). */
export async function ordersMentioning(
  db: Db,
  r: Range,
  s: OrderSlice,
  term: string,
  limit: number,
): Promise<number[]> {
  const res = await sql<{ id: string | number }>`
    select t.id from ticket t
    where t.content_vector @@ plainto_tsquery('simple', ${term})
      and t.received_at >= ${r.start} and t.received_at < ${r.end} and ${sliceWhere(s)}
    order by t.received_at desc, t.id desc
    limit ${limit}`.execute(db);
  return res.rows.map((row) => Number(row.id));
}

export interface TermPlaceRow {
  region: string | null;
  categoryCode: string | null;
  categoryName: string | null;
  unitName: string | null;
  orders: number;
  ids: number[];
}

/**
 * Where the orders mentioning a word concentrate: by district, category and lead unit, the
 * largest groups first, with a few order ids each (同一事项、同一地点的集中诉求).
 */
export async function termConcentration(
  db: Db,
  r: Range,
  s: OrderSlice,
  term: string,
  limit: number,
): Promise<TermPlaceRow[]> {
  const res = await sql<{
    region: string | null;
    category_code: string | null;
    category_name: string | null;
    unit_name: string | null;
    orders: string | number;
    ids: (string | number)[];
  }>`
    select t.location_region as region, t.category_code, c.name as category_name, u.name as unit_name,
      count(*) as orders, (array_agg(t.id order by t.received_at desc))[1:5] as ids
    from ticket t
    left join category c on c.code = t.category_code
    left join org_unit u on u.id = t.lead_unit_id
    where t.content_vector @@ plainto_tsquery('simple', ${term})
      and t.received_at >= ${r.start} and t.received_at < ${r.end} and ${sliceWhere(s)}
    group by 1, 2, 3, 4
    order by 5 desc, 1, 2
    limit ${limit}`.execute(db);
  return res.rows.map((row) => ({
    region: row.region,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    unitName: row.unit_name,
    orders: Number(row.orders),
    ids: row.ids.map(Number),
  }));
}

/** The content of orders (for keyword extraction), in the order of the ids given. */
export async function orderContents(db: Db, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('ticket')
    .select(['id', 'content'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r.content]));
  return ids.map((id) => byId.get(id) ?? '').filter((c) => c.length > 0);
}
