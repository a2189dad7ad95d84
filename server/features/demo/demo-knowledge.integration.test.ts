import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadDemoKnowledge } from './demo-knowledge';

describe('demo knowledge base', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the articles with their owning units, once, and the intake desk finds them', async () => {
    expect(await loadDemoKnowledge(t.handle.db, new Date())).toBe(25);
    expect(await loadDemoKnowledge(t.handle.db, new Date())).toBe(0);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/suggest?q=${encodeURIComponent('家里暖气不热，室温只有十五度')}`,
      headers: await t.as('agent'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { title: string }[] }>().items;
    expect(items[0]?.title).toBe('供热期室温不达标');
  });
});
