import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Range } from './trends.repository';

/** How many orders each stored day of `first` … `last` (service dates) was counted from. */
export async function storedDayOrders(db: Db, first: string, last: string): Promise<Map<string, number>> {
  const res = await sql<{ day: string; orders: number }>`
    select to_char(day, 'YYYY-MM-DD') as day, orders
    from term_day_stat where day between ${first}::date and ${last}::date`.execute(db);
  return new Map(res.rows.map((r) => [r.day, Number(r.orders)]));
}

/** Each stored day's word counts, `first` … `last`. */
export async function storedDayTerms(
  db: Db,
  first: string,
  last: string,
): Promise<Map<string, Map<string, number>>> {
  const res = await sql<{ day: string; terms: string[]; counts: number[] }>`
    select to_char(day, 'YYYY-MM-DD') as day, terms, counts
    from term_day_stat where day between ${first}::date and ${last}::date`.execute(db);
  const out = new Map<string, Map<string, number>>();
  for (const r of res.rows) {
    const counts = new Map<string, number>();
    r.terms.forEach((term, i) => counts.set(term, Number(r.counts[i] ?? 0)));
    out.set(r.day, counts);
  }
  return out;
}

/** The word counts of the stored days `first` … `last` summed by the server (one row a word). */
export async function summedDayTerms(db: Db, first: string, last: string): Promise<Map<string, number>> {
  const res = await sql<{ term: string; n: number }>`
    select u.term, sum(u.n)::int as n
    from term_day_stat s, unnest(s.terms, s.counts) as u(term, n)
    where s.day between ${first}::date and ${last}::date
    group by u.term`.execute(db);
  return new Map(res.rows.map((r) => [r.term, Number(r.n)]));
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
): Promise<void> {
  await sql`
    insert into term_day_stat (day, orders, terms, counts)
    select ${day}::date, ${orders}::int,
      coalesce(array_agg(word order by word), '{}'), coalesce(array_agg(ndoc order by word), '{}')
    from ts_stat(format(
      'select t.content_vector from ticket t where t.received_at >= %L::timestamptz and t.received_at < %L::timestamptz',
      ${range.start.toISOString()}::text, ${range.end.toISOString()}::text))
    on conflict (day) do update
      set orders = excluded.orders, terms = excluded.terms, counts = excluded.counts, computed_at = now()`.execute(
    db,
  );
}
