import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The agent account an `open311` API key submits requests as. */
export interface Open311ClientTable {
  api_key_id: number;
  actor_user_id: number;
}

/** What a GeoReport v2 request carries beyond its order. */
export interface Open311RequestTable {
  ticket_id: number;
  token: string;
  api_key_id: number;
  service_code: string;
  lat: number | null;
  long: number | null;
  address_id: string | null;
  email: string | null;
  device_id: string | null;
  account_id: string | null;
  media_url: string | null;
  attributes: ColumnType<unknown, string | undefined, string>;
  requested_at: Timestamp;
}

// A type alias (not an interface) so that Kysely's `withTables` accepts it.
export type Open311Tables = {
  open311_client: Open311ClientTable;
  open311_request: Open311RequestTable;
};
