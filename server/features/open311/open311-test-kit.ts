import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

/** What the Open311 conformance tests share: the app, an open311 key, requests and checks. */
export const BASE = '/open311/v2';
export const NOW = '2026-12-07T09:00:00+08:00';
export const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value'].includes(name),
});
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

export type Json = Record<string, unknown>;

/** Call inside a describe: a test app at NOW with an open311 key and a cti key. */
export function open311Harness() {
  let t: TestApp;
  let key = '';
  let ctiKey = '';
  const get = (url: string) => t.app.inject({ method: 'GET', url: `${BASE}/${url}` });
  const post = (file: string, fields: [string, string][], headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `${BASE}/${file}`,
      headers: { ...formHeaders, ...headers },
      payload: form(fields),
    });
  const pothole = (): [string, string][] => [
    ['api_key', key],
    ['service_code', '050301'],
    ['lat', '24.880095'],
    ['long', '102.832891'],
    ['address_string', '东城区东湖路与青年路交叉口'],
    ['attribute[damage_type]', 'pothole'],
    ['attribute[area_m2]', '2.5'],
    ['first_name', '小明'],
    ['last_name', '王'],
    ['phone', '13812345678'],
    ['email', 'wang@example.com'],
    ['device_id', 'dev-1'],
    ['account_id', 'acct-7'],
    ['description', '路口有大坑，已有电动车摔倒。联系我 13812345678，身份证 530102199001011234。'],
    ['media_url', 'https://example.com/photos/1.jpg'],
  ];
  /** A 违章搭建 report located by an address id only. */
  const shedReport = (): [string, string][] => [
    ['api_key', key],
    ['service_code', '060201'],
    ['address_id', 'ADDR-0042'],
    ['description', '楼顶违章搭建彩钢房'],
  ];
  const expectError = (
    res: { statusCode: number; body: string; headers: Record<string, unknown> },
    status: number,
    format: 'json' | 'xml',
  ) => {
    expect(res.statusCode, res.body).toBe(status);
    if (format === 'json') {
      expect(String(res.headers['content-type'])).toMatch(/^application\/json; charset=utf-8/);
      const body = JSON.parse(res.body) as Json[];
      expect(body).toHaveLength(1);
      expect(body[0]?.code).toBe(status);
      expect(typeof body[0]?.description).toBe('string');
    } else {
      expect(String(res.headers['content-type'])).toMatch(/^text\/xml; charset=utf-8/);
      expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const doc = xml.parse(res.body) as { errors: { error: { code: string; description: string }[] } };
      expect(doc.errors.error).toHaveLength(1);
      expect(doc.errors.error[0]?.code).toBe(String(status));
      expect(doc.errors.error[0]?.description.length).toBeGreaterThan(0);
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const create = async (body: Json) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/admin/api-keys',
          headers: await t.as('admin'),
          payload: body,
        })
      ).json<{ key: string }>();
    key = (await create({ name: '随手拍应用', scopes: ['open311'] })).key;
    ctiKey = (await create({ name: '话务系统', scopes: ['cti'] })).key;
  });
  afterAll(async () => t.close());
  const ids = (res: { json: () => unknown }) => (res.json() as Json[]).map((r) => r.service_request_id);
  return {
    get t() {
      return t;
    },
    get key() {
      return key;
    },
    get ctiKey() {
      return ctiKey;
    },
    get,
    post,
    pothole,
    shedReport,
    expectError,
    ids,
  };
}
