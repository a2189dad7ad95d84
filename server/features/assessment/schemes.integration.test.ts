import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInSchemes, parsePeriod, type Scheme } from '../../domain/kpi';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importHistory } from '../import/import-history';
import { assessUnits } from './assess-units';
import { refreshFacts } from './refresh-facts';

const scheme = (id: string) => builtInSchemes.find((s) => s.id === id) as Scheme;

/**
 * Five units, one order each per month, January-March 2026, under zibo-12345 (5 WD from dispatch):
 *   A YC-RSJ on time, satisfied → 40 + 30 + 30 = 100 every month
 *   B YC-ZJJ late, satisfied → 0 + 30 + 30 = 60
 *   C YC-SCJ late, unsatisfied → 0
 *   D YC-STJ late and unsatisfied (0), except February: on time and satisfied (100)
 *   E YC-JTJ on time, unsatisfied → 40
 */
const plan: Record<string, (month: number) => { onTime: boolean; rating: string }> = {
  'YC-RSJ': () => ({ onTime: true, rating: 'satisfied' }),
  'YC-ZJJ': () => ({ onTime: false, rating: 'satisfied' }),
  'YC-SCJ': () => ({ onTime: false, rating: 'unsatisfied' }),
  'YC-STJ': (m) =>
    m === 2 ? { onTime: true, rating: 'satisfied' } : { onTime: false, rating: 'unsatisfied' },
  'YC-JTJ': () => ({ onTime: true, rating: 'unsatisfied' }),
};
// Dispatch Mon Jan 5, Mon Feb 2, Mon Mar 2 at 09:30 → due end of Jan 12, Feb 9, Mar 9.
const days: Record<number, { dispatch: string; onTime: string; late: string }> = {
  1: { dispatch: '2026-01-05', onTime: '2026-01-07', late: '2026-01-20' },
  2: { dispatch: '2026-02-02', onTime: '2026-02-04', late: '2026-02-12' },
  3: { dispatch: '2026-03-02', onTime: '2026-03-04', late: '2026-03-20' },
};

function history(): string[] {
  const lines: string[] = [];
  let n = 0;
  for (const m of [1, 2, 3]) {
    const d = days[m];
    if (!d) continue;
    for (const [code, f] of Object.entries(plan)) {
      const { onTime, rating } = f(m);
      const replyDay = onTime ? d.onTime : d.late;
      lines.push(
        JSON.stringify({
          ticketNo: `Z-${++n}`,
          receivedAt: `${d.dispatch}T09:00:00+08:00`,
          type: 'complaint',
          content: '诉求',
          events: [
            { at: `${d.dispatch}T09:30:00+08:00`, action: 'dispatch', payload: { unitCode: code } },
            { at: `${d.dispatch}T10:00:00+08:00`, action: 'accept' },
            {
              at: `${replyDay}T10:00:00+08:00`,
              action: 'reply',
              payload: { result: '已办理', contacted: true },
            },
            { at: `${replyDay}T11:00:00+08:00`, action: 'approve-reply' },
            {
              at: `${replyDay}T15:00:00+08:00`,
              action: 'record-callback',
              payload: {
                reached: true,
                contactedByUnit: true,
                processSatisfaction: rating,
                resultSatisfaction: rating,
              },
            },
          ],
        }),
      );
    }
  }
  return lines;
}

describe('zibo-12345 and shanghai-962200 schemes on imported orders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-04-10T09:00:00+08:00' });
    expect((await importHistory(t.ctx, history())).refusals).toEqual([]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('zibo §20: March ranking, and the units in the bottom 3 for three consecutive months flagged for interview', async () => {
    const res = await assessUnits(t.ctx, { scheme: scheme('zibo-12345'), period: parsePeriod('2026-03') });
    expect(res.units.map((u) => [u.unitCode, u.score, u.rank, u.interview])).toEqual([
      ['YC-RSJ', 100, 1, false],
      ['YC-ZJJ', 60, 2, false],
      ['YC-JTJ', 40, 3, true],
      ['YC-SCJ', 0, 4, true],
      ['YC-STJ', 0, 4, false],
    ]);
    // Bottom 3 — Jan: SCJ 0, STJ 0, JTJ 40; Feb: SCJ 0, JTJ 40, ZJJ 60 (STJ 100); Mar: as January.
    // In all three: SCJ and JTJ.
  });

  it('shanghai §14, §24: knowledge-base timeliness from the policy notices, or the other components scaled up', async () => {
    const db = t.handle.db;
    const rsj = await t.unitId('YC-RSJ');
    const article = await sql<{ id: number }>`
      insert into kb_article (title, status, created_at, updated_at, published_at)
      values ('社保新政', 'published', now(), now(), '2026-03-05T10:00:00+08:00') returning id`.execute(db);
    const articleId = article.rows[0]?.id ?? null;
    await sql`insert into kb_policy_notice (unit_id, title, announced_on, due_on, article_id, created_at) values
      (${rsj}, '通知一', '2026-03-02', '2026-03-09', ${articleId}, now()),
      (${rsj}, '通知二', '2026-03-10', '2026-03-17', null, now())`.execute(db);
    const res = await assessUnits(t.ctx, {
      scheme: scheme('shanghai-962200'),
      period: parsePeriod('2026-03'),
    });
    const rsjRow = res.units.find((u) => u.unitCode === 'YC-RSJ');
    const zjj = res.units.find((u) => u.unitCode === 'YC-ZJJ');
    // RSJ: notice 1 answered Mar 5 by its due day Mar 9; notice 2 unanswered past Mar 17 → 1/2.
    // Score 40 × 1 + 40 × 1 + 20 × 0.5 = 90.
    expect(rsjRow).toMatchObject({ kbTimelinessRate: 0.5, score: 90 });
    // ZJJ has no notices: on time 0 → 0, satisfaction 1 → 40; scaled from 80 to 100 → 50.
    expect(zjj).toMatchObject({ kbTimelinessRate: null, score: 50 });
  });

  it('refresh-facts rebuilds the same facts from the orders’ records', async () => {
    const db = t.handle.db;
    const before = await db
      .selectFrom('ticket_fact')
      .selectAll()
      .orderBy('ticket_id')
      .orderBy('assignment_id')
      .execute();
    await db.deleteFrom('ticket_fact').execute();
    expect(await refreshFacts(t.ctx)).toBeGreaterThanOrEqual(15);
    const after = await db
      .selectFrom('ticket_fact')
      .selectAll()
      .orderBy('ticket_id')
      .orderBy('assignment_id')
      .execute();
    expect(after).toEqual(before);
  });
});
