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
  /** A streaming replica (DATABASE_REPLICA_URL) for read-only reports; absent: they read `db`. */
  readDb?: Db;
}

/**
 * The context of read-only paths (assessment reports, statistics): the same context, but `db`
 * is the replica when there is one. It may lag the primary by a little (docs/OPERATIONS.md).
 * Rules stay the live holder of `ctx`.
 */
export function reportContext(ctx: AppContext): AppContext {
  const { readDb } = ctx;
  if (!readDb) return ctx;
  return {
    get db() {
      return readDb;
    },
    get dbKind() {
      return ctx.dbKind;
    },
    get env() {
      return ctx.env;
    },
    get clock() {
      return ctx.clock;
    },
    get logger() {
      return ctx.logger;
    },
    get rules() {
      return ctx.rules;
    },
    set rules(rules: Rules) {
      ctx.rules = rules;
    },
    readDb,
  };
}
