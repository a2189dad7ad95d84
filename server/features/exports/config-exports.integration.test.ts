import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { readSheet, readWorkbook } from '../../test/xlsx-workbook';
import { application, enterpriseApi } from '../enterprises/test-fixture';

/**
 * Excel exports of the configuration lists (categories, text messages, webhooks, API keys, the
 * working-day calendar) and the franchise enterprise's desk, each against data made here, with its
 * list's filter and permission.
 */
describe('Excel exports of the configuration lists and the enterprise desk', () => {
  let t: TestApp;
  let orderId = 0;
  let orderNo = '';
  let referredNo = '';
  let deskToken = '';
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const post = async (user: string, url: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res;
  };
  const refused = async (user: string, url: string) => {
    const res = await get(user, url);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
  };

  /** The enterprise's own account, signed in with the password it chose. */
  async function enterpriseToken(enterpriseId: number): Promise<string> {
    const initial = 'Clean#2026start';
    await post('dispatcher', `/api/enterprises/${enterpriseId}/accounts`, {
      username: 'anxin',
      displayName: '安心家政 客服',
      initialPassword: initial,
    });
    const login = async (password: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'anxin', password },
        })
      ).json<{ token: string }>().token;
    const first = await login(initial);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${first}` },
      payload: { currentPassword: initial, newPassword: 'Clean#2026desk!' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    return login('Clean#2026desk!');
  }

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-12-07T10:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'tianjin-wuqing' },
    });
    const orders = ticketApi(t);
    const order = await orders.create();
    orderId = order.id;
    orderNo = order.ticketNo;
    await post('admin', '/api/admin/categories', { code: '130104', name: '钟点工', parentCode: '1301' });
    await post('admin', '/api/admin/webhooks', {
      url: 'https://hook.example.gov.cn/civicline',
      events: ['ticket.created', 'ticket.closed'],
      secret: 'a-secret-of-at-least-16',
      format: 'event',
    });
    await post('admin', '/api/admin/api-keys', { name: '呼叫中心话务系统', scopes: ['cti'] });

    const enterprises = enterpriseApi(t);
    // 915301020000000053: check digit 3 by GB 32100-2015 (worked in enterprise-desk.integration.test.ts).
    const member = await enterprises.applyOk(
      application({ name: '安心家政', creditCode: '915301020000000053' }),
    );
    await enterprises.approve(member);
    deskToken = await enterpriseToken(member);
    const cleaning = await orders.create({
      ...sampleOrder,
      type: 'help',
      category: '130101',
      content: '家中需要深度保洁，请推荐家政公司。',
    });
    await orders.ok('agent', cleaning.id, 'refer-enterprise', { enterpriseId: member });
    referredNo = cleaning.ticketNo;
  });
  afterAll(async () => t.close());

  it('categories: the tree in order with the new category under its parent, and the key mapping; administrators only', async () => {
    const [tree, keys] = await readWorkbook(
      (await get('admin', '/api/admin/categories/export.xlsx')).rawPayload,
    );
    expect(tree?.header).toEqual(['分类代码', '分类名称', '层级', '上级分类', '状态']);
    expect(tree?.rows.find((r) => r[0] === '130104')).toEqual([
      '130104',
      '钟点工',
      3,
      '1301 家政服务',
      '启用',
    ]);
    const codes = tree?.rows.map((r) => String(r[0])) ?? [];
    expect(codes.indexOf('1301')).toBeLessThan(codes.indexOf('130101'));
    expect(keys?.header).toEqual(['分类键', '本地分类', '覆盖分类数', '条款']);
    await refused('dispatcher', '/api/admin/categories/export.xlsx');
  });

  it('text messages: the order filter of the log, recipients masked; administrators only', async () => {
    const sheet = await readSheet(
      (await get('admin', `/api/admin/messages/export.xlsx?ticketId=${orderId}`)).rawPayload,
    );
    expect(sheet.header.slice(0, 5)).toEqual(['时间', '接收号码', '模板', '内容', '状态']);
    expect(sheet.rows).toHaveLength(1);
    const [at, to, template, text, status, , , ticket] = sheet.rows[0] ?? [];
    // sampleOrder's caller 13812345678: only the last four digits.
    expect([at, to, template, status, ticket]).toEqual([
      '2026-12-07 10:00',
      '*******5678',
      'citizen-intake',
      '待发送',
      orderId,
    ]);
    expect(String(text)).toContain(orderNo);
    expect(String(text)).toContain('查询码********');
    const other = await readSheet(
      (await get('admin', '/api/admin/messages/export.xlsx?ticketId=999999')).rawPayload,
    );
    expect(other.rows).toEqual([]);
    await refused('dispatcher', '/api/admin/messages/export.xlsx');
  });

  it('webhooks and API keys: labels, never the secret or the key; administrators only', async () => {
    const hooks = await readSheet((await get('admin', '/api/admin/webhooks/export.xlsx')).rawPayload);
    // One order taken after subscribing (its ticket.created waits); created on the server's clock.
    expect(hooks.rows).toEqual([
      [
        'https://hook.example.gov.cn/civicline',
        '工单登记、办结',
        '事件通知（不含个人信息）',
        0,
        1,
        0,
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        'admin',
      ],
    ]);
    expect(JSON.stringify(hooks.rows)).not.toContain('a-secret-of-at-least-16');
    await refused('dispatcher', '/api/admin/webhooks/export.xlsx');

    const keys = await readSheet((await get('admin', '/api/admin/api-keys/export.xlsx')).rawPayload);
    const listed = (await get('admin', '/api/admin/api-keys')).json<{ items: { prefix: string }[] }>();
    expect(keys.rows).toEqual([
      [
        '呼叫中心话务系统',
        `${listed.items[0]?.prefix}…`,
        '电话系统（CTI）',
        null,
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        'admin',
        '未使用',
        '有效',
      ],
    ]);
    await refused('dispatcher', '/api/admin/api-keys/export.xlsx');
  });

  it('the working-day calendar: 2026 by the official schedule, 248 working days', async () => {
    const res = await get('handler', '/api/calendar/export.xlsx?year=2026');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('工作日历-2026-'));
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.header).toEqual(['日期', '星期', '安排', '名称']);
    expect(sheet.rows).toContainEqual(['2026-10-01', '星期四', '放假', '国庆节']);
    expect(sheet.rows).toContainEqual(['2026-10-10', '星期六', '调休上班', '国庆节']);
    // 261 weekdays (1 January a Thursday, 365 days) − 19 weekday holidays (元旦 2, 春节 6, 清明 1,
    // 劳动节 3, 端午 1, 中秋 1, 国庆 5) + 6 make-up Saturdays and Sundays = 248.
    expect(sheet.rows).toContainEqual(['全年工作日 248 天']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/export.xlsx?year=2026' })).statusCode,
    ).toBe(401);
    expect((await get('handler', '/api/calendar/export.xlsx?year=1800')).statusCode).toBe(400);
  });

  it('synonyms: the word search of the tab; knowledge-base editors only', async () => {
    await post('kb-editor', '/api/kb/synonyms', { words: ['暖气片漏水', '暖气跑水'], note: '供热报修口语' });
    const found = await readSheet(
      (await get('kb-editor', `/api/kb/synonyms/export.xlsx?q=${encodeURIComponent('跑水')}`)).rawPayload,
    );
    expect(found.header).toEqual(['同义词', '说明', '修改人', '修改时间']);
    expect(found.rows.map((r) => r.slice(0, 3))).toEqual([
      ['暖气片漏水、暖气跑水', '供热报修口语', 'kb-editor'],
    ]);
    await refused('dispatcher', '/api/kb/synonyms/export.xlsx');
  });

  it('the enterprise desk: its own e-orders with the citizen to contact; nobody else’s desk', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/enterprise-desk/orders/export.xlsx',
      headers: { authorization: `Bearer ${deskToken}` },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.header.slice(0, 8)).toEqual([
      '工单编号',
      '派单时间',
      '服务类别',
      '服务需求',
      '联系人',
      '联系电话',
      '服务地址',
      '状态',
    ]);
    expect(sheet.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[7]])).toEqual([
      [
        referredNo,
        '2026-12-07 10:00',
        '保洁',
        '家中需要深度保洁，请推荐家政公司。',
        '王小明',
        '13812345678',
        '企业办理中',
      ],
    ]);
    expect((await get('handler', '/api/enterprise-desk/orders/export.xlsx')).statusCode).toBe(403);
  });
});
