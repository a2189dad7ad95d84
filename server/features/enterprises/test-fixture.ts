import { expect } from 'vitest';
import type { EnterpriseDto } from '../../../common/contracts/enterprises';
import type { TestApp } from '../../test/test-app';

/** A tiny PNG (signature and an empty IHDR chunk are enough for the content check). */
export const PNG_BASE64 = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]).toString('base64');

/** The demo city's centre (lng, lat). */
export const CENTRE = { lng: 102.7, lat: 25.04 };

export function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '云川市安心家政服务有限公司',
    // GB 32100 by hand: 9·1 + 2·3 + 5·9 + 3·27 + 1·26 + 2·17 = 201; 201 mod 31 = 15; 31 - 15 = 16 → G.
    creditCode: '92530102000000000G',
    services: ['130101'],
    address: '云川市东城区东湖路66号',
    lng: CENTRE.lng,
    lat: CENTRE.lat,
    contactName: '李四海',
    contactPhone: '13912345678',
    description: '日常保洁、深度保洁',
    licence: { fileName: 'licence.png', dataBase64: PNG_BASE64 },
    ...overrides,
  };
}

let addressCounter = 0;

export function enterpriseApi(t: TestApp) {
  /** Each call from its own client address, so the per-address brake never interferes. */
  async function apply(body: Record<string, unknown>, ip?: string) {
    addressCounter += 1;
    return t.app.inject({
      method: 'POST',
      url: '/api/public/enterprises/applications',
      payload: body,
      remoteAddress: ip ?? `10.9.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`,
    });
  }
  async function applyOk(body: Record<string, unknown>): Promise<number> {
    const res = await apply(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  }
  async function post(user: string, url: string, payload: Record<string, unknown> = {}) {
    return t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
  }
  async function get(user: string, url: string) {
    return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  }
  async function detail(id: number, user = 'dispatcher'): Promise<EnterpriseDto> {
    const res = await get(user, `/api/enterprises/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EnterpriseDto>();
  }
  async function approve(id: number): Promise<void> {
    const res = await post('dispatcher', `/api/enterprises/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
  }
  async function directory(query = '') {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/enterprises${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  }
  return { apply, applyOk, post, get, detail, approve, directory };
}
