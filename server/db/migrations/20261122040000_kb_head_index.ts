import { sql, type Kysely } from 'kysely';

/**
 * Knowledge base search at scale:
 * - a full-text index over titles and keywords only, for the first candidate tier of short
 *   queries (the rarest query word in the title or keywords; see searchTiers in
 *   server/domain/kb/ranking.ts). Queries use the same expression.
 * - narrow article rows: bodies and body tokens (read only for a page of snippets) move to
 *   TOAST, uncompressed, once a row passes 1,500 bytes, while the search vector stays inline
 *   (MAIN), so a candidate scan touches fewer pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table kb_article set (toast_tuple_target = 1500)`.execute(db);
  // Out of line without compression: pglz costs more on every import than the bytes it saves.
  await sql`alter table kb_article alter column body set storage external`.execute(db);
  await sql`alter table kb_article alter column body_tokens set storage external`.execute(db);
  await sql`
    create index kb_article_head_idx on kb_article
      using gin (to_tsvector('simple', title_tokens || ' ' || keyword_tokens))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists kb_article_head_idx`.execute(db);
  await sql`alter table kb_article reset (toast_tuple_target)`.execute(db);
  await sql`alter table kb_article alter column body set storage extended`.execute(db);
  await sql`alter table kb_article alter column body_tokens set storage extended`.execute(db);
}
