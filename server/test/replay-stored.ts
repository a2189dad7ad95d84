import { expect } from 'vitest';
import type { Db } from '../platform/db';
import { replay, type ReplayedState } from '../domain/ticket/replay';
import type { TestApp } from './test-app';

/** Which units are (sub-)platforms, as the replay needs to know. */
export async function platformUnits(db: Db): Promise<(unitId: number) => boolean> {
  const units = await db.selectFrom('org_unit').select(['id', 'is_platform']).execute();
  const platforms = new Set(units.filter((u) => u.is_platform).map((u) => u.id));
  return (id) => platforms.has(id);
}

/** An order's stored events, run through the transition table again (decision 0002, Replay). */
export async function replayStored(
  db: Db,
  ticketId: number,
  isPlatformUnit?: (unitId: number) => boolean,
): Promise<ReplayedState> {
  const events = await db
    .selectFrom('ticket_event')
    .select(['seq', 'action', 'party', 'actor_unit_id as actorUnitId', 'payload', 'to_status as toStatus'])
    .where('ticket_id', '=', ticketId)
    .orderBy('seq')
    .execute();
  return replay(
    events.map((e) => ({ ...e, payload: e.payload })),
    isPlatformUnit ?? (await platformUnits(db)),
  );
}

/** Replays every order's events through the transition table and compares with the stored state. */
export async function expectReplayReproducesEveryOrder(t: TestApp): Promise<number> {
  const isPlatformUnit = await platformUnits(t.handle.db);
  const tickets = await t.handle.db.selectFrom('ticket').selectAll().execute();
  for (const row of tickets) {
    const state = await replayStored(t.handle.db, row.id, isPlatformUnit);
    expect(state.status).toBe(row.status);
    expect(state.pendingRequest).toBe(row.pending_request);
    expect(state.leadUnitId).toBe(row.lead_unit_id);
    const active = await t.handle.db
      .selectFrom('ticket_assignment')
      .select('unit_id')
      .where('ticket_id', '=', row.id)
      .where('role', '=', 'co')
      .where('status', 'not in', ['returned', 'ended', 'forwarded'])
      .orderBy('unit_id')
      .execute();
    expect(state.coUnitIds).toEqual(active.map((x) => x.unit_id));
  }
  return tickets.length;
}
