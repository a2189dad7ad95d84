import { seededRandom as rng } from '../../common/seeded-random';

/** A generated stream of telephony calls and their events, with the figures counted independently. */
export interface GeneratedCall {
  id: string;
  offered: number | null;
  answered: number | null;
  abandoned: number | null;
  agent: string | null;
  queue: string;
}

export const FROM = Date.parse('2026-11-02T00:00:00+08:00');
export const TO = Date.parse('2026-11-04T00:00:00+08:00');

/** Two days of calls around [FROM, TO), with edge cases written out. */
export function generateCalls(): GeneratedCall[] {
  const rand = rng(14);
  const agents = ['agent', 'dispatcher', 'ghost-agent'];
  const queues = ['综合', '企业', '投诉'];
  const calls: GeneratedCall[] = [];
  for (let i = 0; i < 110; i++) {
    // From 2 hours before FROM to 2 hours after TO.
    const offered = FROM - 7_200_000 + Math.floor(rand() * (TO - FROM + 14_400_000));
    const r = rand();
    const wait = Math.floor(rand() * 40_000);
    const queue = queues[Math.floor(rand() * queues.length)] ?? '综合';
    const agent = agents[Math.floor(rand() * agents.length)] ?? 'agent';
    if (r < 0.7) {
      calls.push({ id: `g-${i}`, offered, answered: offered + wait, abandoned: null, agent, queue });
    } else if (r < 0.92) {
      calls.push({ id: `g-${i}`, offered, answered: null, abandoned: offered + wait, agent: null, queue });
    } else calls.push({ id: `g-${i}`, offered, answered: null, abandoned: null, agent: null, queue });
  }
  const at = (iso: string) => Date.parse(iso);
  calls.push(
    // On the boundaries: offered at FROM counts, at TO does not.
    {
      id: 'edge-from',
      offered: FROM,
      answered: FROM + 10_000,
      abandoned: null,
      agent: 'agent',
      queue: '综合',
    },
    { id: 'edge-to', offered: TO, answered: TO + 1_000, abandoned: null, agent: 'agent', queue: '综合' },
    // 10 s is within 10 s; 10.001 s is not.
    {
      id: 'w-10',
      offered: at('2026-11-02T10:00:00+08:00'),
      answered: at('2026-11-02T10:00:10+08:00'),
      abandoned: null,
      agent: 'dispatcher',
      queue: '企业',
    },
    {
      id: 'w-10.001',
      offered: at('2026-11-02T10:00:00+08:00'),
      answered: at('2026-11-02T10:00:10.001+08:00'),
      abandoned: null,
      agent: 'dispatcher',
      queue: '企业',
    },
    // An answer whose offer never arrived is not an offered call.
    {
      id: 'no-offer',
      offered: null,
      answered: at('2026-11-02T11:00:00+08:00'),
      abandoned: null,
      agent: 'agent',
      queue: '综合',
    },
  );
  return calls;
}

/** The figures computed from the generated calls, independently of the server. */
export function expectedFigures(calls: GeneratedCall[]) {
  const inRange = calls.filter((c) => c.offered !== null && c.offered >= FROM && c.offered < TO);
  const answered = inRange.filter((c) => c.answered !== null);
  const wait = (c: GeneratedCall) => ((c.answered ?? 0) - (c.offered ?? 0)) / 1000;
  const within = answered.filter((c) => wait(c) <= 10);
  const local = (ms: number) => new Date(ms + 8 * 3_600_000);
  const tally = (list: GeneratedCall[]) => ({
    offered: list.length,
    answered: list.filter((c) => c.answered !== null).length,
    abandoned: list.filter((c) => c.answered === null && c.abandoned !== null).length,
    answeredWithin10s: list.filter((c) => c.answered !== null && wait(c) <= 10).length,
  });
  const days = [
    ...new Set(
      inRange.map((c) =>
        local(c.offered ?? 0)
          .toISOString()
          .slice(0, 10),
      ),
    ),
  ].sort();
  const agents = [...new Set(answered.map((c) => c.agent ?? ''))];
  const queues = [...new Set(inRange.map((c) => c.queue))];
  return {
    ...tally(inRange),
    connectionRate: answered.length / inRange.length,
    within10sRate: within.length / inRange.length,
    averageWaitSeconds: answered.reduce((s, c) => s + wait(c), 0) / answered.length,
    byHour: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      ...tally(inRange.filter((c) => local(c.offered ?? 0).getUTCHours() === hour)),
    })),
    byDay: days.map((day) => ({
      day,
      ...tally(
        inRange.filter(
          (c) =>
            local(c.offered ?? 0)
              .toISOString()
              .slice(0, 10) === day,
        ),
      ),
    })),
    byAgent: new Map(
      agents.map((a) => {
        const mine = answered.filter((c) => c.agent === a);
        return [a, { answered: mine.length, answeredWithin10s: mine.filter((c) => wait(c) <= 10).length }];
      }),
    ),
    byQueue: new Map(queues.map((q) => [q, tally(inRange.filter((c) => c.queue === q))])),
  };
}

/** The events of the calls, some sent twice, all shuffled (the exchange retries, the network reorders). */
export function eventsOf(calls: GeneratedCall[]) {
  const rand = rng(99);
  const out: Record<string, unknown>[] = [];
  for (const c of calls) {
    const base = { callId: c.id, queue: c.queue };
    if (c.offered !== null) {
      out.push({ ...base, type: 'offered', at: new Date(c.offered).toISOString(), caller: '13900000000' });
    }
    if (c.answered !== null) {
      out.push({ ...base, type: 'answered', at: new Date(c.answered).toISOString(), agent: c.agent });
    }
    if (c.abandoned !== null) {
      out.push({ ...base, type: 'abandoned', at: new Date(c.abandoned).toISOString() });
    }
    const last = c.answered ?? c.abandoned;
    if (last !== null) out.push({ ...base, type: 'ended', at: new Date(last + 60_000).toISOString() });
  }
  const withDuplicates = [...out, ...out.filter(() => rand() < 0.15)];
  for (let i = withDuplicates.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [withDuplicates[i], withDuplicates[j]] = [
      withDuplicates[j] as Record<string, unknown>,
      withDuplicates[i] as Record<string, unknown>,
    ];
  }
  return { events: withDuplicates, distinct: out.length };
}
