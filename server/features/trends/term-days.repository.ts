import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Range } from './trends.repository';

export interface StoredDayTerms {
  orders: number;
  terms: string[];
  counts: number[];
}

/** The stored word counts of the days from `first` to `last` (service dates), by day. */
export async function storedDayTerms(
  db: Db,
  first: string,
  last: string,
): Promise<Map<string, StoredDayTerms>> {
  const res = await sql<{ day: string; orders: number; terms: string[]; counts: number[] }>`
    select to_char(day, 'YYYY-MM-DD') as day, orders, terms, counts
    from term_day_stat where day between ${first}::date and ${last}::date`.execute(db);
  return new Map(
    res.rows.map((r) => [r.day, { orders: Number(r.orders), terms: r.terms, counts: r.counts.map(Number) }]),
  );
}

/**
 * Counts the words of every order received in `range` (one service day) with `ts_stat` over the
 * stored `content_vector` and stores them as that day's figures, counted from `orders` orders
 * (the day's number of orders read before this statement: were one taken in between, the next
 * reader sees the number differ and counts the day again).
 */
export async function countAndStoreDayTerms(
  db: Db,
  day: string,
  range: Range,
  orders: number,
): Promise<StoredDayTerms> {
  const res = await sql<{ terms: string[]; counts: number[] }>`
    insert into term_day_stat (day, orders, terms, counts)
    select ${day}::date, ${orders}::int,
      coalesce(array_agg(word order by word), '{}'), coalesce(array_agg(ndoc order by word), '{}')
    from ts_stat(format(
      'select t.content_vector from ticket t where t.received_at >= %L::timestamptz and t.received_at < %L::timestamptz',
      ${range.start.toISOString()}::text, ${range.end.toISOString()}::text))
    on conflict (day) do update
      set orders = excluded.orders, terms = excluded.terms, counts = excluded.counts, computed_at = now()
    returning terms, counts`.execute(db);
  const row = res.rows[0];
  return { orders, terms: row?.terms ?? [], counts: (row?.counts ?? []).map(Number) };
}
