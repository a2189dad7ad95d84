import type { ColumnType } from 'kysely';

/** An `Idempotency-Key` claimed by intake or an action (server/features/tickets/idempotency.ts). */
export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  request_hash: string;
  ticket_id: number | null;
  created_at: ColumnType<Date, Date | string, never>;
}

/** A first-start step, begun and perhaps done for good (see server/features/demo/demo-steps.ts). */
export interface InstallationStepTable {
  step: string;
  begun_at: ColumnType<Date, Date | string, Date | string>;
  completed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface OperationsTables {
  idempotency_key: IdempotencyKeyTable;
  installation_step: InstallationStepTable;
}
