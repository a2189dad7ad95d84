import type { Logger } from 'pino';
import type { WorkCalendar } from '../domain/calendar';
import type { CategoryIndex, Profile } from '../domain/policy';
import type { Clock } from './clock';
import type { Db } from './db';
import type { Env } from './env';

/** The rules in force: the active policy profile and the current calendar version. */
export interface Rules {
  /** The profile in force, its category keys resolved to the installation's codes. */
  profile: Profile;
  calendar: WorkCalendar;
  calendarVersion: number;
  /** The profile as written (category keys unresolved); `profile` is derived from it. */
  sourceProfile: Profile;
  /** The category tree and key mapping `profile` was resolved with, and their version. */
  categories: CategoryIndex;
  categoryVersion: number;
}

/** What every feature receives: the composition root builds one of these. */
export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  env: Env;
  clock: Clock;
  logger: Logger;
  /** Mutable holder: replaced when a calendar is imported or the profile changes. */
  rules: Rules;
}
