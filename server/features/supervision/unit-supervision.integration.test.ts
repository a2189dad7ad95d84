import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { completeDemoLoad } from '../demo/demo-steps';
import { superviseUnits } from './unit-triggers';

interface Row {
  id: number;
  unitId: number;
  unitName: string;
  trigger: string;
  period: string;
  note: string;
  office: string | null;
  status: string;
}

/**
 * zibo-12345 §15(4) (排名靠后; §20: the last three places) and §15(5) (知识库维护更新不及时):
 * once a month the units behind are supervised, each unit, trigger and month once.
 */
describe('supervision of units (zibo-12345 §15(4)(5))', () => {
  let t: TestApp;
  const get = async (user: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/unit-supervisions',
      headers: await t.as(user),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Row[] }>().items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await completeDemoLoad(t.ctx, { knowledge: false, orders: 60 });
  });
  afterAll(async () => t.close());

  it('supervises the last three of the month’s ranking and the units behind on the knowledge base, once', async () => {
    const ryj = await t.unitId('YC-RSJ');
    // A policy published on 2026-11-02 and never answered in the knowledge base: overdue after
    // 5 working days (2026-11-09).
    const notice = await t.app.inject({
      method: 'POST',
      url: '/api/kb/policy-notices',
      headers: await t.as('kb-editor'),
      payload: { unitId: ryj, title: '关于调整失业保险金标准的通知', announcedOn: '2026-11-02' },
    });
    expect(notice.statusCode, notice.body).toBe(201);

    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    const created = await superviseUnits(t.ctx);
    expect(created).toBeGreaterThan(0);

    // The last three places of November as the assessment endpoint ranks them (ties included).
    const a = await t.app.inject({
      method: 'GET',
      url: '/api/assessment?scheme=zibo-12345&period=2026-11',
      headers: await t.as('leader'),
    });
    const ranked = a
      .json<{ units: { unitId: number; rank: number | null }[] }>()
      .units.filter((u) => u.rank !== null);
    expect(ranked.length).toBeGreaterThan(3);
    const third = [...ranked].sort((x, y) => (y.rank ?? 0) - (x.rank ?? 0))[2]?.rank ?? 0;
    const last = ranked.filter((u) => (u.rank ?? 0) >= third).map((u) => u.unitId);

    const all = await get('supervisor');
    const low = all.filter((r) => r.trigger === 'low-rank');
    expect(low.map((r) => r.unitId).sort()).toEqual([...last].sort());
    expect(low.every((r) => r.period === '2026-11' && r.office === '市政府市民投诉中心')).toBe(true);
    expect(low[0]?.note).toMatch(/^2026年11月考核排名第 \d+ 位/);
    const kb = all.filter((r) => r.trigger === 'kb-outdated');
    expect(kb.map((r) => r.unitId)).toContain(ryj);
    expect(kb.find((r) => r.unitId === ryj)?.note).toContain('政策文件逾期未登记答复 1 件');

    // A second pass in the month adds nothing, nor does a fresh process (the unique key).
    expect(await superviseUnits(t.ctx)).toBe(0);
    expect((await get('supervisor')).length).toBe(all.length);
  });

  it('the unit sees its own and answers once; another unit cannot', async () => {
    const mine = await get('handler');
    const ryj = await t.unitId('YC-RSJ');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.unitId === ryj)).toBe(true);
    const target = mine.find((r) => r.trigger === 'kb-outdated');
    expect(target?.status).toBe('open');
    const answer = (user: string) =>
      t.as(user).then((headers) =>
        t.app.inject({
          method: 'POST',
          url: `/api/unit-supervisions/${target?.id ?? 0}/respond`,
          headers,
          payload: { text: '已于12月3日补录政策解读并上线知识库。' },
        }),
      );
    expect((await answer('handler2')).statusCode).toBe(404);
    expect((await answer('handler')).statusCode).toBe(200);
    expect((await answer('handler')).statusCode).toBe(409);
    expect((await get('handler')).find((r) => r.id === target?.id)?.status).toBe('answered');
  });
});
