import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';
import { tick } from '../../jobs/sla-sweep';
import { insertVersion, replaceMapping } from './categories.repository';

/**
 * The category tree and the mapping of the profiles' category keys onto it. The clock starts on
 * Mon 2026-11-23 09:00 (+08:00); 2026 has an official schedule and no holiday from Nov 23 to Dec 1.
 */

async function health(t: TestApp): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  return res.json<{ warnings: string[] }>().warnings;
}

async function putMapping(t: TestApp, key: string, codes: string[], user = 'admin') {
  return t.app.inject({
    method: 'PUT',
    url: '/api/admin/category-mappings',
    headers: await t.as(user),
    payload: { key, codes },
  });
}

describe('tianjin-urban: 供热、燃气、市政道桥 follow their own rules (§8(1), §10)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ profile: 'tianjin-urban' }));
  });
  afterAll(() => t.close());

  it('ships with heating, gas and road-bridge mapped onto the default taxonomy: no warning', async () => {
    expect((await health(t)).filter((w) => w.includes('分类'))).toEqual([]);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/category-mappings',
      headers: await t.as('admin'),
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { key: string; codes: string[]; articles: string[] }[] }>().items;
    expect(items.find((i) => i.key === 'heating')).toMatchObject({
      codes: ['0704'],
      articles: ['tianjin-urban §8(1), §10'],
    });
  });

  it('§8(1), §10: an unmapped heating key is a health warning, and a heating order gets the ordinary limit', async () => {
    const res = await putMapping(t, 'heating', []);
    expect(res.statusCode, res.body).toBe(200);
    const warnings = await health(t);
    expect(warnings.join('\n')).toMatch(
      /政策分类键 heating 未对应本地问题分类（tianjin-urban：tianjin-urban §8\(1\), §10）/,
    );
    expect(warnings.join('\n')).not.toMatch(/\bgas\b/);

    const heating = await api.create({
      ...sampleOrder,
      category: '070401',
      content: '小区暖气不热，室温只有十五度，已持续一周。',
    });
    const ordinary = await api.create();
    // §8(5) 普通件: 6 working days from arrival, Mon Nov 23 → Nov 24, 25, 26, 27, 30, Dec 1.
    expect(ordinary.deadlines.handleBy).toBe('2026-12-01T23:59:59+08:00');
    expect(heating.deadlines.handleBy).toBe('2026-12-01T23:59:59+08:00');

    // Mapped: the sector rule (no fixed limit, 按照相关专业规定) reaches the order; the open order
    // is recomputed with a recorded event; the warning is gone.
    const mapped = await putMapping(t, 'heating', ['0704']);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ changed: 1 });
    const after = await api.get(heating.id);
    expect(after.deadlines.handleBy).toBeUndefined();
    expect(after.deadlines.receiveBy).toBeUndefined();
    expect((await api.get(ordinary.id)).deadlines.handleBy).toBe('2026-12-01T23:59:59+08:00');
    const ev = (await api.events(heating.id)).filter((e) => e.action === 'recompute-deadlines');
    expect(ev).toHaveLength(1);
    expect(ev[0]?.payload.changes).toEqual(
      expect.arrayContaining([{ stage: 'handleBy', old: '2026-12-01T15:59:59.000Z', new: 'none' }]),
    );
    expect((await health(t)).filter((w) => w.includes('分类'))).toEqual([]);
  });

  it('a key mapped onto a code the tree does not hold is refused', async () => {
    const res = await putMapping(t, 'gas', ['079999']);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('beijing-miyun: complaints about service numbers (§26-§30)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ profile: 'beijing-miyun' }));
  });
  afterAll(() => t.close());

  it('§27, §28: a complaint about a service number (110202) is handled under its own article, extension asked 2 working days ahead', async () => {
    const unitId = await t.unitId('YC-ZWB');
    const complaint = await api.create({
      ...sampleOrder,
      category: '110202',
      content: '拨打区供水服务电话多次无人接听。',
    });
    const ordinary = await api.create();
    const c = await api.ok('dispatcher', complaint.id, 'dispatch', { unitId });
    const o = await api.ok('dispatcher', ordinary.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    // §17 / §27: 7 natural days from dispatch (Mon Nov 23) → end of Mon Nov 30.
    expect(c.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    expect(o.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    // §28: extension requested 2 working days before the deadline's day (Fri 27 is 1, Thu 26 is 2);
    // §17: by the deadline itself.
    expect(c.deadlines.extensionRequestBy).toBe('2026-11-26T23:59:59+08:00');
    expect(o.deadlines.extensionRequestBy).toBe('2026-11-30T23:59:59+08:00');
    const detail = (await api.get(complaint.id)) as unknown as {
      deadlineDetails: { stage: string; explain: string; explanation: unknown[] }[];
    };
    const handle = detail.deadlineDetails.find((d) => d.stage === 'handleBy');
    expect(handle?.explanation).toContainEqual({ kind: 'rule', article: 'beijing-miyun §27' });
    expect(handle?.explain).toMatch(/依据 密云县便民服务和应急抢险电话 第二十七条$/);
  });
});

describe('administration of the tree', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp());
  });
  afterAll(() => t.close());

  it('is for administrators only', async () => {
    for (const user of ['agent', 'dispatcher', 'supervisor']) {
      const h = await t.as(user);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/admin/categories', headers: h })).statusCode,
      ).toBe(403);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/admin/categories',
            headers: h,
            payload: { code: '13', name: '测试', parentCode: null },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: '/api/admin/categories/0704',
            headers: h,
            payload: { name: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      expect((await putMapping(t, 'heating', [], user)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/categories' })).statusCode).toBe(401);
  });

  it('create, rename, move: each a new version with an audit entry; codes follow the tree style', async () => {
    const h = await t.as('admin');
    const v0 = (await t.app.inject({ method: 'GET', url: '/api/admin/categories', headers: h })).json<{
      version: number;
    }>();
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers: h,
      payload: { code: '080301', name: '供热管网', parentCode: '0704' },
    });
    expect(wrong.statusCode).toBe(400);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers: h,
      payload: { code: '070403', name: '供热管网', parentCode: '0704' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers: h,
      payload: { code: '070403', name: '重复', parentCode: '0704' },
    });
    expect(dup.statusCode).toBe(409);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/070403',
      headers: h,
      payload: { name: '供热管网抢修' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/07',
      headers: h,
      payload: { parentCode: '070403' },
    });
    expect(cycle.statusCode).toBe(400);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/0704',
      headers: h,
      payload: { parentCode: '06' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ version: number }>().version).toBe(v0.version + 3);

    const tree = (await t.app.inject({ method: 'GET', url: '/api/admin/categories', headers: h })).json<{
      items: {
        code: string;
        children: {
          code: string;
          level: number;
          children: { code: string; name: string; level: number }[];
        }[];
      }[];
    }>();
    const heat = tree.items.find((n) => n.code === '06')?.children.find((n) => n.code === '0704');
    expect(heat?.level).toBe(2);
    expect(heat?.children.find((n) => n.code === '070403')).toMatchObject({ name: '供热管网抢修', level: 3 });

    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit?targetType=category', headers: h })
    ).json<{
      items: { action: string; targetId: string; actor: string }[];
    }>();
    expect(audit.items.map((a) => `${a.action} ${a.targetId} ${a.actor}`)).toEqual([
      'category-moved 0704 admin',
      'category-renamed 070403 admin',
      'category-created 070403 admin',
    ]);
  });

  it('a disabled category refuses new orders (400) but old orders keep it; pickers no longer list it', async () => {
    const h = await t.as('admin');
    const old = await api.create({
      ...sampleOrder,
      category: '020302',
      content: '工地扬尘严重，附近居民无法开窗。',
    });
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/0203',
      headers: h,
      payload: { active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: await t.as('agent'),
      payload: { ...sampleOrder, category: '020302' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/已停用/);
    const kept = (await api.get(old.id)) as unknown as { category: string; categoryName: string };
    expect(kept).toMatchObject({ category: '020302', categoryName: '工地扬尘' });
    const pick = (
      await t.app.inject({ method: 'GET', url: '/api/categories', headers: await t.as('agent') })
    ).json<{ code: string }[]>();
    expect(pick.some((c) => c.code === '0203' || c.code === '020302')).toBe(false);
    expect(pick.some((c) => c.code === '0202')).toBe(true);
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=category-disabled', headers: h })
    ).json<{
      items: { targetId: string; details: { codes: string[]; ordersKeeping: number } }[];
    }>();
    expect(audit.items[0]).toMatchObject({
      targetId: '0203',
      details: { codes: ['0203', '020301', '020302', '020303'], ordersKeeping: 1 },
    });
  });

  it('a mapping change is audited with its old and new codes', async () => {
    const res = await putMapping(t, 'road-bridge', ['0503']);
    expect(res.statusCode, res.body).toBe(200);
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/audit?action=category-mapping-set',
        headers: await t.as('admin'),
      })
    ).json<{
      items: { targetId: string; details: { from: string[]; to: string[] } }[];
    }>();
    expect(audit.items[0]).toMatchObject({
      targetId: 'road-bridge',
      details: { from: ['050301', '050302'], to: ['0503'] },
    });
  });

  it('another instance picks up a version stored elsewhere at its next sweep tick', async () => {
    const before = t.ctx.rules.categoryVersion;
    await t.ctx.db.transaction().execute(async (trx) => {
      await replaceMapping(trx, 'gas', ['070301']);
      await insertVersion(trx, { actorUserId: null, change: 'mapping', details: { key: 'gas' } });
    });
    expect(t.ctx.rules.categories.mapping.get('gas')).toEqual(['0703']);
    await tick(t.ctx);
    expect(t.ctx.rules.categoryVersion).toBe(before + 1);
    expect(t.ctx.rules.categories.mapping.get('gas')).toEqual(['070301']);
  });
});
