import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importArticles } from './import-articles';

/** The synonym list kept by editors: a group added on screen changes the next search at once. */
describe('knowledge base synonyms', () => {
  let t: TestApp;
  const search = async (q: string): Promise<string[]> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/search?q=${encodeURIComponent(q)}`,
      headers: await t.as('agent'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { externalId: string | null }[] }>().items.map((i) => i.externalId ?? '');
  };
  const send = async (user: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await t.as(user), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    const r = await importArticles(
      t.ctx.db,
      [
        {
          id: 'gas',
          title: '燃气泄漏应急处置',
          content: '发现燃气泄漏，立即关闭总阀，开窗通风，到室外拨打抢修电话。',
        },
        {
          id: 'wage',
          title: '用人单位拖欠工资如何维权',
          content: '可向劳动保障监察机构投诉，或申请劳动仲裁。',
        },
      ].map((l) => JSON.stringify(l)),
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    expect(r).toMatchObject({ inserted: 2, errors: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts with the built-in list, colloquial words included', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/kb/synonyms',
      headers: await t.as('kb-editor'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const groups = res.json<{ items: { words: string[] }[] }>().items.map((g) => g.words);
    expect(groups).toContainEqual(expect.arrayContaining(['欠薪', '拖欠工资', '不发工资']));
    // A colloquial wage question finds the wage article first.
    expect((await search('老板不发工资'))[0]).toBe('wage');
  });

  it('adds, changes and removes a group; a word belongs to one group; only editors may', async () => {
    // 瓦斯 shares no character with 燃气: without a group nothing is found.
    expect(await search('瓦斯')).toEqual([]);
    const created = await send('kb-editor', 'POST', '/api/kb/synonyms', {
      words: ['燃气', ' 瓦斯 '],
      note: '方言',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(await search('家里瓦斯漏了')).toEqual(['gas']);

    const clash = await send('admin', 'POST', '/api/kb/synonyms', { words: ['瓦斯', '沼气'] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const phrase = await send('kb-editor', 'POST', '/api/kb/synonyms', { words: ['煤气 罐', '液化气'] });
    expect(phrase.statusCode).toBe(400);
    expect(phrase.json<{ error: { message: string } }>().error.message).toContain('不是一个词');
    const single = await send('kb-editor', 'POST', '/api/kb/synonyms', { words: ['液化气', '液化气'] });
    expect(single.statusCode).toBe(400);
    expect((await send('handler', 'POST', '/api/kb/synonyms', { words: ['沼气', '燃气'] })).statusCode).toBe(
      403,
    );
    expect((await send('agent', 'DELETE', `/api/kb/synonyms/${id}`)).statusCode).toBe(403);

    const changed = await send('kb-editor', 'PUT', `/api/kb/synonyms/${id}`, { words: ['燃气', '天然气'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await search('瓦斯')).toEqual([]);
    expect((await send('kb-editor', 'DELETE', `/api/kb/synonyms/${id}`)).statusCode).toBe(200);
    expect((await send('kb-editor', 'DELETE', `/api/kb/synonyms/${id}`)).statusCode).toBe(404);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('target_type', '=', 'kb-synonym')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'kb-synonym-created',
      'kb-synonym-updated',
      'kb-synonym-deleted',
    ]);
  });
});
