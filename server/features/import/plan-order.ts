import type { Db } from '../../platform/db';
import type { HistoryLine } from './history-line';
import type { UnitDirectory } from './unit-directory';

/** How an order was opened (its first event): the intake actions of the lifecycle. */
export type OpeningAction = 'create' | 'direct-answer' | 'intake-not-accept';
const openingActions: readonly string[] = ['create', 'direct-answer', 'intake-not-accept'];

export interface PlannedEvent {
  /** Position in the file's `events` (1-based). */
  index: number;
  at: Date;
  action: string;
  /** The acting unit the event names (never the dispatch target), or null to infer it. */
  actingUnitId: number | null;
  /** The payload with unit codes and order numbers resolved to ids. */
  payload: Record<string, unknown>;
}

export interface PlannedOrder {
  line: number;
  order: HistoryLine;
  opening: { action: OpeningAction; at: Date; payload: Record<string, unknown> };
  events: PlannedEvent[];
}

export class Refusal extends Error {
  constructor(
    message: string,
    readonly eventIndex: number | null = null,
    readonly action: string | null = null,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** Resolves the unit codes a history line names. */
export interface PlanContext {
  db: Db;
  units: UnitDirectory;
}

async function unitIdOf(
  ctx: PlanContext,
  id: unknown,
  code: unknown,
  where: string,
): Promise<number | undefined> {
  if (typeof code === 'string' && code.trim()) return (await ctx.units.ensure(ctx.db, code.trim())).id;
  if (id === undefined || id === null) return undefined;
  if (typeof id !== 'number' || !Number.isInteger(id) || !ctx.units.get(id)) {
    throw new Refusal(`${where}: 单位 ${JSON.stringify(id)} 不存在`);
  }
  return id;
}

/**
 * Turns a parsed line into the events to replay (docs/decisions/0004-history-import.md):
 * - the first event opens the order when it is an intake action (`create`, `direct-answer`,
 *   `intake-not-accept`); otherwise the order was opened by `create` at `receivedAt`, i.e. it
 *   waits for dispatch (pending_dispatch), and every event of the file follows;
 * - `unitCode` / `coUnitCodes` / `suggestedUnitCode` become ids, unknown codes are created;
 *   `intoTicketNo` (merge) is resolved when the event is written (the target may come earlier in the same batch);
 * - a dispatch whose payload names no unit takes the event's unit as its target;
 * - events must be in time order and not before the order was received.
 */
export async function planOrder(ctx: PlanContext, line: number, order: HistoryLine): Promise<PlannedOrder> {
  const [first, ...others] = order.events;
  let opening: PlannedOrder['opening'] = { action: 'create', at: order.receivedAt, payload: {} };
  let rest = order.events;
  if (first && openingActions.includes(first.action)) {
    opening = { action: first.action as OpeningAction, at: first.at, payload: first.payload };
    rest = others;
    if (opening.action === 'direct-answer' && typeof opening.payload.answer !== 'string') {
      throw new Refusal('直接答复须填写答复内容 (payload.answer)', 1, first.action);
    }
    if (opening.action === 'intake-not-accept' && typeof opening.payload.reason !== 'string') {
      throw new Refusal('不予受理须说明理由 (payload.reason)', 1, first.action);
    }
  }
  if (opening.at.getTime() < order.receivedAt.getTime()) {
    throw new Refusal('登记时间早于受理时间 receivedAt', 1, opening.action);
  }
  const offset = rest === order.events ? 1 : 2;
  const events: PlannedEvent[] = [];
  let last = opening.at.getTime();
  for (const [i, e] of rest.entries()) {
    const index = i + offset;
    if (openingActions.includes(e.action)) {
      throw new Refusal(`“${e.action}”只能是第一个事件`, index, e.action);
    }
    if (e.at.getTime() < last) throw new Refusal('事件时间早于前一事件（须按时间顺序）', index, e.action);
    last = e.at.getTime();
    try {
      events.push(await planEvent(ctx, index, e));
    } catch (err) {
      if (err instanceof Refusal) throw new Refusal(err.message, index, e.action);
      throw err;
    }
  }
  return { line, order, opening, events };
}

async function planEvent(
  ctx: PlanContext,
  index: number,
  e: {
    at: Date;
    action: string;
    unitId?: number | undefined;
    unitCode?: string | undefined;
    payload: Record<string, unknown>;
  },
): Promise<PlannedEvent> {
  const p: Record<string, unknown> = { ...e.payload };
  let acting = (await unitIdOf(ctx, e.unitId, e.unitCode, 'unitId')) ?? null;
  const unit = await unitIdOf(ctx, p.unitId, p.unitCode, 'payload.unitId');
  delete p.unitCode;
  if (unit !== undefined) p.unitId = unit;
  if (Array.isArray(p.coUnitCodes)) {
    const ids: number[] = [];
    for (const c of p.coUnitCodes) ids.push((await unitIdOf(ctx, undefined, c, 'payload.coUnitCodes')) ?? 0);
    p.coUnitIds = ids;
    delete p.coUnitCodes;
  } else if (Array.isArray(p.coUnitIds)) {
    for (const id of p.coUnitIds) await unitIdOf(ctx, id, undefined, 'payload.coUnitIds');
  }
  const suggested = await unitIdOf(ctx, p.suggestedUnitId, p.suggestedUnitCode, 'payload.suggestedUnitId');
  delete p.suggestedUnitCode;
  if (suggested !== undefined) p.suggestedUnitId = suggested;
  if (typeof p.intoTicketNo === 'number') p.intoTicketNo = String(p.intoTicketNo);
  if (e.action === 'dispatch' && p.unitId === undefined && acting !== null) {
    p.unitId = acting;
    acting = null;
  }
  return { index, at: e.at, action: e.action, actingUnitId: acting, payload: p };
}
