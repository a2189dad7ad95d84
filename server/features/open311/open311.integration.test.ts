import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCategories } from '../org/default-categories';
import type { TestApp } from '../../test/test-app';
import { open311Harness, xml, type Json } from './open311-test-kit';

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), written from the spec:
 * every endpoint in JSON and XML, the form-encoded POST with api_key, tokens and the error
 * documents (the searches: open311-search.integration.test.ts). Expected values come from the
 * spec, the default taxonomy and the requests the test submits.
 */
describe('Open311 GeoReport v2', () => {
  const h = open311Harness();
  const { get, post, pothole, shedReport, expectError } = h;
  /** The orders that came in through Open311. */
  const open311Orders = () =>
    h.t.ctx.db.selectFrom('ticket').select('id').where('channel', '=', 'open311').execute();
  let t: TestApp;
  let key = '';
  let ctiKey = '';
  beforeAll(() => {
    t = h.t;
    key = h.key;
    ctiKey = h.ctiKey;
  });

  it('GET services lists the active leaves of the category tree, in JSON and XML', async () => {
    const leaves = defaultCategories().filter(
      (c) => !defaultCategories().some((d) => d.parentCode === c.code),
    );
    const res = await get('services.json');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json; charset=utf-8/);
    const services = res.json<Json[]>();
    expect(services.map((s) => s.service_code).sort()).toEqual(leaves.map((c) => c.code).sort());
    expect(services.find((s) => s.service_code === '050301')).toEqual({
      service_code: '050301',
      service_name: '道路破损',
      description: '交通运输 / 道路设施 / 道路破损',
      metadata: true,
      type: 'realtime',
      keywords: '交通运输,道路设施',
      group: '交通运输',
    });
    expect(services.find((s) => s.service_code === '010201')?.metadata).toBe(false);
    const x = await get('services.xml');
    expect(x.statusCode).toBe(200);
    expect(String(x.headers['content-type'])).toMatch(/^text\/xml; charset=utf-8/);
    expect(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = xml.parse(x.body) as { services: { service: Json[] } };
    expect(doc.services.service).toHaveLength(leaves.length);
    expect(doc.services.service.find((s) => s.service_code === '050301')).toEqual({
      service_code: '050301',
      service_name: '道路破损',
      description: '交通运输 / 道路设施 / 道路破损',
      metadata: 'true',
      type: 'realtime',
      keywords: '交通运输,道路设施',
      group: '交通运输',
    });
    // A disabled category is no longer a service.
    const off = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/130301',
      headers: await t.as('admin'),
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const after = (await get('services.json')).json<Json[]>();
    expect(after.map((s) => s.service_code)).not.toContain('130301');
    expect(after).toHaveLength(leaves.length - 1);
  });

  it('GET services/{code} is the service definition with its attributes, in JSON and XML', async () => {
    const res = await get('services/050301.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      service_code: '050301',
      attributes: [
        {
          variable: true,
          code: 'damage_type',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: '请选择一项',
          order: 1,
          description: '破损类型',
          values: [
            { key: 'pothole', name: '坑槽' },
            { key: 'crack', name: '裂缝' },
            { key: 'subsidence', name: '路面沉陷' },
            { key: 'manhole', name: '井盖缺失或破损' },
          ],
        },
        {
          variable: true,
          code: 'area_m2',
          datatype: 'number',
          required: false,
          datatype_description: '估计面积，单位平方米',
          order: 2,
          description: '破损面积',
        },
      ],
    });
    const x = await get('services/050301.xml');
    expect(x.statusCode).toBe(200);
    const doc = xml.parse(x.body) as {
      service_definition: { service_code: string; attributes: { attribute: Json[] } };
    };
    expect(doc.service_definition.service_code).toBe('050301');
    const [first, second] = doc.service_definition.attributes.attribute;
    expect(first).toMatchObject({
      variable: 'true',
      code: 'damage_type',
      datatype: 'singlevaluelist',
      required: 'true',
      order: '1',
    });
    expect((first?.values as { value: Json[] }).value[0]).toEqual({ key: 'pothole', name: '坑槽' });
    expect(second).toMatchObject({ code: 'area_m2', datatype: 'number', required: 'false' });
    // A notice (variable false) is part of the definition.
    const gas = (await get('services/070301.json')).json<{ attributes: Json[] }>();
    expect(gas.attributes[0]).toMatchObject({ variable: false, code: 'emergency_notice', datatype: 'text' });
    // A service without attributes has an empty definition; an unknown code is a 404.
    expect((await get('services/010201.json')).json()).toEqual({ service_code: '010201', attributes: [] });
    expectError(await get('services/999999.json'), 404, 'json');
    expectError(await get('services/999999.xml'), 404, 'xml');
  });

  it('POST requests needs a valid open311 api_key (403 in the spec format)', async () => {
    const without = pothole().filter(([k]) => k !== 'api_key');
    expectError(await post('requests.json', without), 403, 'json');
    expectError(await post('requests.xml', without), 403, 'xml');
    expectError(await post('requests.json', [...without, ['api_key', 'cl_' + 'x'.repeat(43)]]), 403, 'json');
    expectError(await post('requests.json', [...without, ['api_key', ctiKey]]), 403, 'json');
    const revokedKey = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/api-keys',
        headers: await t.as('admin'),
        payload: { name: '已停用应用', scopes: ['open311'] },
      })
    ).json<{ id: number; key: string }>();
    await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${revokedKey.id}`,
      headers: await t.as('admin'),
    });
    expectError(await post('requests.json', [...without, ['api_key', revokedKey.key]]), 403, 'json');
    expect(await open311Orders()).toEqual([]);
  });

  it('POST requests refuses incomplete or invalid requests with 400', async () => {
    const without = (name: string) => pothole().filter(([k]) => k !== name);
    const replaced = (name: string, value: string) =>
      pothole().map(([k, v]): [string, string] => [k, k === name ? value : v]);
    const cases: [string, [string, string][]][] = [
      ['no service_code', without('service_code')],
      ['unknown service_code', replaced('service_code', '999999')],
      ['a category that is not a leaf', replaced('service_code', '0503')],
      ['no location', without('lat').filter(([k]) => !['long', 'address_string'].includes(k))],
      ['lat without long', without('long').filter(([k]) => k !== 'address_string')],
      ['lat out of range', replaced('lat', '91')],
      ['long not a number', replaced('long', 'east')],
      ['required attribute missing', without('attribute[damage_type]')],
      ['value not in the list', replaced('attribute[damage_type]', 'flood')],
      ['number attribute not a number', replaced('attribute[area_m2]', 'big')],
      ['phone invalid', replaced('phone', '12')],
      ['email invalid', replaced('email', 'not-an-email')],
      ['media_url not http', replaced('media_url', 'javascript:alert(1)')],
    ];
    for (const [why, fields] of cases) {
      const res = await post('requests.json', fields);
      expect(res.statusCode, `${why}: ${res.body}`).toBe(400);
      expectError(res, 400, 'json');
    }
    expectError(await post('requests.xml', without('service_code')), 400, 'xml');
    expect(await open311Orders()).toEqual([]);
  });

  let potholeId = '';
  let potholeToken = '';
  it('POST requests (form-encoded) opens an order through the intake and answers id, token, notice, account', async () => {
    const res = await post('requests.json', pothole());
    expect(res.statusCode, res.body).toBe(201);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json; charset=utf-8/);
    const body = res.json<Json[]>();
    expect(body).toHaveLength(1);
    const created = body[0] as {
      service_request_id: string;
      token: string;
      service_notice: string;
      account_id: string;
    };
    // The order number: the service day and a running number (the first order of 2026-12-07).
    expect(created.service_request_id).toBe('2026120700001');
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(created.service_notice).toContain('2026120700001');
    expect(created.account_id).toBe('acct-7');
    potholeId = created.service_request_id;
    potholeToken = created.token;
    const order = await t.ctx.db
      .selectFrom('ticket')
      .selectAll()
      .where('ticket_no', '=', potholeId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      channel: 'open311',
      type: 'help',
      category_code: '050301',
      status: 'pending_dispatch',
      caller_name: '王小明',
      caller_phone: '13812345678',
      location_address: '东城区东湖路与青年路交叉口（坐标 24.880095,102.832891）',
      confidential: false,
    });
    expect(order.content).toBe(
      '路口有大坑，已有电动车摔倒。联系我 13812345678，身份证 530102199001011234。\n破损类型：坑槽\n破损面积：2.5',
    );
    // Created by the key's own agent account, named after the application.
    const creator = await t.ctx.db
      .selectFrom('app_user')
      .select(['role', 'display_name'])
      .where('id', '=', order.created_by)
      .executeTakeFirstOrThrow();
    expect(creator).toEqual({ role: 'agent', display_name: '开放接口：随手拍应用' });

    // The key as X-API-Key, the answer in XML; a multi-value list; a 举报 category.
    const waste = await post(
      'requests.xml',
      [
        ['service_code', '060101'],
        ['address_string', '西城区和平路5号'],
        ['attribute[waste_kind][]', 'household'],
        ['attribute[waste_kind][]', 'bulky'],
      ],
      { 'x-api-key': key },
    );
    expect(waste.statusCode, waste.body).toBe(201);
    const doc = xml.parse(waste.body) as { service_requests: { request: Json[] } };
    expect(doc.service_requests.request[0]).toMatchObject({
      service_request_id: '2026120700002',
      account_id: '',
    });
    const wasteOrder = await t.ctx.db
      .selectFrom('ticket')
      .select(['content', 'type', 'caller_phone'])
      .where('ticket_no', '=', '2026120700002')
      .executeTakeFirstOrThrow();
    expect(wasteOrder).toEqual({
      content: '垃圾清运\n垃圾种类：生活垃圾、大件垃圾',
      type: 'help',
      caller_phone: null,
    });
    const shed = await post('requests.json', shedReport());
    expect(shed.statusCode, shed.body).toBe(201);
    const shedOrder = await t.ctx.db
      .selectFrom('ticket')
      .select(['type', 'location_address'])
      .where('ticket_no', '=', '2026120700003')
      .executeTakeFirstOrThrow();
    expect(shedOrder).toEqual({ type: 'report', location_address: '地址编号 ADDR-0042' });
  });

  it('GET tokens/{token} gives the request id, in JSON and XML', async () => {
    const res = await get(`tokens/${potholeToken}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ service_request_id: potholeId, token: potholeToken }]);
    const doc = xml.parse((await get(`tokens/${potholeToken}.xml`)).body) as {
      service_requests: { request: Json[] };
    };
    expect(doc.service_requests.request).toEqual([{ service_request_id: potholeId, token: potholeToken }]);
    expectError(await get('tokens/no-such-token.json'), 404, 'json');
    expectError(await get('tokens/no-such-token.xml'), 404, 'xml');
  });
  it('unknown resources and formats answer in the spec error format', async () => {
    expectError(await get('nothing.json'), 404, 'json');
    expectError(await get('nothing.xml'), 404, 'xml');
    expectError(await get('services/050301/extra.json'), 404, 'json');
    expectError(await get('services.csv'), 400, 'json');
    expectError(await get('services'), 400, 'json');
    expectError(await post('services.json', [['api_key', key]]), 404, 'json');
  });
});
