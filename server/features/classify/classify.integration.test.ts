import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestResponse } from '../../../common/contracts/intake-assist';
import { getBuiltInProfile } from '../../domain/policy';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ticketApi } from '../../test/ticket-helpers';
import { completeDemoLoad } from '../demo/demo-steps';
import { listModels } from './classify.repository';
import { activeModel } from './model-store';
import { rollbackModel } from './rollback-model';
import { trainFromHistory, trainModel } from './train-model';

/**
 * Intake suggestions and the classifiers behind them: no model yet, the demo's models trained
 * from its closed orders, versions and rollback, a model trained from a file, profile hints.
 */
describe('intake classifiers and suggestions', () => {
  let t: TestApp;
  const suggest = async (user: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/intake/suggest', headers: await t.as(user), payload });
  const ok = async (content: string, user = 'agent') => {
    const res = await suggest(user, { content });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SuggestResponse>();
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-20T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('answers without a model: no category or unit, every other part still there; bad input is refused', async () => {
    const s = await ok('昨天晚上家里燃气泄漏，电话13912345678');
    expect(s.category).toBeNull();
    expect(s.unit).toBeNull();
    expect(s.model).toEqual({ category: null, unit: null });
    expect(s.extracted.phones).toEqual(['13912345678']);
    expect(s.extracted.times).toContain('昨天晚上');
    expect(s.similar).toEqual([]);

    for (const content of ['', '   ', '长'.repeat(5001)]) {
      const res = await suggest('agent', { content });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await suggest('handler', { content: '拖欠工资' })).statusCode).toBe(403);
    expect((await suggest('callback', { content: '拖欠工资' })).statusCode).toBe(403);
    expect((await suggest('dispatcher', { content: '拖欠工资' })).statusCode).toBe(200);
  });

  it('the demo trains its category and unit models on its closed orders', { timeout: 120_000 }, async () => {
    await completeDemoLoad(t.ctx, { knowledge: false, orders: 60 });
    const closed = await t.ctx.db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', 'in', ['closed', 'answered'])
      .where('category_code', 'is not', null)
      .executeTakeFirstOrThrow();
    const models = await listModels(t.ctx.db);
    expect(models.map((m) => [m.name, m.version, m.active, m.source])).toEqual([
      ['category', 1, true, 'history'],
      ['unit', 1, true, 'history'],
    ]);
    const category = models.find((m) => m.name === 'category');
    expect(category?.training_size).toBe(Number(closed.n));
    // Out-of-fold figures on its own training data (few orders per category in a small demo).
    expect(category?.held_out_accuracy).toBeGreaterThanOrEqual(0);
    expect(category?.held_out_macro_f1).toBeLessThanOrEqual(1);
  });

  it('suggests the category, the unit with its reason, and reports the models', async () => {
    // A demo wording (unpaid wages, 010201 工资拖欠 in the default tree) told in other words.
    const s = await ok('我在一家装修公司打工，老板拖欠我三个月的工资一直不给，讨要多次没有结果');
    expect(s.category).toMatchObject({ code: '010201', label: '工资拖欠' });
    expect(s.category?.confidence).toBeGreaterThan(0);
    expect(s.category?.confidence).toBeLessThanOrEqual(1);
    expect(s.category?.alternatives?.length).toBeGreaterThan(0);
    expect(s.unit).not.toBeNull();
    expect(s.unit?.reason).toMatch(/单位/);
    // The demo's wage arrears are handled by the human-resources bureau (demo-city).
    expect(s.unit?.name).toBe('市人力资源和社会保障局');
    expect(s.model).toEqual({ category: 'category v1', unit: 'unit v1' });
    expect(s.emergency).toBeNull();
    expect(s.outOfScope).toBeNull();
    expect(s.urgency).toBe('normal');
  });

  it('emergency and out-of-scope hints come from the active profile', async () => {
    // zibo-12345 §13: gas and large-scale outages are emergencies.
    const gas = await ok('小区里燃气泄漏，味道很大，请尽快处理');
    expect(gas.emergency).toMatchObject({ likely: true, article: 'zibo-12345 §13' });
    expect(gas.emergency?.reason).toContain('燃气泄漏');
    expect(gas.urgency).toBe('emergency');
    // zibo-12345 §3: matters for the courts are out of scope.
    const court = await ok('我已经向法院起诉了，想问问判决什么时候能执行');
    expect(court.outOfScope).toMatchObject({
      article: 'zibo-12345 §3',
      channel: expect.stringContaining('诉讼'),
    });
    // tianjin-urban's regulation lists neither: no hints under it.
    const saved = t.ctx.rules.sourceProfile;
    try {
      await t.ctx.rulesProvider.useProfile(getBuiltInProfile('tianjin-urban'));
      const none = await ok('小区里燃气泄漏，我已经向法院起诉了');
      expect(none.emergency).toBeNull();
      expect(none.outOfScope).toBeNull();
      // shanghai-962200 §7(2): a fire goes to 119.
      await t.ctx.rulesProvider.useProfile(getBuiltInProfile('shanghai-962200'));
      const fire = await ok('楼下着火了，浓烟很大');
      expect(fire.outOfScope).toMatchObject({
        article: 'shanghai-962200 §7(2)',
        channel: expect.stringContaining('119'),
      });
    } finally {
      await t.ctx.rulesProvider.useProfile(saved);
    }
  });

  it('lists an order on the same matter among the suggestions, told another way by another caller', async () => {
    const original = await ticketApi(t).create();
    const s = await ok(
      '你好，我要反映一下：多次讨要无果，公司拖欠三个月工资共计两万元，请劳动监察部门处理。',
    );
    expect(s.similar[0]).toMatchObject({
      ticketId: original.id,
      ticketNo: original.ticketNo,
      likelyDuplicate: true,
    });
  });

  it('extracts phones, ID numbers, times and addresses', async () => {
    const s = await ok(
      '3月5日下午三点在幸福路12号阳光小区3栋2单元门口，有人占道经营。联系电话0871-65123456，身份证11010519491231002X',
    );
    expect(s.extracted).toMatchObject({
      phones: ['0871-65123456'],
      idNumbers: ['11010519491231002X'],
      times: ['3月5日下午三点'],
    });
    expect(s.extracted.addresses).toContain('幸福路12号阳光小区3栋2单元');
  });

  it('versions: a new training becomes active, rollback restores the one before', async () => {
    const v2 = await trainFromHistory(t.ctx.db, { target: 'category', now: t.clock.now() });
    expect(v2.version).toBe(2);
    expect((await activeModel(t.ctx.db, 'category'))?.version).toBe(2);
    expect((await ok('拖欠工资')).model?.category).toBe('category v2');
    expect(await rollbackModel(t.ctx.db, 'category')).toEqual({ from: 2, to: 1 });
    expect((await ok('拖欠工资')).model?.category).toBe('category v1');
    // Nothing before v1.
    await expect(rollbackModel(t.ctx.db, 'category')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(rollbackModel(t.ctx.db, 'nothing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rows = await listModels(t.ctx.db);
    expect(rows.filter((m) => m.name === 'category').map((m) => [m.version, m.active])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('trains a named model from examples (a file) and refuses a single label', async () => {
    const examples = [
      ...['公司拖欠工资', '老板欠薪不给', '工资被拖欠半年', '讨薪无果要求支付'].map((text) => ({
        text,
        label: 'wage',
      })),
      ...['夜里施工噪音', '广场舞噪音扰民', '酒吧噪音太吵', '装修噪音很大'].map((text) => ({
        text,
        label: 'noise',
      })),
    ];
    const m = await trainModel(t.ctx.db, {
      name: 'demo-file',
      target: 'category',
      source: 'file',
      examples,
      now: t.clock.now(),
    });
    expect(m).toMatchObject({ version: 1, trainingSize: 8, labels: 2 });
    const loaded = await activeModel(t.ctx.db, 'demo-file');
    expect(loaded?.classifier.predict('拖欠工资三个月').label).toBe('wage');
    expect(loaded?.classifier.predict('半夜施工噪音').label).toBe('noise');
    await expect(
      trainModel(t.ctx.db, {
        name: 'demo-file',
        target: 'category',
        source: 'file',
        examples: examples.slice(0, 4),
        now: t.clock.now(),
      }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
  });
});
