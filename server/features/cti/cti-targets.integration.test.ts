import { describe, expect, it } from 'vitest';
import { callFigures as callFiguresContract } from '../../../common/contracts/cti';
import { createTestApp } from '../../test/test-app';

describe('telephony targets of the active profile', () => {
  it('beijing-miyun §14: the 10-second rate against its target of 100 %, met only when every call was', async () => {
    const t = await createTestApp({
      now: '2026-12-07T09:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
    });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/api-keys',
        headers: await t.as('admin'),
        payload: { name: '话务系统', scopes: ['cti'] },
      });
      const key = res.json<{ key: string }>().key;
      const at = (s: number) => new Date(Date.parse('2026-12-01T10:00:00+08:00') + s * 1000).toISOString();
      // Waits of 3 s, 10 s (still within) and 11 s: 2 of 3 within 10 s.
      for (const [id, wait] of [
        ['b1', 3],
        ['b2', 10],
        ['b3', 11],
      ] as const) {
        for (const [type, s] of [
          ['offered', 0],
          ['answered', wait],
        ] as const) {
          const e = await t.app.inject({
            method: 'POST',
            url: '/api/cti/events',
            headers: { 'x-api-key': key },
            payload: { callId: id, type, at: at(s), caller: '13800000000', agent: 'agent' },
          });
          expect(e.statusCode, e.body).toBe(200);
        }
      }
      const f = await t.app.inject({
        method: 'GET',
        url: '/api/stats/calls?from=2026-12-01T00:00:00%2B08:00&to=2026-12-02T00:00:00%2B08:00',
        headers: await t.as('leader'),
      });
      expect(f.statusCode, f.body).toBe(200);
      const got = callFiguresContract.parse(f.json());
      expect(got.targets).toHaveLength(1);
      expect(got.targets[0]).toMatchObject({
        figure: 'within10sRate',
        target: 1,
        met: false,
        article: 'beijing-miyun §14',
      });
      expect(got.targets[0]?.actual).toBeCloseTo(2 / 3, 12);
    } finally {
      await t.close();
    }
  });
});
