import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app';

describe('demo accounts on the sign-in page', () => {
  it('a demo installation lists all 13 demo accounts (README) with one name per role', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/demo-accounts' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ password: string; items: { username: string; roleLabel: string }[] }>();
      expect(body.items).toHaveLength(13);
      expect(body.items.map((i) => i.username)).toEqual(
        expect.arrayContaining([
          'admin',
          'agent',
          'dispatcher',
          'handler',
          'handler2',
          'callback',
          'supervisor',
          'leader',
          'kb-editor',
          'unit-leader',
          'dispatcher-dc',
          'handler-dc',
          'enterprise',
        ]),
      );
      expect(body.items.find((i) => i.username === 'dispatcher')?.roleLabel).toBe('派单审核员');
    } finally {
      await t.close();
    }
  });

  it('an installation outside demo mode does not have the route', async () => {
    const t = await createTestApp({ env: { CIVICLINE_DEMO: '0' } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/demo-accounts' });
      expect(res.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
