import { buildCalendar, shippedHolidays, type HolidayEntry, type WorkCalendar } from '../../domain/calendar';
import { getBuiltInProfile, type Profile } from '../../domain/policy';
import type { Rules } from '../../platform/context';
import type { Db } from '../../platform/db';
import { loadProfiles } from './profile-loader';

/**
 * The rules in force: the active policy profile and the current calendar version.
 * The calendar lives in the database (calendar_version); the first start stores the shipped
 * official schedules as version 1. Importing a schedule adds a version (see calendar feature).
 */

export async function loadRules(db: Db, profileId: string, profileDir?: string): Promise<Rules> {
  const { calendar, version } = await loadCurrentCalendar(db);
  return { profile: await resolveProfile(profileId, profileDir), calendar, calendarVersion: version };
}

export async function resolveProfile(profileId: string, profileDir?: string): Promise<Profile> {
  if (profileDir) {
    const site = (await loadProfiles(profileDir)).find((p) => p.id === profileId);
    if (site) return site;
  }
  return getBuiltInProfile(profileId);
}

export async function loadCurrentCalendar(db: Db): Promise<{ calendar: WorkCalendar; version: number }> {
  let row = await db.selectFrom('calendar_version').select(['id', 'days']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) {
    row = await db
      .insertInto('calendar_version')
      .values({
        source: 'shipped',
        note: '国务院办公厅节假日安排 2007-2026 (NateScarlet/holiday-cn, MIT)',
        days: JSON.stringify(shippedHolidays),
      })
      .returning(['id', 'days'])
      .executeTakeFirstOrThrow();
  }
  const days = row.days as unknown as HolidayEntry[];
  return { calendar: buildCalendar(days, { version: row.id }), version: row.id };
}
