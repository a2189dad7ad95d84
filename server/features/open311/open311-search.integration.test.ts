import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { copiedTicketColumns } from '../../test/ticket-copies';
import { ticketApi } from '../../test/ticket-helpers';
import { NOW, open311Harness, xml, type Json } from './open311-test-kit';

/**
 * Conformance with Open311 GeoReport v2, the reading side: one request, the searches with every
 * filter of the spec, the 90-day window and the 1000-result cap, with no personal data shown.
 */
describe('Open311 GeoReport v2 searches', () => {
  const h = open311Harness();
  const { get, post, pothole, shedReport, expectError, ids } = h;
  let t: TestApp;
  let key = '';
  beforeAll(() => {
    t = h.t;
    key = h.key;
  });
  let potholeId = '';
  beforeAll(async () => {
    // Three requests of 2026-12-07: 00001 a pothole, 00002 waste, 00003 a 违章搭建 (a report).
    const created = await post('requests.json', pothole());
    expect(created.statusCode, created.body).toBe(201);
    potholeId = String(created.json<Json[]>()[0]?.service_request_id);
    const waste = await post('requests.json', [
      ['api_key', key],
      ['service_code', '060101'],
      ['address_string', '西城区和平路5号'],
      ['attribute[waste_kind]', 'household'],
    ]);
    expect(waste.statusCode, waste.body).toBe(201);
    const shed = await post('requests.json', shedReport());
    expect(shed.statusCode, shed.body).toBe(201);
  });

  it('GET requests/{id} shows the request without personal data, in JSON and XML', async () => {
    const res = await get(`requests/${potholeId}.json`);
    expect(res.statusCode, res.body).toBe(200);
    const [r] = res.json<Json[]>();
    expect(r).toEqual({
      service_request_id: potholeId,
      status: 'open',
      status_notes: '待派单',
      service_name: '道路破损',
      service_code: '050301',
      description:
        '路口有大坑，已有电动车摔倒。联系我 [已隐去]，身份证 [已隐去]。\n破损类型：坑槽\n破损面积：2.5',
      agency_responsible: '云川市12345政务服务便民热线中心',
      service_notice: null,
      requested_datetime: '2026-12-07T09:00:00+08:00',
      updated_datetime: '2026-12-07T09:00:00+08:00',
      expected_datetime: null,
      address: '东城区东湖路与青年路交叉口（坐标 24.880095,102.832891）',
      address_id: null,
      zipcode: null,
      lat: 24.880095,
      long: 102.832891,
      media_url: 'https://example.com/photos/1.jpg',
    });
    expect(res.body).not.toContain('王小明');
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('wang@example.com');
    const x = await get(`requests/${potholeId}.xml`);
    const doc = xml.parse(x.body) as { service_requests: { request: Json[] } };
    expect(doc.service_requests.request[0]).toMatchObject({
      service_request_id: potholeId,
      status: 'open',
      lat: '24.880095',
      zipcode: '',
      agency_responsible: '云川市12345政务服务便民热线中心',
    });
    expectError(await get('requests/2026120799999.json'), 404, 'json');
    expectError(await get('requests/2026120799999.xml'), 404, 'xml');

    // Dispatched: the responsible unit and the handling deadline.
    const api = ticketApi(t);
    const order = await t.ctx.db
      .selectFrom('ticket')
      .select('id')
      .where('ticket_no', '=', potholeId)
      .executeTakeFirstOrThrow();
    await api.ok('dispatcher', order.id, 'dispatch', { unitId: await t.unitId('YC-JTJ'), region: '东城区' });
    const [after] = (await get(`requests/${potholeId}.json`)).json<Json[]>();
    // zibo-12345 §11(3): 5 working days from the dispatch on Monday 2026-12-07, i.e. the end of
    // Monday 2026-12-14 (no holiday between), written with the service offset.
    expect(after).toMatchObject({
      status: 'open',
      status_notes: '待签收',
      agency_responsible: '市交通运输局',
      expected_datetime: '2026-12-14T23:59:59+08:00',
    });
  });

  it('GET requests: the last 90 days by default, newest first, and each filter of the spec', async () => {
    // A request from 100 days ago (2026-08-29 09:00) lies outside the default window.
    t.clock.set(new Date(new Date(NOW).getTime() - 100 * 86_400_000));
    const old = await post('requests.json', [
      ['api_key', key],
      ['service_code', '070101'],
      ['address_string', '北山区松林路1号'],
      ['attribute[since]', '2026-08-29T06:00:00+08:00'],
    ]);
    expect(old.statusCode, old.body).toBe(201);
    t.clock.set(new Date(NOW));
    const oldId = old.json<{ service_request_id: string }[]>()[0]?.service_request_id;
    expect(oldId).toBe('2026082900001');
    const all = await get('requests.json');
    expect(all.statusCode).toBe(200);
    // Three of today, the newest (highest number) first; the old one left out.
    expect(ids(all)).toEqual(['2026120700003', '2026120700002', '2026120700001']);
    const allXml = xml.parse((await get('requests.xml')).body) as { service_requests: { request: Json[] } };
    expect(allXml.service_requests.request.map((r) => r.service_request_id)).toEqual(ids(all));
    // start_date/end_date (W3C datetimes) on the requested time.
    expect(
      ids(await get('requests.json?start_date=2026-08-28T00:00:00%2B08:00&end_date=2026-08-30T00:00:00Z')),
    ).toEqual([oldId]);
    // One bound alone: 90 days from it.
    expect(ids(await get('requests.json?start_date=2026-08-29T00:00:00%2B08:00'))).toEqual([oldId]);
    expect(ids(await get('requests.json?end_date=2026-12-07T08:59:59%2B08:00'))).toEqual([]);
    expect(ids(await get('requests.json?end_date=2026-12-07T09:00:00%2B08:00'))).toHaveLength(3);
    // service_code, a comma list.
    expect(ids(await get('requests.json?service_code=060101'))).toEqual(['2026120700002']);
    expect(ids(await get('requests.json?service_code=060101,060201'))).toEqual([
      '2026120700003',
      '2026120700002',
    ]);
    // status open|closed: a request not accepted is closed.
    const api = ticketApi(t);
    const shed = await t.ctx.db
      .selectFrom('ticket')
      .select('id')
      .where('ticket_no', '=', '2026120700003')
      .executeTakeFirstOrThrow();
    await api.ok('dispatcher', shed.id, 'not-accept', {
      reason: '不属于热线受理范围',
      suggestedChannel: '城管执法大队',
    });
    expect(ids(await get('requests.json?status=closed'))).toEqual(['2026120700003']);
    expect(ids(await get('requests.json?status=open'))).toEqual(['2026120700002', '2026120700001']);
    expect(ids(await get('requests.json?status=open,closed'))).toHaveLength(3);
    const closed = (await get('requests/2026120700003.json')).json<Json[]>();
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: '不予受理', expected_datetime: null });
    // service_request_id, a comma list, overrides every other filter (the old one, a closed one).
    expect(
      ids(
        await get(`requests.json?service_request_id=${oldId},2026120700003&status=open&service_code=050301`),
      ),
    ).toEqual(['2026120700003', oldId]);
    // A confidential order is never public.
    await t.ctx.db
      .updateTable('ticket')
      .set({ confidential: true })
      .where('ticket_no', '=', '2026120700002')
      .execute();
    expect(ids(await get('requests.json'))).toEqual(['2026120700003', '2026120700001']);
    expectError(await get('requests/2026120700002.json'), 404, 'json');
    await t.ctx.db
      .updateTable('ticket')
      .set({ confidential: false })
      .where('ticket_no', '=', '2026120700002')
      .execute();
  });

  it('GET requests refuses bad filters with 400 in the spec format', async () => {
    for (const q of [
      'status=pending',
      'start_date=yesterday',
      'end_date=2026-13-01',
      'start_date=2026-12-07T00:00:00Z&end_date=2026-12-01T00:00:00Z',
      // More than 90 days apart.
      'start_date=2026-08-01T00:00:00%2B08:00&end_date=2026-12-01T00:00:00%2B08:00',
    ]) {
      expectError(await get(`requests.json?${q}`), 400, 'json');
      expectError(await get(`requests.xml?${q}`), 400, 'xml');
    }
    // Exactly 90 days is allowed.
    expect(
      (await get('requests.json?start_date=2026-09-08T09:00:00%2B08:00&end_date=2026-12-07T09:00:00%2B08:00'))
        .statusCode,
    ).toBe(200);
  });

  it('GET requests answers at most 1000 requests', async () => {
    const source = await t.ctx.db
      .selectFrom('ticket')
      .select('id')
      .where('ticket_no', '=', '2026120700001')
      .executeTakeFirstOrThrow();
    const cols = await copiedTicketColumns(t.ctx.db);
    await sql`
      with copies as (
        insert into ticket (ticket_no, ${sql.join(cols)})
        select 'B' || lpad(g::text, 12, '0'), ${sql.join(cols)}
        from ticket, generate_series(1, 1000) g where id = ${source.id}
        returning id)
      insert into open311_request (ticket_id, token, api_key_id, service_code, requested_at)
      select c.id, 'bulk-' || c.id, o.api_key_id, o.service_code, o.requested_at - interval '1 hour'
      from copies c, open311_request o where o.ticket_id = ${source.id}`.execute(t.ctx.db);
    const res = await get('requests.json');
    expect(res.statusCode).toBe(200);
    const found = ids(res);
    expect(found).toHaveLength(1000);
    // The newest first: today's three requests lead.
    expect(found.slice(0, 3)).toEqual(['2026120700003', '2026120700002', '2026120700001']);
  });
});
