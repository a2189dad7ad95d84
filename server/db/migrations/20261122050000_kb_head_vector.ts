import { sql, type Kysely } from 'kysely';

/**
 * Knowledge base: the title-and-keywords vector becomes a stored generated column instead of an
 * expression index, so a row filtered on it (when the planner prefers the main index) reads the
 * vector rather than re-parsing the tokens.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists kb_article_head_idx`.execute(db);
  await sql`
    alter table kb_article add column head_vector tsvector
      generated always as (to_tsvector('simple', title_tokens || ' ' || keyword_tokens)) stored`.execute(db);
  await sql`create index kb_article_head_idx on kb_article using gin (head_vector)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists kb_article_head_idx`.execute(db);
  await sql`alter table kb_article drop column if exists head_vector`.execute(db);
  await sql`
    create index kb_article_head_idx on kb_article
      using gin (to_tsvector('simple', title_tokens || ' ' || keyword_tokens))`.execute(db);
}
