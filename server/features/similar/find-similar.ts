import type { SimilarOrder } from '../../../common/contracts/intake-assist';
import { tokenize } from '../../domain/kb/segment';
import { lshKeys } from '../../domain/similar/shingles';
import {
  judgePair,
  LIST_THRESHOLD,
  samePhone,
  samePlace,
  storedTokens,
  textScore,
  textSide,
} from '../../domain/similar/score';
import { textFor } from '../tickets/caller-privacy';
import type { Actor } from '../tickets/standing';
import type { Trx } from '../tickets/tickets.repository';
import { similarCandidates } from './similar.repository';

/** Open orders, and orders closed within this many days, are searched. */
export const SIMILAR_WINDOW_DAYS = 90;
/** Candidates read from the index before re-ranking. */
const CANDIDATES = 60;
const SUMMARY_CHARS = 60;
const closedStatuses = new Set(['closed', 'answered']);

export interface SimilarQuery {
  content: string;
  location?: string | null;
  callerPhone?: string | null;
  excludeTicketId?: number;
  /** Orders merged into the subject (left out besides the subject). */
  excludeIds?: number[];
}

export type ScoredSimilarOrder = SimilarOrder & { sameCaller: boolean };

/**
 * Orders about the same matter as a text (重复件), as the actor may see them: candidates from
 * the LSH index (and the caller's other orders), re-ranked on the text (shingle containment
 * and word cosine), the place and the caller. Best first; `summary` withholds caller data.
 */
export async function findSimilarScored(
  db: Trx,
  actor: Actor,
  q: SimilarQuery,
  opts: { limit?: number; now: Date },
): Promise<ScoredSimilarOrder[]> {
  const since = new Date(opts.now.getTime() - SIMILAR_WINDOW_DAYS * 86_400_000);
  const candidates = await similarCandidates(db, actor, {
    keys: lshKeys(q.content),
    phone: q.callerPhone?.trim() || null,
    since,
    excludeIds: [...(q.excludeTicketId ? [q.excludeTicketId] : []), ...(q.excludeIds ?? [])],
    limit: CANDIDATES,
  });
  const subject = textSide(q.content, tokenize(q.content));
  const out: ScoredSimilarOrder[] = [];
  for (const c of candidates) {
    const closed = closedStatuses.has(c.status);
    const sameCaller = samePhone(q.callerPhone, c.caller_phone);
    const place = samePlace(
      { location: q.location ?? null, text: q.content },
      { location: c.location_address, text: c.content },
    );
    const text = textScore(subject, textSide(c.content, storedTokens(c.content_tokens)));
    const verdict = judgePair({ text, samePlace: place, sameCaller, closed });
    if (verdict.score < LIST_THRESHOLD) continue;
    const caller = {
      name: c.caller_name,
      phone: c.caller_phone,
      address: c.caller_address,
      confidential: c.confidential,
    };
    const summary = textFor('hidden', caller, c.content);
    out.push({
      ticketId: c.id,
      ticketNo: c.ticket_no,
      score: verdict.score,
      likelyDuplicate: verdict.likelyDuplicate,
      reason: verdict.reason,
      status: c.status,
      closed,
      createdAt: c.created_at.toISOString(),
      summary:
        [...summary].length > SUMMARY_CHARS ? `${[...summary].slice(0, SUMMARY_CHARS).join('')}…` : summary,
      sameCaller,
    });
  }
  out.sort((a, b) => b.score - a.score || b.ticketId - a.ticketId);
  return out.slice(0, opts.limit ?? 10);
}

/**
 * The reusable entry point (intake suggestions call it): orders about the same matter as
 * `content`, best first, in the contract's shape.
 */
export async function findSimilarOrders(
  db: Trx,
  actor: Actor,
  q: { content: string; location?: string | null; callerPhone?: string | null; excludeTicketId?: number },
  opts: { limit?: number; now?: Date } = {},
): Promise<SimilarOrder[]> {
  const items = await findSimilarScored(db, actor, q, { limit: opts.limit, now: opts.now ?? new Date() });
  return items.map(({ sameCaller: _same, ...item }) => item);
}
