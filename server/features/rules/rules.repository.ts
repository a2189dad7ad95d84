import { terminalStatuses } from '../../domain/ticket/statuses';
import type { Db } from '../../platform/db';

export interface CalendarVersionRow {
  id: number;
  days: unknown;
}

/** The newest stored calendar version, if any. */
export function latestCalendarVersion(db: Db): Promise<CalendarVersionRow | undefined> {
  return db
    .selectFrom('calendar_version')
    .select(['id', 'days'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The id of the newest stored calendar version, if any. */
export async function latestCalendarVersionId(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('calendar_version')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export function insertCalendarVersion(
  db: Db,
  row: { source: string; note: string; days: string },
): Promise<CalendarVersionRow> {
  return db.insertInto('calendar_version').values(row).returning(['id', 'days']).executeTakeFirstOrThrow();
}

/** The stored days of one calendar version. */
export async function calendarVersionDays(db: Db, id: number): Promise<unknown> {
  const row = await db
    .selectFrom('calendar_version')
    .select('days')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.days;
}

/**
 * Ids of open orders, ascending; with `otherThan`, only those computed under another profile
 * (id or version).
 */
export async function openOrderIds(db: Db, otherThan?: { id: string; version: string }): Promise<number[]> {
  let q = db
    .selectFrom('ticket')
    .select('id')
    .where('status', 'not in', [...terminalStatuses]);
  if (otherThan) {
    q = q.where((eb) =>
      eb.or([eb('profile_id', '!=', otherThan.id), eb('profile_version', '!=', otherThan.version)]),
    );
  }
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => r.id);
}
