import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface KbArticleTable {
  id: Generated<number>;
  external_id: string | null;
  external_id_numeric: Generated<boolean>;
  title: string;
  /** Markdown. */
  body: Generated<string>;
  category_code: string | null;
  /** Category as given (import) when it names no known category. */
  category_label: string | null;
  owner_unit_id: number | null;
  /** Unit as given (import) when it names no known unit. */
  unit_label: string | null;
  keywords: Generated<string[]>;
  valid_from: string | null;
  valid_until: string | null;
  review_by: string | null;
  status: Generated<string>;
  version: Generated<number>;
  usage_count: Generated<number>;
  source: Generated<string>;
  title_tokens: Generated<string>;
  keyword_tokens: Generated<string>;
  body_tokens: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  /** Title and keyword tokens only (first search tier). */
  head_vector: ColumnType<string, never, never>;
  status_note: string | null;
  created_by: number | null;
  updated_by: number | null;
  reviewed_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface KbChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface KbSnapshot {
  title: string;
  body: string;
  categoryCode: string | null;
  categoryLabel: string | null;
  ownerUnitId: number | null;
  unitLabel: string | null;
  keywords: string[];
  validFrom: string | null;
  validUntil: string | null;
  reviewBy: string | null;
  externalId: string | null;
}

export interface KbArticleVersionTable {
  article_id: number;
  version: number;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  status: string;
  changes: JSONColumnType<KbChange[]>;
  snapshot: JSONColumnType<KbSnapshot>;
  note: string | null;
}

export interface KbArticleUsageTable {
  article_id: number;
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  ticket_id: number | null;
}

export interface KbTermStatTable {
  term: string;
  df: number;
}

export interface KbPolicyNoticeTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  document_no: string | null;
  announced_on: string;
  due_on: string;
  article_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface KbContributionTable {
  id: Generated<number>;
  title: string;
  question: string | null;
  answer: string;
  contributor_type: string;
  contributor_name: string | null;
  organisation: string | null;
  contact: string | null;
  category_code: string | null;
  status: Generated<string>;
  client_key: string;
  created_at: Timestamp;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
  article_id: number | null;
}

/** One group of words a knowledge search treats as the same (maintained by the center). */
export interface KbSynonymGroupTable {
  id: Generated<number>;
  words: string[];
  note: string | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Columns this feature adds to the core `ticket` table. */
export interface KbTicketColumns {
  content_tokens: string | null;
  content_vector: ColumnType<string, never, never>;
}

export interface KbTables {
  kb_article: KbArticleTable;
  kb_article_version: KbArticleVersionTable;
  kb_article_usage: KbArticleUsageTable;
  kb_term_stat: KbTermStatTable;
  kb_policy_notice: KbPolicyNoticeTable;
  kb_contribution: KbContributionTable;
  kb_synonym_group: KbSynonymGroupTable;
}
