import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntryDto } from '../../../common/contracts/enterprises';
import type { CallbackRating } from '../../domain/enterprise/star-rating';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ticketApi } from '../../test/ticket-helpers';
import { rateReferral, recordReferral } from './referrals';
import { application, CENTRE, enterpriseApi } from './test-fixture';

/**
 * Referred orders, callback ratings, stars, bad records and suspension (wuqing §35-§38), through
 * the functions the referral action calls and the public directory. Credit codes by hand
 * (GB 32100-2015): see enterprises.integration.test.ts for each sum.
 */
describe('franchise enterprises: ratings, credit record, suspension', () => {
  let t: TestApp;
  let api: ReturnType<typeof enterpriseApi>;
  let orders: ReturnType<typeof ticketApi>;
  const ids: Record<'near' | 'mid' | 'far' | 'good' | 'pending', number> = {
    near: 0,
    mid: 0,
    far: 0,
    good: 0,
    pending: 0,
  };

  const refer = (ticketId: number, enterpriseId: number) =>
    t.handle.db
      .transaction()
      .execute((trx) => recordReferral(trx, { ticketId, enterpriseId, by: null, at: t.clock.now() }));
  const rate = (ticketId: number, rating: CallbackRating) =>
    t.handle.db.transaction().execute((trx) => rateReferral(trx, { ticketId, rating, at: t.clock.now() }));
  async function referAndRate(enterpriseId: number, ratings: CallbackRating[]): Promise<number[]> {
    const out: number[] = [];
    for (const r of ratings) {
      const ticket = await orders.create();
      expect(await refer(ticket.id, enterpriseId)).toBe(true);
      await rate(ticket.id, r);
      out.push(ticket.id);
    }
    return out;
  }
  const directory = async (query = '') =>
    (await api.directory(query)).json<{ items: DirectoryEntryDto[] }>().items;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T10:00:00+08:00' });
    api = enterpriseApi(t);
    orders = ticketApi(t);
    // Along the meridian one degree of latitude is 111.195 km: 0.0027° = 0.30 km, 0.0045° = 0.50 km,
    // 0.027° = 3.00 km north of the centre.
    const at = (dLat: number) => ({ lng: CENTRE.lng, lat: CENTRE.lat + dLat });
    ids.near = await api.applyOk(
      application({ name: '近邻保洁', creditCode: '92530102000000000G', ...at(0.0027) }),
    );
    ids.mid = await api.applyOk(
      application({ name: '中程家政', creditCode: '91530102000000001N', ...at(0.0045) }),
    );
    ids.far = await api.applyOk(
      application({ name: '远方家政', creditCode: '91530102000000002R', ...at(0.027) }),
    );
    ids.good = await api.applyOk(
      application({
        name: '好评维修',
        creditCode: '91530102000000003W',
        services: ['1302'],
        lng: undefined,
        lat: undefined,
      }),
    );
    ids.pending = await api.applyOk(application({ name: '待审家政', creditCode: '915301020000000040' }));
    for (const id of [ids.near, ids.mid, ids.far, ids.good]) await api.approve(id);
  });
  afterAll(async () => t.close());

  it('an order cannot be referred to an enterprise that is not an approved member', async () => {
    const ticket = await orders.create();
    await expect(refer(ticket.id, ids.pending)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await expect(refer(ticket.id, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The same order to the same enterprise is recorded once.
    expect(await refer(ticket.id, ids.near)).toBe(true);
    expect(await refer(ticket.id, ids.near)).toBe(false);
  });

  it('stars come from the callback ratings of referred orders (5 / 4 / 1, nearest half star)', async () => {
    await referAndRate(ids.mid, ['satisfied', 'satisfied', 'satisfied']);
    await referAndRate(ids.far, ['satisfied', 'satisfied', 'satisfied']);
    // (5 + 5 + 4) / 3 = 4.67 → 4.5; all three count as satisfied for the rate.
    const good = await referAndRate(ids.good, ['satisfied', 'satisfied', 'basically-satisfied']);
    const entry = (await directory('?service=130201')).find((e) => e.id === ids.good);
    expect(entry?.rating).toEqual({ stars: 4.5, ratedOrders: 3, satisfactionRate: 1, recentBadRecords: 0 });
    // A later callback of the same order (after a redo) replaces its rating: (5 + 5 + 1) / 3 = 3.67 → 3.5.
    await rate(good[2] ?? 0, 'unsatisfied');
    const again = (await directory('?service=1302')).find((e) => e.id === ids.good);
    expect(again?.rating.stars).toBe(3.5);
    expect(again?.rating.satisfactionRate).toBeCloseTo(2 / 3, 10);
  });

  it('the directory filters by service and lists nearest and best first', async () => {
    // 保洁 130101 is under 1301; 好评维修 offers 1302 only; the pending one never appears.
    const cleaning = await directory(`?service=1301&near=${CENTRE.lng},${CENTRE.lat}`);
    // Whole-kilometre bands: near (0.30 km) and mid (0.50 km) share band 0, where mid's 5 stars
    // go before near's no-stars-yet; far (3.00 km) is in band 3.
    expect(cleaning.map((e) => e.name)).toEqual(['中程家政', '近邻保洁', '远方家政']);
    expect(cleaning.map((e) => e.distanceKm)).toEqual([0.5, 0.3, 3]);
    // Without a position: best first (mid and far both 5 stars on 3 orders: by id), then unrated.
    expect((await directory('?service=130101')).map((e) => e.name)).toEqual([
      '中程家政',
      '远方家政',
      '近邻保洁',
    ]);
    // Asking for all household services (13) finds every member; 好评维修 has no coordinates: last.
    const all = await directory(`?service=13&near=${CENTRE.lng},${CENTRE.lat}`);
    expect(all.map((e) => e.name)).toEqual(['中程家政', '近邻保洁', '远方家政', '好评维修']);
    expect(all.every((e) => e.id !== ids.pending)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/enterprises?near=abc' })).statusCode).toBe(
      400,
    );
  });

  it('bad records cost a star each; the third within a year suspends the member, which leaves the directory', async () => {
    const ticket = await orders.create();
    const record = (kind: string, ticketId?: number) =>
      api.post('supervisor', `/api/enterprises/${ids.mid}/credit-records`, {
        kind,
        note: '回访核实',
        ticketId,
      });
    expect((await record('no-show', 999_999)).statusCode).toBe(422);
    expect((await record('complaint-upheld', ticket.id)).statusCode).toBe(200);
    // 5 stars less one bad record.
    expect((await directory('?service=1301')).find((e) => e.id === ids.mid)?.rating.stars).toBe(4);
    expect((await record('no-show')).statusCode).toBe(200);
    const third = await record('no-show');
    expect(third.statusCode, third.body).toBe(200);
    const d = await api.detail(ids.mid);
    expect(d.status).toBe('suspended');
    expect(d.suspendReason).toContain('不良记录达 3 次');
    expect(d.creditRecords.map((c) => c.kind)).toEqual(['no-show', 'no-show', 'complaint-upheld']);
    expect((await directory('?service=13')).map((e) => e.id)).not.toContain(ids.mid);
    const next = await orders.create();
    await expect(refer(next.id, ids.mid)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    // A pending application has no credit record; only keepers of the registry suspend by hand.
    expect(
      (
        await api.post('supervisor', `/api/enterprises/${ids.pending}/credit-records`, {
          kind: 'no-show',
          note: '未上门',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await api.post('supervisor', `/api/enterprises/${ids.near}/suspend`, { reason: '暂停' })).statusCode,
    ).toBe(403);
  });

  it('the center suspends and reinstates by hand; a reinstated member is listed with its stars', async () => {
    const s = await api.post('dispatcher', `/api/enterprises/${ids.far}/suspend`, {
      reason: '营业执照过期待换',
    });
    expect(s.statusCode, s.body).toBe(200);
    expect((await directory('?service=13')).map((e) => e.id)).not.toContain(ids.far);
    const r = await api.post('dispatcher', `/api/enterprises/${ids.far}/reinstate`, {
      reason: '已换发新执照',
    });
    expect(r.statusCode, r.body).toBe(200);
    const back = (await directory('?service=13')).find((e) => e.id === ids.far);
    expect(back?.rating.stars).toBe(5);
    // Bad records older than a year no longer count: a year and a day later mid has 5 stars again.
    t.clock.set(new Date('2027-12-08T10:00:01+08:00'));
    await api.post('dispatcher', `/api/enterprises/${ids.mid}/reinstate`, { reason: '整改完成' });
    expect((await directory('?service=13')).find((e) => e.id === ids.mid)?.rating).toMatchObject({
      stars: 5,
      recentBadRecords: 0,
    });
  });
});
