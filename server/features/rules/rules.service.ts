import { buildCalendar, shippedHolidays, type HolidayEntry, type WorkCalendar } from '../../domain/calendar';
import { getBuiltInProfile, resolveProfileCategories, type Profile } from '../../domain/policy';
import type { Rules } from '../../platform/context';
import type { Db } from '../../platform/db';
import { loadCategoryIndex } from '../categories/categories.repository';
import { loadProfiles } from './profile-loader';
import { insertCalendarVersion, latestCalendarVersion } from './rules.repository';

/**
 * The rules in force: the active policy profile and the current calendar version.
 * The calendar lives in the database (calendar_version); the first start stores the shipped
 * official schedules as version 1. Importing a schedule adds a version (see calendar feature).
 * The profile's category keys are resolved through the installation's mapping (categories feature).
 */

export async function loadRules(db: Db, profileId: string, profileDir?: string): Promise<Rules> {
  const { calendar, version } = await loadCurrentCalendar(db);
  const sourceProfile = await resolveProfile(profileId, profileDir);
  const categories = await loadCategoryIndex(db);
  return {
    profile: resolveProfileCategories(sourceProfile, categories.index),
    calendar,
    calendarVersion: version,
    sourceProfile,
    categories: categories.index,
    categoryVersion: categories.version,
  };
}

/**
 * The rules with the category tree and mapping as stored now: the profile's category keys
 * resolved again. Returns the new rules and whether the resolved profile changed.
 */
export async function withCurrentCategories(
  db: Db,
  rules: Rules,
): Promise<{ rules: Rules; changed: boolean }> {
  const { index, version } = await loadCategoryIndex(db);
  const profile = resolveProfileCategories(rules.sourceProfile, index);
  const changed = JSON.stringify(profile) !== JSON.stringify(rules.profile);
  return { rules: { ...rules, profile, categories: index, categoryVersion: version }, changed };
}

export async function resolveProfile(profileId: string, profileDir?: string): Promise<Profile> {
  if (profileDir) {
    const site = (await loadProfiles(profileDir)).find((p) => p.id === profileId);
    if (site) return site;
  }
  return getBuiltInProfile(profileId);
}

export async function loadCurrentCalendar(db: Db): Promise<{ calendar: WorkCalendar; version: number }> {
  const row =
    (await latestCalendarVersion(db)) ??
    (await insertCalendarVersion(db, {
      source: 'shipped',
      note: '国务院办公厅节假日安排 2007-2026 (NateScarlet/holiday-cn, MIT)',
      days: JSON.stringify(shippedHolidays),
    }));
  const days = row.days as HolidayEntry[];
  return { calendar: buildCalendar(days, { version: row.id }), version: row.id };
}
