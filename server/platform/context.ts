import type { Logger } from 'pino';
import type { WorkCalendar } from '../domain/calendar';
import type { Profile } from '../domain/policy';
import type { Clock } from './clock';
import type { Db } from './db';
import type { Env } from './env';

/** The rules in force: the active policy profile and the current calendar version. */
export interface Rules {
  profile: Profile;
  calendar: WorkCalendar;
  calendarVersion: number;
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
