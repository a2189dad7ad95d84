import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** An API key: its hash, scopes and (scope `unit`) the unit and the account it acts as. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  /** The first characters of the key, shown in lists to tell keys apart. */
  prefix: string;
  key_hash: string;
  scopes: string[];
  unit_id: number | null;
  actor_user_id: number | null;
  created_by: number;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A call as the telephone system reported it, derived from its events. */
export interface CallRecordTable {
  call_id: string;
  caller_phone: string | null;
  queue: string | null;
  offered_at: Timestamp | null;
  answered_at: Timestamp | null;
  abandoned_at: Timestamp | null;
  ended_at: Timestamp | null;
  transferred_at: Timestamp | null;
  agent_user_id: number | null;
  agent_username: string | null;
  created_at: Timestamp;
}

/** One event of a call, at most one per type. */
export interface CallEventTable {
  call_id: string;
  type: string;
  at: Timestamp;
  caller_phone: string | null;
  agent_username: string | null;
  queue: string | null;
  received_at: Timestamp;
}

/** The call an order was taken on. */
export interface CallTicketTable {
  ticket_id: number;
  call_id: string;
  linked_by: string;
  linked_at: Timestamp;
}

/** A one-time ticket that opens the screen-pop stream (EventSource cannot send headers). */
export interface CtiStreamTicketTable {
  ticket_hash: string;
  user_id: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface CtiTables {
  api_key: ApiKeyTable;
  call_record: CallRecordTable;
  call_event: CallEventTable;
  call_ticket: CallTicketTable;
  cti_stream_ticket: CtiStreamTicketTable;
}
