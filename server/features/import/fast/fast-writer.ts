import type { BatchWriter } from '../import-history';
import { importOrderExact, refusalOf } from '../import-order-exact';
import type { Refusal, PlannedOrder } from '../plan-order';
import { ordersById, ordersByNo, reserveIds, writeOrders } from './fast-import.repository';

import { IdPool, type OrderRows } from './order-state';
import { fastPathCovers, replayOrderFast, type FastContext, type MergeTarget } from './replay-order-fast';

function assignmentsNeeded(plans: readonly PlannedOrder[]): number {
  let n = 0;
  for (const p of plans) {
    for (const e of p.events) {
      if (e.action !== 'dispatch') continue;
      const co = e.payload.coUnitIds;
      n += 1 + (Array.isArray(co) ? co.length : 0);
    }
  }
  return n;
}

/**
 * The fast path: replays a batch in memory (replay-order-fast.ts) and writes it with a few
 * multi-row inserts in one transaction. An order with an action the fast path does not restate
 * is imported through the use cases at its place in the file; if a bulk write fails, its orders
 * are imported one by one through the use cases, so a batch never fails as a whole.
 */
export function makeFastWriter(opts: { chunkOrders?: number } = {}): BatchWriter {
  const chunkOrders = opts.chunkOrders ?? 500;
  return (ctx, plans, units, refs) => writeBatch(ctx, plans, units, refs, chunkOrders);
}

export const fastWriter: BatchWriter = makeFastWriter();

async function writeBatch(
  ...[ctx, plans, units, refs, chunkOrders]: [...Parameters<BatchWriter>, number]
): ReturnType<BatchWriter> {
  const refused = new Map<PlannedOrder, Refusal>();
  const ticketIds = new IdPool();
  ticketIds.refill(await reserveIds(ctx.db, 'ticket', plans.length));
  const assignmentIds = new IdPool();
  assignmentIds.refill(await reserveIds(ctx.db, 'ticket_assignment', assignmentsNeeded(plans)));

  const byNo = new Map<string, MergeTarget>();
  const byId = new Map<number, MergeTarget>();
  const remember = (t: MergeTarget) => {
    byNo.set(t.ticketNo, t);
    byId.set(t.id, t);
  };
  const targets = new Set<string>();
  for (const p of plans) {
    for (const e of p.events) {
      if (typeof e.payload.intoTicketNo === 'string') targets.add(e.payload.intoTicketNo);
    }
  }
  for (const r of await ordersByNo(ctx.db, [...targets])) {
    remember({ id: r.id, ticketNo: r.ticket_no, status: r.status });
  }

  const fx: FastContext = {
    rules: ctx.rules,
    units,
    refs,
    ticketIds,
    assignmentIds,
    orderByNo: (no) => byNo.get(no),
    orderById: (id) => byId.get(id),
  };

  let pending: { plan: PlannedOrder; rows: OrderRows }[] = [];
  let throughUseCases = 0;
  const exact = async (plan: PlannedOrder) => {
    try {
      const id = await importOrderExact(ctx, plan, units, refs);
      const [row] = await ordersById(ctx.db, [id]);
      if (row) remember({ id: row.id, ticketNo: row.ticket_no, status: row.status });
      throughUseCases++;
    } catch (err) {
      refused.set(plan, refusalOf(err, null));
    }
  };
  // Writes run while the next orders are replayed: up to `maxInFlight` chunks at once on a
  // server (each on its own connection), one on the embedded database.
  const inFlight: Promise<void>[] = [];
  const maxInFlight = ctx.dbKind === 'postgres' ? 2 : 1;
  const write = async (chunk: { plan: PlannedOrder; rows: OrderRows }[]) => {
    try {
      await ctx.db.transaction().execute((trx) =>
        writeOrders(
          trx,
          chunk.map((b) => b.rows),
        ),
      );
    } catch {
      for (const b of chunk) {
        byNo.delete(b.plan.order.ticketNo);
        byId.delete(b.rows.ticket.id);
      }
      for (const b of chunk) await exact(b.plan);
    }
  };
  const flush = async (all: boolean) => {
    if (pending.length > 0) {
      while (inFlight.length >= maxInFlight) await inFlight.shift();
      inFlight.push(write(pending));
      pending = [];
    }
    if (all) while (inFlight.length > 0) await inFlight.shift();
  };

  let replayed = 0;
  for (const plan of plans) {
    if (!fastPathCovers(plan)) {
      await flush(true);
      await exact(plan);
      continue;
    }
    try {
      const rows = replayOrderFast(fx, plan);
      pending.push({ plan, rows });
      remember({ id: rows.ticket.id, ticketNo: rows.ticket.ticket_no, status: rows.ticket.status });
    } catch (err) {
      refused.set(plan, refusalOf(err, null));
    }
    if (pending.length >= chunkOrders) await flush(false);
    // Let the writes in flight send their next statement.
    if (++replayed % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await flush(true);
  return { refused, throughUseCases };
}
