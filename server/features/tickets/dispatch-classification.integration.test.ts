import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/** The refusal's body (422). */
type Refused = { error: { code: string; message: string; details: { missing: string[] } } };

/**
 * An order is dispatched only with its problem category and district: they decide the
 * responsible unit and the locality (wuqing §16, §18; shanghai §10). The dispatcher may set
 * them in the dispatch itself. A direct answer records neither (beijing-miyun §6(1), §15).
 */
describe('dispatch needs the category and the district', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  const bare = { ...sampleOrder, category: undefined, location: { address: '东湖路18号' } };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an order without category and district with CLASSIFICATION_REQUIRED; nothing changes', async () => {
    const o = await api.create(bare);
    expect(o.category).toBeNull();
    const res = await api.act('dispatcher', o.id, 'dispatch', { unitId: rsj });
    expect(res.statusCode).toBe(422);
    const err = res.json<Refused>().error;
    expect(err.code).toBe('CLASSIFICATION_REQUIRED');
    expect(err.details.missing).toEqual(['category', 'region']);
    expect(err.message).toBe('工单未填写问题分类和所在区，请补全后再派单');
    const after = await api.get(o.id);
    expect(after.status).toBe('pending_dispatch');
    expect(after.version).toBe(o.version);
    expect((await api.events(o.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('names the one field missing', async () => {
    const noRegion = await api.create({ ...sampleOrder, location: { address: '东湖路18号' } });
    const r1 = await api.act('dispatcher', noRegion.id, 'dispatch', { unitId: rsj });
    expect(r1.statusCode).toBe(422);
    expect(r1.json<Refused>().error.details.missing).toEqual(['region']);
    expect(r1.json<Refused>().error.message).toBe('工单未填写所在区，请补全后再派单');
    const noCategory = await api.create({ ...sampleOrder, category: undefined });
    const r2 = await api.act('dispatcher', noCategory.id, 'dispatch', { unitId: rsj });
    expect(r2.statusCode).toBe(422);
    expect(r2.json<Refused>().error.details.missing).toEqual(['category']);
  });

  it('the dispatch may set both; the order keeps them and the event records the change', async () => {
    const o = await api.create(bare);
    const d = await api.ok('dispatcher', o.id, 'dispatch', {
      unitId: rsj,
      category: '010201',
      region: '东城区',
    });
    expect(d.status).toBe('dispatched');
    expect(d.category).toBe('010201');
    expect(d.location.region).toBe('东城区');
    const ev = (await api.events(o.id)).find((e) => e.action === 'dispatch');
    expect(ev?.payload.classified).toEqual({
      category: { old: null, new: '010201' },
      region: { old: null, new: '东城区' },
    });
  });

  it('an order complete at intake dispatches as before, without a classification change', async () => {
    const o = await api.create(sampleOrder);
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const ev = (await api.events(o.id)).find((e) => e.action === 'dispatch');
    expect(ev?.payload.classified).toBeUndefined();
  });

  it('refuses an unknown category named in the dispatch', async () => {
    const o = await api.create(bare);
    const res = await api.act('dispatcher', o.id, 'dispatch', {
      unitId: rsj,
      category: '999999',
      region: '东城区',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Refused>().error.code).toBe('VALIDATION_FAILED');
    expect((await api.get(o.id)).status).toBe('pending_dispatch');
  });

  it('a direct answer is recorded without category or district', async () => {
    const o = await api.create({
      ...bare,
      type: 'consult',
      disposition: 'direct-answer',
      answer: '失业保险金可在市人社局网上服务大厅申领。',
    });
    expect(o.status).toBe('answered');
    expect(o.category).toBeNull();
  });
});
