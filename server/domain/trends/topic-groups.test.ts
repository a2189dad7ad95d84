import { describe, expect, it } from 'vitest';
import type { Burst } from './burst';
import { groupTopics, topicName } from './topic-groups';

const burst = (term: string, count: number): Burst => ({
  term,
  count,
  baseline: 0,
  growth: 1,
  log10P: -9,
  score: 1,
});
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe('topic groups', () => {
  it('joins the words of one matter, keeps a small burst apart from a broad word, and names a group by keyword', () => {
    const orders: Record<string, number[]> = {
      尽快恢复: range(0, 41), // 40 burst orders and one more
      停水: [...range(0, 40), ...range(100, 130)], // 40 of 尽快恢复's 41, and 30 others: one matter
      东湖: range(0, 10), // all inside, but a quarter of the size: its own topic
      噪音: range(200, 220),
    };
    const groups = groupTopics(
      [burst('尽快恢复', 41), burst('停水', 70), burst('东湖', 10), burst('噪音', 20)],
      (t) => orders[t] ?? [],
    );
    expect(groups.map((g) => g.members.map((m) => m.term))).toEqual([
      ['尽快恢复', '停水'],
      ['东湖'],
      ['噪音'],
    ]);
    const first = groups[0];
    if (!first) throw new Error('no group');
    expect(topicName(first, ['东城区', '停水', '尽快']).term).toBe('停水');
    expect(topicName(first, ['别的']).term).toBe('尽快恢复');
  });
});
