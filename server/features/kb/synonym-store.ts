import { addUserWords } from '../../domain/kb/segment';
import { SynonymIndex } from '../../domain/kb/synonyms';
import type { Db } from '../../platform/db';
import { listSynonymGroups } from './kb-synonym.repository';

/** How long a process keeps the list before reading it again (changes made elsewhere). */
const TTL_MS = 30_000;

const cache = new WeakMap<Db, { index: SynonymIndex; loadedAt: number }>();

/**
 * The installation's synonym list for knowledge search, read from the database and kept for a
 * short while; its words join the segmenter's user dictionary so a query keeps them whole.
 */
export async function synonymsFor(db: Db): Promise<SynonymIndex> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < TTL_MS) return hit.index;
  const index = new SynonymIndex((await listSynonymGroups(db)).map((g) => g.words));
  addUserWords(index.words());
  cache.set(db, { index, loadedAt: Date.now() });
  return index;
}

/** After a change in this process: the next search reads the list again. */
export function forgetSynonyms(db: Db): void {
  cache.delete(db);
}
