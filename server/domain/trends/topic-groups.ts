import type { Burst } from './burst';

/** Two rising words whose orders overlap this much (Jaccard) are one topic. */
export const SAME_TOPIC_JACCARD = 0.7;

export interface TopicGroup {
  members: Burst[];
  ids: Set<number>;
}

function jaccard(a: ReadonlySet<number>, b: readonly number[]): number {
  if (a.size === 0 && b.length === 0) return 0;
  let shared = 0;
  for (const x of b) if (a.has(x)) shared++;
  return shared / (a.size + b.length - shared);
}

/**
 * One matter rises with all its words (东湖, 花园, 停水, 供水 in the same orders): words whose
 * orders in the window are nearly the same join the better-ranked word's group. Greedy, in rank
 * order; `ordersOf` gives each word's order ids in the window.
 */
export function groupTopics(
  ranked: readonly Burst[],
  ordersOf: (term: string) => readonly number[],
): TopicGroup[] {
  const groups: TopicGroup[] = [];
  for (const b of ranked) {
    const ids = ordersOf(b.term);
    const home = groups.find((g) => jaccard(g.ids, ids) >= SAME_TOPIC_JACCARD);
    if (home) home.members.push(b);
    else groups.push({ members: [b], ids: new Set(ids) });
  }
  return groups;
}

/**
 * The word that names a group: the first of the group's texts' TF-IDF keywords (jieba, general
 * Chinese IDF) that is a member, so 停水 names the outage rather than the estate's name; else the
 * best-ranked member.
 */
export function topicName(group: TopicGroup, keywords: readonly string[]): Burst {
  const first = group.members[0];
  if (!first) throw new Error('empty topic group');
  for (const k of keywords) {
    const m = group.members.find((x) => x.term === k);
    if (m) return m;
  }
  return first;
}
