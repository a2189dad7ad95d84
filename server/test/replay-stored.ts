import type { Db } from '../platform/db';
import { replay, type ReplayedState } from '../domain/ticket/replay';

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
    events.map((e) => ({ ...e, payload: e.payload as Record<string, unknown> })),
    isPlatformUnit ?? (await platformUnits(db)),
  );
}
