import { sql, type Kysely } from 'kysely';
import { lshKeys } from '../../domain/similar/shingles';

/** Orders received within this many days (or still open) get their keys at migration. */
const BACKFILL_DAYS = 120;
const BATCH = 1000;

/**
 * Similar orders (重复件): each order's MinHash band keys over its content
 * (server/domain/similar/shingles.ts) in an integer array with a GIN index, so the orders that
 * share a key with a text are one index lookup at city scale. Orders of the recent window and
 * open orders are keyed here; intake keys every new order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket add column similar_keys integer[]`.execute(db);
  await sql`create index ticket_similar_keys_idx on ticket using gin (similar_keys)`.execute(db);
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; content: string }>`
      select id, content from ticket
      where id > ${after} and (closed_at is null or received_at >= now() - make_interval(days => ${BACKFILL_DAYS}))
      order by id limit ${BATCH}`.execute(db);
    const last = rows[rows.length - 1];
    if (!last) break;
    after = Number(last.id);
    const ids = rows.map((r) => Number(r.id));
    const keys = rows.map((r) => `{${lshKeys(r.content).join(',')}}`);
    await sql`
      update ticket t set similar_keys = k.keys::integer[]
      from unnest(${ids}::bigint[], ${keys}::text[]) as k(id, keys)
      where t.id = k.id`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_similar_keys_idx`.execute(db);
  await sql`alter table ticket drop column if exists similar_keys`.execute(db);
}
