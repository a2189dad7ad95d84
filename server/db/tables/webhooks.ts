import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** An administrator's webhook subscription (推送订阅); the secret signs every delivery. */
export interface WebhookSubscriptionTable {
  id: Generated<number>;
  url: string;
  events: string[];
  secret: string;
  api_key: string | null;
  format: Generated<string>;
  active: Generated<boolean>;
  created_by: number;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** One delivery of the outbox: to a subscription, or a forward to a remote installation's unit. */
export interface WebhookDeliveryTable {
  id: string;
  subscription_id: number | null;
  unit_id: number | null;
  event: string;
  ticket_id: number;
  event_seq: number | null;
  body: string | null;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** An order received from another installation (its number there). */
export interface ExchangeOrderTable {
  ticket_id: number;
  external_no: string;
  source: string;
  api_key_id: number | null;
  received_at: Timestamp;
}

/** A status report applied, by its delivery id (a repeat is answered without effect). */
export interface ExchangeReceiptTable {
  delivery_id: string;
  ticket_id: number;
  received_at: Timestamp;
}

/** A unit that is another installation of CivicLine. */
export interface ExchangeUnitColumns {
  exchange_endpoint: string | null;
  exchange_key: string | null;
}

export interface WebhookTables {
  webhook_subscription: WebhookSubscriptionTable;
  webhook_delivery: WebhookDeliveryTable;
  exchange_order: ExchangeOrderTable;
  exchange_receipt: ExchangeReceiptTable;
}
