import { terminalStatuses } from '../../domain/ticket/statuses';
import type { Db } from '../../platform/db';

/** How many open orders carry provisional deadlines (their year's holiday schedule is missing). */
export async function countProvisionalOpenOrders(db: Db): Promise<number> {
  const row = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('provisional', '=', true)
    .where('status', 'not in', [...terminalStatuses])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
