import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A photo or document of an order, a reply or an appeal; the bytes are in the file store. */
export interface AttachmentTable {
  id: Generated<number>;
  ticket_id: number;
  kind: 'order' | 'reply' | 'appeal';
  file_name: string;
  /** From the file's first bytes, never the client's claim. */
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  source: 'staff' | 'portal';
  uploaded_by: number | null;
  uploaded_by_unit_id: number | null;
  created_at: Timestamp;
}

/** The citizen's own rating of the reply, given on the portal with the tracking code. */
export interface CitizenRatingTable {
  ticket_id: number;
  rating: 'satisfied' | 'basically-satisfied' | 'unsatisfied';
  comment: string | null;
  created_at: Timestamp;
}

/** Portal submissions per phone (sha256) and service day. */
export interface PublicRequestQuotaTable {
  phone_hash: string;
  day: string;
  count: number;
}

export interface PortalTables {
  attachment: AttachmentTable;
  citizen_rating: CitizenRatingTable;
  public_request_quota: PublicRequestQuotaTable;
}
