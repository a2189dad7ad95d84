import { sql, type Kysely } from 'kysely';

/**
 * Knowledge base (知识库): articles with their version history and usage log, document
 * frequencies for query weighting, policy notices (timeliness of uploads), public
 * contributions, and the token column + full-text vector on closed orders for "similar cases".
 *
 * Search text is segmented in the application (jieba) and stored as space-separated tokens;
 * the vector is generated from them with the 'simple' configuration, title weighted A,
 * keywords B, body C. PostgreSQL 15 subset only (stored generated columns, no triggers).
 * Body format: Markdown (see docs/decisions/kb-article-format.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kb_article (
      id bigserial primary key,
      external_id text unique,
      external_id_numeric boolean not null default false,
      title text not null,
      body text not null default '',
      category_code text references category(code),
      category_label text,
      owner_unit_id bigint references org_unit(id),
      unit_label text,
      keywords text[] not null default '{}',
      valid_from date,
      valid_until date,
      review_by date,
      status text not null default 'draft',
      version integer not null default 1,
      usage_count integer not null default 0,
      source text not null default 'manual',
      title_tokens text not null default '',
      keyword_tokens text not null default '',
      body_tokens text not null default '',
      search_vector tsvector generated always as (
        setweight(to_tsvector('simple', title_tokens), 'A') ||
        setweight(to_tsvector('simple', keyword_tokens), 'B') ||
        setweight(to_tsvector('simple', body_tokens), 'C')
      ) stored,
      status_note text,
      created_by bigint references app_user(id),
      updated_by bigint references app_user(id),
      reviewed_by bigint references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      published_at timestamptz
    )`.execute(db);
  // Ranking reads the vector once per query concept: keep it inline and uncompressed (MAIN
  // storage; pglz rarely shrinks a tsvector) instead of TOAST, which costs a fetch per read.
  await sql`alter table kb_article alter column search_vector set storage main`.execute(db);
  await sql`create index kb_article_search_idx on kb_article using gin (search_vector)`.execute(db);
  await sql`create index kb_article_title_trgm_idx on kb_article using gin (title gin_trgm_ops)`.execute(db);
  await sql`create index kb_article_status_idx on kb_article (status, updated_at desc)`.execute(db);
  await sql`create index kb_article_unit_idx on kb_article (owner_unit_id, status)`.execute(db);
  await sql`create index kb_article_category_idx on kb_article (category_code text_pattern_ops)`.execute(db);
  await sql`create index kb_article_review_idx on kb_article (review_by) where status = 'published'`.execute(
    db,
  );

  await sql`
    create table kb_article_version (
      article_id bigint not null references kb_article(id),
      version integer not null,
      at timestamptz not null,
      actor_user_id bigint references app_user(id),
      action text not null,
      status text not null,
      changes jsonb not null default '[]',
      snapshot jsonb not null,
      note text,
      primary key (article_id, version)
    )`.execute(db);

  await sql`
    create table kb_article_usage (
      article_id bigint not null references kb_article(id),
      id bigserial,
      at timestamptz not null,
      user_id bigint references app_user(id),
      ticket_id bigint,
      primary key (article_id, id)
    )`.execute(db);
  await sql`create index kb_article_usage_at_idx on kb_article_usage (at)`.execute(db);

  // Document frequency of every token over all articles; the row '#articles' holds their count.
  await sql`
    create table kb_term_stat (
      term text primary key,
      df integer not null
    )`.execute(db);
  await sql`insert into kb_term_stat (term, df) values ('#articles', 0)`.execute(db);

  await sql`
    create table kb_policy_notice (
      id bigserial primary key,
      unit_id bigint not null references org_unit(id),
      title text not null,
      document_no text,
      announced_on date not null,
      due_on date not null,
      article_id bigint references kb_article(id),
      note text,
      created_by bigint references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index kb_policy_notice_unit_idx on kb_policy_notice (unit_id, due_on)`.execute(db);

  await sql`
    create table kb_contribution (
      id bigserial primary key,
      title text not null,
      question text,
      answer text not null,
      contributor_type text not null,
      contributor_name text,
      organisation text,
      contact text,
      category_code text references category(code),
      status text not null default 'pending',
      client_key text not null,
      created_at timestamptz not null,
      reviewed_by bigint references app_user(id),
      reviewed_at timestamptz,
      review_note text,
      article_id bigint references kb_article(id)
    )`.execute(db);
  await sql`create index kb_contribution_status_idx on kb_contribution (status, created_at)`.execute(db);
  await sql`create index kb_contribution_client_idx on kb_contribution (client_key, created_at)`.execute(db);

  // Similar past cases: the order's content segmented by segmentForIndex() (server/domain/kb).
  await sql`alter table ticket add column content_tokens text`.execute(db);
  await sql`
    alter table ticket add column content_vector tsvector
      generated always as (to_tsvector('simple', coalesce(content_tokens, ''))) stored`.execute(db);
  await sql`alter table ticket alter column content_vector set storage main`.execute(db);
  await sql`create index ticket_content_vector_idx on ticket using gin (content_vector)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_content_vector_idx`.execute(db);
  await sql`alter table ticket drop column if exists content_vector`.execute(db);
  await sql`alter table ticket drop column if exists content_tokens`.execute(db);
  for (const t of [
    'kb_contribution',
    'kb_policy_notice',
    'kb_term_stat',
    'kb_article_usage',
    'kb_article_version',
    'kb_article',
  ]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
