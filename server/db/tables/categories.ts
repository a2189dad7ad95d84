import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One change of the category tree or its key mapping; the newest id is the version in force. */
export interface CategoryVersionTable {
  id: Generated<number>;
  created_at: Timestamp;
  actor_user_id: number | null;
  change: string;
  details: ColumnType<unknown, string | undefined, string>;
}

/** A profile's category key mapped onto one of the installation's codes. */
export interface CategoryMappingTable {
  profile_key: string;
  category_code: string;
}

// A type alias (not an interface) so that Kysely's `withTables` accepts it.
export type CategoryTables = {
  category_version: CategoryVersionTable;
  category_mapping: CategoryMappingTable;
};
