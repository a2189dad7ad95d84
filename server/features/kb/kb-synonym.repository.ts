import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** Serialises changes to the list, so that no word ends up in two groups. */
const SYNONYM_LOCK = 0x43_4c_53_59; // "CLSY"

export interface SynonymGroupRow {
  id: number;
  words: string[];
  note: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

const columns = ['id', 'words', 'note', 'updated_by as updatedBy', 'updated_at as updatedAt'] as const;

export async function listSynonymGroups(db: Db | Trx): Promise<SynonymGroupRow[]> {
  const rows = await db.selectFrom('kb_synonym_group').select(columns).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function lockSynonyms(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SYNONYM_LOCK})`.execute(trx);
}

export async function insertSynonymGroup(
  trx: Trx,
  g: { words: string[]; note: string | null; updatedBy: string; at: Date },
): Promise<number> {
  const row = await trx
    .insertInto('kb_synonym_group')
    .values({ words: g.words, note: g.note, updated_by: g.updatedBy, updated_at: g.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateSynonymGroup(
  trx: Trx,
  id: number,
  g: { words: string[]; note: string | null; updatedBy: string; at: Date },
): Promise<boolean> {
  const r = await trx
    .updateTable('kb_synonym_group')
    .set({ words: g.words, note: g.note, updated_by: g.updatedBy, updated_at: g.at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteSynonymGroup(trx: Trx, id: number): Promise<boolean> {
  const r = await trx.deleteFrom('kb_synonym_group').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
