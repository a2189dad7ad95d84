import { sql } from 'kysely';
import type { Actor } from '../tickets/standing';
import type { Trx } from '../tickets/tickets.repository';
import { visibleTo } from '../tickets/visibility.repository';

export interface CandidateRow {
  id: number;
  ticket_no: string;
  status: string;
  content: string;
  content_tokens: string | null;
  location_address: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  caller_address: string | null;
  confidential: boolean;
  created_at: Date;
  shared: number;
}

type CandidateParams = {
  keys: number[];
  phone: string | null;
  since: Date;
  excludeIds: number[];
  limit: number;
};

/**
 * Orders that may be about the same matter as a text, within the actor's scope: those sharing
 * a MinHash band key with it (GIN index on `similar_keys`) or called in from the same number,
 * open or closed since `since`, merged orders left out (their target stands for them). Best
 * first by shared keys; the caller re-ranks them.
 *
 * The planner has no useful statistics for band keys (each is almost unique), so it takes an
 * overlap with 32 keys for several percent of the table and, up to some 100,000 orders, reads the
 * whole table instead of the index (135 ms at 20,000 orders on PGlite, against a few ms through
 * the index). Outside a caller's transaction the lookup runs in one of its own with sequential
 * scans disabled for it alone (`set local`).
 */
export async function similarCandidates(db: Trx, actor: Actor, p: CandidateParams): Promise<CandidateRow[]> {
  if (p.keys.length === 0 && !p.phone) return [];
  if (db.isTransaction) return candidatesIn(db, actor, p);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return candidatesIn(trx, actor, p);
  });
}

async function candidatesIn(db: Trx, actor: Actor, p: CandidateParams): Promise<CandidateRow[]> {
  const keys = sql`${p.keys}::integer[]`;
  let q = db
    .selectFrom('ticket as t')
    .select([
      't.id',
      't.ticket_no',
      't.status',
      't.content',
      't.content_tokens',
      't.location_address',
      't.caller_name',
      't.caller_phone',
      't.caller_address',
      't.confidential',
      't.created_at',
    ])
    .select(
      sql<number>`cardinality(array(select unnest(t.similar_keys) intersect select unnest(${keys})))`.as(
        'shared',
      ),
    )
    .where((eb) => {
      const by = [sql<boolean>`t.similar_keys && ${keys}`];
      if (p.phone) by.push(sql<boolean>`t.caller_phone = ${p.phone}`);
      return eb.or(by);
    })
    .where('t.status', '<>', 'merged')
    .where((eb) => eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>=', p.since)]))
    .where(visibleTo(actor));
  if (p.excludeIds.length > 0) q = q.where('t.id', 'not in', p.excludeIds);
  const rows = await q.orderBy('shared', 'desc').orderBy('t.id', 'desc').limit(p.limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), shared: Number(r.shared) }));
}

/** What the similar-orders list of one order starts from. */
export function similarSubject(db: Trx, ticketId: number) {
  return db
    .selectFrom('ticket')
    .select(['id', 'content', 'location_address', 'caller_phone'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

/** Orders merged into an order (its repeats), oldest first. */
export function mergedRepeats(db: Trx, ticketId: number) {
  return db
    .selectFrom('ticket')
    .select([
      'id',
      'ticket_no',
      'received_at',
      'content',
      'caller_name',
      'caller_phone',
      'caller_address',
      'confidential',
    ])
    .where('merged_into_id', '=', ticketId)
    .orderBy('id')
    .execute();
}
