import type { WorkCalendar } from '../domain/calendar';
import type { CategoryIndex, Profile } from '../domain/policy';
import { createRulesProvider } from '../features/rules/rules-provider';
import { clockFor, type Clock } from './clock';
import type { DatabaseHandle, Db } from './db';
import type { Env } from './env';
import { createLogger, type Logger } from './logger';

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

/** Where the rules in force come from; only these methods change them. */
export interface RulesProvider {
  current(): Rules;
  /** Adopts the newest stored calendar version; true when it was not the one in force. */
  reloadCalendarIfNewer(): Promise<boolean>;
  /** Resolves the profile again against the stored category tree; true when the result changed. */
  reloadCategories(): Promise<boolean>;
  /** Adopts a category version stored by another process; true when it was not the one in force. */
  reloadCategoriesIfNewer(): Promise<boolean>;
  /** Puts another profile in force (a restart with another CIVICLINE_PROFILE does the same). */
  useProfile(profile: Profile): Promise<void>;
}

/** What every feature receives: `createContext` builds one of these. */
export interface AppContext {
  readonly db: Db;
  readonly dbKind: 'pglite' | 'postgres';
  readonly env: Env;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The rules in force now (read through `rulesProvider`: a newer calendar or profile shows at once). */
  readonly rules: Rules;
  readonly rulesProvider: RulesProvider;
  /** A streaming replica (DATABASE_REPLICA_URL) for read-only reports; absent: they read `db`. */
  readonly readDb?: Db;
}

export interface CreateContextOptions {
  handle: Pick<DatabaseHandle, 'db' | 'kind'>;
  env: Env;
  logger?: Logger;
  /** Tests freeze the test clock; it moves only when a test sets or advances it. */
  frozenClock?: boolean;
  /** Overrides CIVICLINE_PROFILE for this context. */
  profile?: string;
  /** The replica read-only reports use, when there is one. */
  readDb?: Db;
}

/**
 * The one bootstrap of the server, the command line and the tests, on a migrated database:
 * the clock by one rule (`clockFor`) and the rules in force from the database and the profile.
 */
export async function createContext(opts: CreateContextOptions): Promise<AppContext> {
  const { handle, env } = opts;
  const rulesProvider = await createRulesProvider(
    handle.db,
    opts.profile ?? env.CIVICLINE_PROFILE,
    env.CIVICLINE_PROFILE_DIR,
  );
  return contextOf({
    db: handle.db,
    dbKind: handle.kind,
    env,
    clock: clockFor(env, { frozen: opts.frozenClock }),
    logger: opts.logger ?? createLogger(env.LOG_LEVEL),
    rulesProvider,
    ...(opts.readDb ? { readDb: opts.readDb } : {}),
  });
}

/** A context over the given parts; `rules` always reads the provider. */
export function contextOf(parts: Omit<AppContext, 'rules'>): AppContext {
  return {
    ...parts,
    get rules() {
      return parts.rulesProvider.current();
    },
  };
}

/** The same context on another clock (a replayed order, a generated history). */
export function withClock(ctx: AppContext, clock: Clock): AppContext {
  return contextOf({
    db: ctx.db,
    dbKind: ctx.dbKind,
    env: ctx.env,
    clock,
    logger: ctx.logger,
    rulesProvider: ctx.rulesProvider,
    ...(ctx.readDb ? { readDb: ctx.readDb } : {}),
  });
}

/**
 * The context of read-only paths (assessment reports, statistics): the same context, but `db`
 * is the replica when there is one. It may lag the primary by a little (docs/OPERATIONS.md).
 * Rules stay those of the provider.
 */
export function reportContext(ctx: AppContext): AppContext {
  const { readDb } = ctx;
  if (!readDb) return ctx;
  return contextOf({
    db: readDb,
    dbKind: ctx.dbKind,
    env: ctx.env,
    clock: ctx.clock,
    logger: ctx.logger,
    rulesProvider: ctx.rulesProvider,
    readDb,
  });
}
