import type { CoreTables } from './tables/core';

/**
 * The whole database as Kysely sees it. Each feature declares its tables in
 * server/db/tables/<area>.ts and is added here.
 */
export interface Database extends CoreTables {}
