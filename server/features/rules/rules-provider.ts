import type { Profile } from '../../domain/policy';
import type { Rules, RulesProvider } from '../../platform/context';
import type { Db } from '../../platform/db';
import { currentVersion } from '../categories/categories.repository';
import { loadCurrentCalendar, loadRules, withCurrentCategories } from './rules.service';
import { latestCalendarVersionId } from './rules.repository';

/**
 * The rules in force for one process. Only the methods below change them: a newer calendar
 * version, a changed category tree or mapping, or another profile; readers see the latest.
 */
export async function createRulesProvider(
  db: Db,
  profileId: string,
  profileDir?: string,
): Promise<RulesProvider> {
  let rules: Rules = await loadRules(db, profileId, profileDir);
  return {
    current: () => rules,
    async reloadCalendarIfNewer() {
      const latest = await latestCalendarVersionId(db);
      if (latest === undefined || latest === rules.calendarVersion) return false;
      const { calendar, version } = await loadCurrentCalendar(db);
      rules = { ...rules, calendar, calendarVersion: version };
      return true;
    },
    async reloadCategories() {
      const next = await withCurrentCategories(db, rules);
      rules = next.rules;
      return next.changed;
    },
    async reloadCategoriesIfNewer() {
      if ((await currentVersion(db)) === rules.categoryVersion) return false;
      rules = (await withCurrentCategories(db, rules)).rules;
      return true;
    },
    async useProfile(profile: Profile) {
      rules = (await withCurrentCategories(db, { ...rules, sourceProfile: profile })).rules;
    },
  };
}
