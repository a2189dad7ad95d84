import type { Burst } from './burst';

/**
 * Two rising words are one topic when most of the smaller one's orders mention the other too and
 * neither is more than twice the other (so a small burst is never swallowed by a broad word).
 */
export const SAME_TOPIC_CONTAINMENT = 0.8;
const SIZE_RATIO = 0.5;

export interface TopicGroup {
  members: Burst[];
  ids: Set<number>;
}

function sameTopic(a: ReadonlySet<number>, b: readonly number[]): boolean {
  const small = Math.min(a.size, b.length);
  if (small === 0 || small < SIZE_RATIO * Math.max(a.size, b.length)) return false;
  let shared = 0;
  for (const x of b) if (a.has(x)) shared++;
  return shared >= SAME_TOPIC_CONTAINMENT * small;
}

/**
 * One matter rises with all its words (东湖, 花园, 停水, 供水 in the same orders): words whose
 * orders in the window are mostly the same join the better-ranked word's group. Greedy, in rank
 * order; `ordersOf` gives each word's order ids in the window.
 */
export function groupTopics(
  ranked: readonly Burst[],
  ordersOf: (term: string) => readonly number[],
): TopicGroup[] {
  const groups: TopicGroup[] = [];
  for (const b of ranked) {
    const ids = ordersOf(b.term);
    const home = groups.find((g) => sameTopic(g.ids, ids));
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
