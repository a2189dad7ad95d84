import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importHistory } from '../import/import-history';
import { makeFastWriter } from '../import/fast/fast-writer';
import { hotTopicHistory, line } from './hot-topic-fixture';

/**
 * Hot topics on a real database: 60 orders a day from 2027-02-01 to 2027-03-10 spread over twelve
 * kinds of request (each about 5 a day), and 40 orders about 停水 in 东城区 on 2027-03-09/10.
 * Each background word expects 2 days × 5 = 10 orders in the window: none may grow twofold with
 * significance; 停水 (40 against 0) must come first. 井盖 in three orders is noise (below 5).
 */
describe('hot topics', () => {
  let t: TestApp;
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  type Topic = { term: string; count: number; baseline: number; growth: number; sampleTicketIds: number[] };

  beforeAll(async () => {
    t = await createTestApp({ now: '2027-03-10T18:00:00+08:00' });
    const lines = hotTopicHistory({
      from: '2027-02-01',
      days: 38,
      perDay: 60,
      burst: { from: '2027-03-09', orders: 40 },
      noise: [['井盖', '2027-03-10', 3]],
    });
    const report = await importHistory(t.ctx, lines, { writer: makeFastWriter() });
    expect(report.refused, JSON.stringify(report.refusals.slice(0, 3))).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('finds the planted burst first, with its figures and sample orders, and nothing else', async () => {
    const res = await get('leader', '/api/stats/hot-topics?from=2027-03-09&to=2027-03-10');
    expect(res.statusCode, res.body).toBe(200);
    const topics = res.json<Topic[]>();
    expect(topics.length).toBeGreaterThan(0);
    const first = topics[0] as Topic;
    expect(Object.keys(first).sort()).toEqual(['baseline', 'count', 'growth', 'sampleTicketIds', 'term']);
    // Its words (东湖, 花园, 停水, 供水 …) rise together in the same orders: one topic, named by
    // its TF-IDF keyword.
    expect(first.term).toBe('停水');
    // Every burst order says 停水; no background order does.
    expect(first.count).toBe(40);
    expect(first.baseline).toBe(0);
    expect(first.growth).toBe(41);
    expect(first.sampleTicketIds.length).toBeGreaterThan(0);
    // The steady background words and the three-order noise are not reported.
    for (const word of ['噪音', '路灯', '停车', '垃圾', '物业', '井盖', '医保']) {
      expect(topics.map((x) => x.term)).not.toContain(word);
    }
    expect(topics).toHaveLength(1);
    // Its samples are orders about it.
    const sample = await get('leader', `/api/tickets/${first.sampleTicketIds[0]}`);
    expect(sample.json<{ content: string }>().content).toContain('停水');
  });

  it('reports nothing on a window of steady background only', async () => {
    const res = await get('leader', '/api/stats/hot-topics?from=2027-03-01&to=2027-03-05');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('finds the burst inside a long window whose reference has no data', async () => {
    // 2027-02-10 … 03-10 (29 days); the 28 days before hold only 9 days of data. Each word's
    // peak days are compared with the rest of the window.
    const res = await get('leader', '/api/stats/hot-topics?from=2027-02-10&to=2027-03-10');
    const topics = res.json<Topic[]>();
    expect(topics[0]?.term).toBe('停水');
    expect(topics.map((x) => x.term)).not.toContain('噪音');
  });

  it('slices by district and shows where the burst gathers', async () => {
    const west = await get('leader', '/api/stats/hot-topics?from=2027-03-09&to=2027-03-10&region=西城区');
    expect(west.json()).toEqual([]);
    const clusters = await get('leader', '/api/stats/hot-topics/clusters?from=2027-03-09&to=2027-03-10');
    expect(clusters.statusCode, clusters.body).toBe(200);
    const top = clusters.json<{ term: string; region: string; count: number; share: number }[]>()[0];
    expect(top?.region).toBe('东城区');
    expect(top?.count).toBe(40);
    expect(top?.share).toBe(1);
  });

  it("counts a day's words once, and again when orders are added to that day", async () => {
    const db = t.handle.db;
    const stored = async () =>
      (
        await sql<{ orders: number; terms: string[]; counts: number[] }>`
          select orders, terms, counts from term_day_stat where day = '2027-03-10'`.execute(db)
      ).rows[0];
    // Counted directly from the orders, not through the stored figures.
    const direct = async (word: string) =>
      (
        await sql<{ orders: number; mentioning: number }>`
          select count(*)::int as orders, (count(*) filter (where content like ${`%${word}%`}))::int as mentioning
          from ticket where received_at >= '2027-03-10T00:00:00+08:00' and received_at < '2027-03-11T00:00:00+08:00'`.execute(
          db,
        )
      ).rows[0];
    const countOf = (row: { terms: string[]; counts: number[] } | undefined, word: string) =>
      Number(row?.counts[row.terms.indexOf(word)] ?? 0);

    // The earlier requests stored 2027-03-10: its orders and its 停水 orders (the burst's half).
    const before = await stored();
    const day = await direct('停水');
    expect(before?.orders).toBe(day?.orders);
    expect(countOf(before, '停水')).toBe(day?.mentioning);
    expect(countOf(before, '停水')).toBe(20);

    // Seven orders about 燃气 arrive on that day: the next request counts the day again.
    const gas = Array.from({ length: 7 }, (_, i) =>
      line(`HG${i + 1}`, '2027-03-10', 540 + i, '北山区青松苑小区燃气管道漏气，燃气味道很重', '北山区'),
    );
    const report = await importHistory(t.ctx, gas, { writer: makeFastWriter() });
    expect(report.refused).toBe(0);
    const res = await get('leader', '/api/stats/hot-topics?from=2027-03-09&to=2027-03-10');
    // The new matter is a topic of its own (named 燃气 or 漏气, whichever names it best).
    const terms = res.json<Topic[]>().map((x) => x.term);
    expect(terms[0]).toBe('停水');
    expect(terms.filter((x) => x === '燃气' || x === '漏气')).toHaveLength(1);
    const after = await stored();
    expect(after?.orders).toBe((day?.orders ?? 0) + 7);
    expect(countOf(after, '燃气')).toBe(7);
    expect(countOf(after, '停水')).toBe(20);
  });

  it('is refused to handling units and agents, and checks its dates', async () => {
    expect((await get('handler', '/api/stats/hot-topics?from=2027-03-09&to=2027-03-10')).statusCode).toBe(
      403,
    );
    expect((await get('agent', '/api/stats/hot-topics?from=2027-03-09&to=2027-03-10')).statusCode).toBe(403);
    expect((await get('leader', '/api/stats/hot-topics?from=2027-03-10&to=2027-03-09')).statusCode).toBe(400);
  });
});
