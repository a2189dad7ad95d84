import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ticketApi } from '../../test/ticket-helpers';
import { AUDIT_CHAINS, appendAudit, verifyAuditChain } from './audit';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records sign-ins, reads and reveals of personal data in an intact chain', async () => {
    const api = ticketApi(t);
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    await api.get(o.id, 'dispatcher');
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${o.id}/reveal-caller`,
      headers: await t.as('handler'),
      payload: { reason: '需电话联系诉求人' },
    });
    expect(reveal.statusCode, reveal.body).toBe(200);
    expect(reveal.json()).toMatchObject({ name: '王小明', phone: '13812345678', masked: false });
    const rows = await t.handle.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('login');
    expect(actions).toContain('read-caller');
    const revealRow = rows.find((r) => r.action === 'reveal-caller');
    expect(revealRow).toMatchObject({
      actor_username: 'handler',
      target_type: 'ticket',
      target_id: String(o.id),
    });
    expect(revealRow?.details).toEqual({ reason: '需电话联系诉求人' });
    expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, entries: rows.length });
  });

  it('detects an edited entry and a removed entry', async () => {
    // Appends take the chains in turn: enough probes that probe-1's chain has a later entry.
    for (let i = 0; i < AUDIT_CHAINS + 2; i++) {
      await appendAudit(t.handle.db, {
        at: new Date(),
        actorUserId: null,
        actorUsername: 'x',
        action: `probe-${i}`,
      });
    }
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'chain'])
      .orderBy('id')
      .execute();
    const victim = rows.find((r) => r.action === 'probe-1');
    expect(victim).toBeDefined();
    const id = victim?.id ?? 0;
    await sql`update audit_log set details = '{"forged":true}' where id = ${id}`.execute(t.handle.db);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: false, brokenAt: id });
    // Undo the edit, then delete a row instead: the next entry's link no longer matches.
    await sql`update audit_log set details = '{}' where id = ${id}`.execute(t.handle.db);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
    await sql`delete from audit_log where id = ${id}`.execute(t.handle.db);
    // The break shows at the next entry of the same chain.
    const after = rows.find((r) => r.id > id && r.chain === victim?.chain)?.id;
    expect(after).toBeDefined();
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: false, brokenAt: after });
  });

  it('keeps every chain intact under concurrent appends, and each chain links its own entries', async () => {
    await sql`delete from audit_log`.execute(t.handle.db);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendAudit(t.handle.db, { at: new Date(), actorUserId: null, actorUsername: 'x', action: `c-${i}` }),
      ),
    );
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .select(['id', 'chain', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(AUDIT_CHAINS);
    // Each chain starts at its own genesis value and every later entry links to the one before it.
    const last = new Map<number, string>();
    for (const r of rows) {
      expect(r.prev_hash).toBe(last.get(r.chain) ?? r.chain.toString(16).padStart(64, '0'));
      last.set(r.chain, r.hash);
    }
    expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, entries: 40 });
  });

  it('refuses to reveal a confidential caller to a unit, and units see no identity at all', async () => {
    const api = ticketApi(t);
    const o = await api.create({
      channel: 'phone',
      type: 'report',
      category: '010201',
      location: { region: '东城区' },
      content: '举报某单位工作人员收受好处费。',
      caller: { name: '李四', phone: '13900001111', address: '东城区某路1号', confidential: true },
    });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const seen = await api.get(o.id, 'handler');
    expect(seen.caller).toEqual({ name: null, phone: null, address: null, confidential: true, masked: true });
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${o.id}/reveal-caller`,
      headers: await t.as('handler'),
      payload: { reason: '联系举报人' },
    });
    expect(r.statusCode).toBe(403);
    // The platform still sees the caller in full.
    expect((await api.get(o.id, 'dispatcher')).caller).toMatchObject({ name: '李四', phone: '13900001111' });
  });

  it('shows reads of caller data with the client address, the order number and a filter by number', async () => {
    const api = ticketApi(t);
    const o = await api.create();
    const other = await api.create();
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${o.id}`,
      headers: await t.as('dispatcher'),
      remoteAddress: '10.1.2.3',
    });
    expect(read.statusCode, read.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/tickets?pageSize=50`,
      headers: await t.as('dispatcher'),
      remoteAddress: '10.1.2.4',
    });
    expect(list.statusCode, list.body).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/audit?ticketNo=${encodeURIComponent(o.ticketNo)}`,
      headers: await t.as('admin'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: {
        action: string;
        ip: string | null;
        targetId: string | null;
        ticketNos: Record<string, string>;
      }[];
    }>();
    const detail = body.items.find((e) => e.action === 'read-caller' && e.targetId === String(o.id));
    expect(detail).toMatchObject({ ip: '10.1.2.3', ticketNos: { [String(o.id)]: o.ticketNo } });
    // The list read that showed both orders is found by either number, with both numbers.
    const listed = body.items.find((e) => e.action === 'list-caller');
    expect(listed?.ip).toBe('10.1.2.4');
    expect(listed?.ticketNos).toMatchObject({
      [String(o.id)]: o.ticketNo,
      [String(other.id)]: other.ticketNo,
    });
    // Nothing about an order number that does not exist.
    const none = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?ticketNo=NOPE',
      headers: await t.as('admin'),
    });
    expect(none.json()).toEqual({ total: 0, items: [] });
  });
});
