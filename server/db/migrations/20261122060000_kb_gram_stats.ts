import { sql, type Kysely } from 'kysely';
import { accumulateGramDelta, articleGrams, GRAM_PREFIX, GRAM_TOTAL_TERM } from '../../domain/kb/grams';
import { markdownToText } from '../../domain/kb/markdown';

/**
 * Knowledge base: collection frequencies of character bigrams (kb_term_stat rows '~xy' and
 * '#grams') for the ranking of long queries, counted over the articles that already exist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Bigram totals outgrow a 32-bit integer at city scale (a million articles of a few pages).
  await sql`alter table kb_term_stat alter column df type bigint`.execute(db);
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; title: string; keywords: string[]; body: string }>`
      select id, title, keywords, body from kb_article where id > ${after} order by id limit 500`.execute(db);
    if (rows.length === 0) break;
    const deltas = new Map<string, number>();
    for (const r of rows) {
      accumulateGramDelta(deltas, null, articleGrams(r.title, r.keywords, markdownToText(r.body)));
    }
    const entries = [...deltas].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    await sql`
      insert into kb_term_stat (term, df)
      select t.term, t.df from unnest(${entries.map((e) => e[0])}::text[], ${entries.map((e) => e[1])}::bigint[]) as t(term, df)
      on conflict (term) do update set df = kb_term_stat.df + excluded.df`.execute(db);
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from kb_term_stat where term like ${`${GRAM_PREFIX}%`} or term = ${GRAM_TOTAL_TERM}`.execute(
    db,
  );
  await sql`alter table kb_term_stat alter column df type integer`.execute(db);
}
