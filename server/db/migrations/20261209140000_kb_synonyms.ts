import { sql, type Kysely } from 'kysely';
import { builtInSynonymGroups } from '../../domain/kb/synonyms';

/**
 * The installation's synonym list for knowledge search (口语同义词), maintained on the knowledge
 * base screen. Starts with the built-in groups; `version` counts changes so that every process
 * picks a change up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kb_synonym_group (
      id bigserial primary key,
      words text[] not null check (cardinality(words) between 2 and 16),
      note text,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
  for (const words of builtInSynonymGroups) {
    await sql`insert into kb_synonym_group (words, note) values (${[...words]}::text[], '内置')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kb_synonym_group`.execute(db);
}
