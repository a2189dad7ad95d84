import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../platform/db';
import { createTestDatabase } from '../test/test-db';

describe('migrations', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates the spine tables and the trigram extension', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
      where table_name in ('ticket','ticket_event','ticket_deadline','org_unit','app_user')
      and table_schema = current_schema()`.execute(h.db);
    expect(rows[0]?.n).toBe(5);
    const trgm = await sql<{ s: number }>`select similarity('社会保险', '社会保险费') as s`.execute(h.db);
    expect(trgm.rows[0]?.s).toBeGreaterThan(0.3);
  });

  it('returns int8 as number, date as string and timestamptz as Date on both drivers', async () => {
    const { rows } = await sql<{ a: number; d: string; t: Date }>`
      select 9007199254740::bigint as a, date '2026-10-01' as d, timestamptz '2026-10-01T00:00:00+08:00' as t`.execute(
      h.db,
    );
    expect(rows[0]?.a).toBe(9007199254740);
    expect(rows[0]?.d).toBe('2026-10-01');
    expect(rows[0]?.t.toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });
});
