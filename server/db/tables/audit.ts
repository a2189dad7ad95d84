import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  /** The hash chain the entry belongs to (decision 0011). */
  chain: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
