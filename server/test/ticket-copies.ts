import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../platform/context';

/**
 * The columns of `ticket` that an `insert … select` copying an order repeats: every column but
 * the generated ones, the id and the order number (tests that need thousands of orders).
 */
export async function copiedTicketColumns(db: AppContext['db']): Promise<RawBuilder<unknown>[]> {
  const rows = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_name = 'ticket' and is_generated = 'NEVER' and column_name not in ('id', 'ticket_no')`.execute(
    db,
  );
  return rows.rows.map((r) => sql.ref(r.column_name));
}
