import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolunteerAssignmentDto, VolunteerDto } from '../../../common/contracts/volunteers';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/** Volunteers (tianjin-wuqing §31-§40; SPEC §7): registration, search, assignment, privacy. */
describe('volunteers', () => {
  let t: TestApp;
  let doctor: VolunteerDto;

  const post = async (user: string, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('the center registers volunteers; agents and units cannot', async () => {
    const body = {
      name: '林医生',
      skills: ['全科医生', '急救'],
      phone: '13900001111',
      availability: '周末全天',
    };
    expect((await post('agent', '/api/volunteers', body)).statusCode).toBe(403);
    expect((await post('unit-leader', '/api/volunteers', body)).statusCode).toBe(403);
    const res = await post('dispatcher', '/api/volunteers', body);
    expect(res.statusCode, res.body).toBe(201);
    doctor = res.json<VolunteerDto>();
    expect(doctor).toMatchObject({ name: '林医生', phone: '13900001111', phoneMasked: false });
    const lawyer = await post('admin', '/api/volunteers', {
      name: '高律师',
      skills: ['法律咨询'],
      phone: '0871-65120000',
      availability: '工作日晚间',
    });
    expect(lawyer.statusCode, lawyer.body).toBe(201);
  });

  it('agents find volunteers by skill, with the phone masked; units see none', async () => {
    const res = await get('agent', `/api/volunteers?skill=${encodeURIComponent('医生')}`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: VolunteerDto[] }>().items;
    // The demo city has volunteers too: ours is among those with the skill, the lawyer is not.
    expect(items.map((v) => v.name)).toContain('林医生');
    expect(items.map((v) => v.name)).not.toContain('高律师');
    expect(items.every((v) => v.skills.some((s) => s.includes('医生')))).toBe(true);
    // 139 0000 1111 masked as the callers' phones are: first three and last four digits.
    expect(items.find((v) => v.id === doctor.id)).toMatchObject({ phone: '139****1111', phoneMasked: true });
    expect(items.every((v) => v.phoneMasked)).toBe(true);
    const all = (await get('agent', '/api/volunteers')).json<{ items: VolunteerDto[] }>();
    expect(all.items.map((v) => v.name)).toEqual(expect.arrayContaining(['林医生', '高律师']));
    expect((await get('handler', '/api/volunteers')).statusCode).toBe(403);
  });

  it('a phone is revealed only with a reason, and every reveal or refusal is audited', async () => {
    expect((await post('agent', `/api/volunteers/${doctor.id}/reveal-phone`, {})).statusCode).toBe(400);
    const res = await post('agent', `/api/volunteers/${doctor.id}/reveal-phone`, {
      reason: '联系志愿者上门',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VolunteerDto>().phone).toBe('13900001111');
    expect(
      (await post('leader', `/api/volunteers/${doctor.id}/reveal-phone`, { reason: '查看一下' })).statusCode,
    ).toBe(403);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'target_id'])
      .where('target_type', '=', 'volunteer')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'reveal-volunteer-phone', actor_username: 'agent', target_id: String(doctor.id) },
      { action: 'reveal-volunteer-phone-refused', actor_username: 'leader', target_id: String(doctor.id) },
    ]);
  });

  it('a volunteer is assigned to an order and the outcome recorded, as events that keep the state', async () => {
    const orders = ticketApi(t);
    const o = await orders.create({
      ...sampleOrder,
      type: 'help',
      content: '独居老人突发不适，家属不在身边，请求帮助。',
    });
    expect(
      (await post('handler', `/api/tickets/${o.id}/volunteers`, { volunteerId: doctor.id })).statusCode,
    ).toBe(403);
    const res = await post('agent', `/api/tickets/${o.id}/volunteers`, {
      volunteerId: doctor.id,
      note: '上门查看',
    });
    expect(res.statusCode, res.body).toBe(201);
    const assignment = res.json<VolunteerAssignmentDto>();
    expect(assignment).toMatchObject({ ticketId: o.id, volunteerName: '林医生', outcome: null });
    expect(JSON.stringify(assignment)).not.toContain('13900001111');

    const url = `/api/tickets/${o.id}/volunteers/${assignment.id}/outcome`;
    const done = await post('agent', url, { outcome: 'helped', note: '已陪同就医' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: 'helped', outcomeNote: '已陪同就医' });
    expect((await post('agent', url, { outcome: 'declined' })).statusCode).toBe(409);

    const after = await orders.get(o.id);
    expect(after.status).toBe(o.status);
    const events = await orders.events(o.id);
    const tail = events.slice(-2);
    expect(tail.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['assign-volunteer', o.status, o.status],
      ['record-volunteer-outcome', o.status, o.status],
    ]);
    expect(JSON.stringify(events)).not.toContain('13900001111');
    const list = (await get('agent', `/api/tickets/${o.id}/volunteers`)).json<{
      items: VolunteerAssignmentDto[];
    }>();
    expect(list.items).toHaveLength(1);
  });

  it('an unknown volunteer or order is refused', async () => {
    const orders = ticketApi(t);
    const o = await orders.create();
    expect((await post('agent', `/api/tickets/${o.id}/volunteers`, { volunteerId: 999999 })).statusCode).toBe(
      422,
    );
    expect(
      (await post('agent', `/api/tickets/999999/volunteers`, { volunteerId: doctor.id })).statusCode,
    ).toBe(404);
  });
});
