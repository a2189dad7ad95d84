import type { AppContext } from '../../platform/context';
import { atTime, importOrderExact, refusalOf } from './import-order-exact';
import { bumpTicketCounters, ensureImportUser, existingTicketNos } from './import.repository';
import { counterOf, type ImportRefs } from './opening';
import { parseHistoryLine, type HistoryLine } from './history-line';
import { planOrder, Refusal, type PlanContext, type PlannedOrder } from './plan-order';
import { UnitDirectory } from './unit-directory';

export interface ImportRefusal {
  line: number;
  ticketNo: string | null;
  /** 1-based position of the refused event in the line's `events`, when one is to blame. */
  event: number | null;
  action: string | null;
  reason: string;
}

export interface ImportProgress {
  lines: number;
  imported: number;
  skipped: number;
  refused: number;
}

export interface ImportReport extends ImportProgress {
  /** Orders imported one by one through the use cases (all of them with the exact path). */
  throughUseCases: number;
  refusals: ImportRefusal[];
  unitsCreated: string[];
  seconds: number;
}

export interface ImportOptions {
  /** Lines read and checked for existing orders at a time. */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Writes a batch of planned orders (the fast path); default: each order through the use cases. */
  writer?: BatchWriter;
}

/** Imports planned orders of one batch; returns a refusal per order it refused and how many went through the use cases. */
export type BatchWriter = (
  ctx: AppContext,
  plans: PlannedOrder[],
  units: UnitDirectory,
  refs: ImportRefs,
) => Promise<{ refused: Map<PlannedOrder, Refusal>; throughUseCases: number }>;

/** The exact path: one transaction per order through performActionIn. */
export const exactWriter: BatchWriter = async (ctx, plans, units, refs) => {
  const refused = new Map<PlannedOrder, Refusal>();
  for (const plan of plans) {
    try {
      await importOrderExact(ctx, plan, units, refs);
    } catch (err) {
      refused.set(plan, refusalOf(err, null));
    }
  }
  return { refused, throughUseCases: plans.length - refused.size };
};

/**
 * `civicline import`: loads orders with their whole history from JSON lines, replaying each
 * through the lifecycle's rules. Idempotent by ticketNo (orders already present are skipped);
 * a refused line is reported with its number and reason and the other lines go on.
 */
export async function importHistory(
  ctx: AppContext,
  lines: AsyncIterable<string> | Iterable<string>,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 500;
  const writer = opts.writer ?? exactWriter;
  const units = await UnitDirectory.load(ctx.db);
  const refs: ImportRefs = {
    importUserId: await ensureImportUser(ctx.db, units.center.id),
    centerId: units.center.id,
  };
  const report: ImportReport = {
    lines: 0,
    imported: 0,
    skipped: 0,
    refused: 0,
    throughUseCases: 0,
    refusals: [],
    unitsCreated: [],
    seconds: 0,
  };
  const seen = new Set<string>();
  let batch: { line: number; text: string }[] = [];

  const refuse = (line: number, ticketNo: string | null, r: Refusal) => {
    report.refused++;
    report.refusals.push({ line, ticketNo, event: r.eventIndex, action: r.action, reason: r.message });
  };

  const flush = async () => {
    const parsed: { line: number; order: HistoryLine }[] = [];
    for (const { line, text } of batch) {
      const p = parseHistoryLine(text);
      if (p.ok) parsed.push({ line, order: p.order });
      else refuse(line, null, new Refusal(p.reason));
    }
    batch = [];
    const existing = await existingTicketNos(ctx.db, [...new Set(parsed.map((p) => p.order.ticketNo))]);
    const plans: PlannedOrder[] = [];
    const planCtx: PlanContext = { db: ctx.db, units };
    for (const { line, order } of parsed) {
      if (existing.has(order.ticketNo) || seen.has(order.ticketNo)) {
        report.skipped++;
        continue;
      }
      seen.add(order.ticketNo);
      try {
        plans.push(await planOrder(planCtx, line, order));
      } catch (err) {
        seen.delete(order.ticketNo);
        refuse(line, order.ticketNo, refusalOf(err, null));
      }
    }
    const { refused, throughUseCases } = await writer(ctx, plans, units, refs);
    report.throughUseCases += throughUseCases;
    const counters = new Map<string, number>();
    for (const plan of plans) {
      const r = refused.get(plan);
      if (r) {
        seen.delete(plan.order.ticketNo);
        refuse(plan.line, plan.order.ticketNo, r);
        continue;
      }
      report.imported++;
      const c = counterOf(plan.order.ticketNo);
      if (c) counters.set(c.day, Math.max(counters.get(c.day) ?? 0, c.seq));
    }
    await bumpTicketCounters(ctx.db, counters);
    opts.onProgress?.({
      lines: report.lines,
      imported: report.imported,
      skipped: report.skipped,
      refused: report.refused,
    });
  };

  for await (const text of lines) {
    report.lines++;
    if (!text.trim()) continue;
    batch.push({ line: report.lines, text });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  report.refusals.sort((a, b) => a.line - b.line);
  report.unitsCreated = units.created.map((u) => u.code);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

export { atTime };
