import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Db } from './db';
import type { Env } from './env';

/** What every feature receives: the composition root builds one of these. */
export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  env: Env;
  clock: Clock;
  logger: Logger;
}
