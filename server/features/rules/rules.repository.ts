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
