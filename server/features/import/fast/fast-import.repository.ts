import { sql } from 'kysely';
import type { Db } from '../../../platform/db';
import type { Trx } from '../../tickets/tickets.repository';
import { factToRow } from '../../assessment/ticket-facts.repository';
import type { OrderRows } from './order-state';

/** SQL of the fast import: id reservation and multi-row inserts. No decisions here. */

/** Reserves `n` ids from a table's id sequence, in ascending order. */
export async function reserveIds(
  db: Db,
  table: 'ticket' | 'ticket_assignment',
  n: number,
): Promise<number[]> {
  if (n <= 0) return [];
  const r = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence(${table}, 'id'))::bigint as id from generate_series(1, ${n})`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
}

const CHUNK = 2000;

/** Inserts rows through one JSON parameter per chunk (json_populate_recordset), columns as in the rows. */
async function insertRows(trx: Trx, table: string, rows: readonly object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const cols = Object.keys(first);
  const list = sql.join(cols.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await sql`insert into ${sql.table(table)} (${list})
      select ${list} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(trx);
  }
}

/** Writes the replayed orders, parents before children, in the caller's transaction. */
export async function writeOrders(trx: Trx, orders: readonly OrderRows[]): Promise<void> {
  if (orders.length === 0) return;
  await insertRows(
    trx,
    'ticket',
    orders.map((o) => o.ticket),
  );
  await insertRows(
    trx,
    'ticket_assignment',
    orders.flatMap((o) => o.assignments),
  );
  await insertRows(
    trx,
    'ticket_event',
    orders.flatMap((o) => o.events),
  );
  await insertRows(
    trx,
    'ticket_deadline',
    orders.flatMap((o) => o.deadlines),
  );
  await insertRows(
    trx,
    'supervision',
    orders.flatMap((o) => o.supervisions),
  );
  await insertRows(
    trx,
    'ticket_fact',
    orders.flatMap((o) => o.facts.map(factToRow)),
  );
}

/** Id, number and status of orders already in the installation (merge targets). */
export async function ordersByNo(db: Db, ticketNos: readonly string[]) {
  if (ticketNos.length === 0) return [];
  return db
    .selectFrom('ticket')
    .select(['id', 'ticket_no', 'status'])
    .where('ticket_no', 'in', [...ticketNos])
    .execute();
}

export async function ordersById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ticket')
    .select(['id', 'ticket_no', 'status'])
    .where('id', 'in', [...ids])
    .execute();
}
