import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

interface Detail {
  id: number;
  status: string;
  effectiveStatus: string;
  version: number;
  title: string;
  ownerUnitId: number | null;
  usageCount: number;
  allowedActions: string[];
  statusNote: string | null;
  reviewBy: string | null;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe('knowledge base: article lifecycle, review and versions', () => {
  let t: TestApp;
  let rsj: number;
  let zjj: number;
  const call = async (
    user: string | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) => {
    const headers = user ? await t.as(user) : {};
    return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  };
  const draft = {
    title: '灵活就业人员如何参加职工养老保险',
    body: '# 办理条件\n\n本市户籍的**灵活就业人员**可以在户籍所在地社保经办机构办理参保登记。\n\n- 携带身份证\n- 填写登记表',
    categoryCode: '010101',
    keywords: ['灵活就业', '养老保险', '参保登记'],
    reviewBy: '2027-05-01',
  };

  beforeAll(async () => {
    t = await createTestApp();
    rsj = await t.unitId('YC-RSJ');
    zjj = await t.unitId('YC-ZJJ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a unit draft through rejection, correction, approval and withdrawal, keeping every version', async () => {
    // A handler drafts for their own unit (the unit is implied).
    const created = await call('handler', 'POST', '/api/kb/articles', draft);
    expect(created.statusCode).toBe(201);
    const a = created.json<Detail>();
    expect(a).toMatchObject({ status: 'draft', version: 1, ownerUnitId: rsj });
    expect(a.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit']));
    expect(a.allowedActions).not.toContain('approve');

    // Not published yet: an agent does not see it; search does not find it.
    expect((await call('agent', 'GET', `/api/kb/articles/${a.id}`)).statusCode).toBe(404);
    const before = (await call('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('灵活就业')}`)).json<{
      total: number;
    }>();
    expect(before.total).toBe(0);

    expect((await call('handler', 'POST', `/api/kb/articles/${a.id}/submit`, {})).json()).toMatchObject({
      status: 'in-review',
      version: 2,
    });
    // The drafting unit cannot publish; nor can it edit while in review.
    const selfApprove = await call('handler', 'POST', `/api/kb/articles/${a.id}/approve`, {});
    expect(selfApprove.statusCode).toBe(403);
    expect((await call('handler', 'PATCH', `/api/kb/articles/${a.id}`, { title: '改' })).statusCode).toBe(
      409,
    );

    // The reviewer sends it back with a reason.
    const noReason = await call('kb-editor', 'POST', `/api/kb/articles/${a.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await call('kb-editor', 'POST', `/api/kb/articles/${a.id}/reject`, {
      reason: '请补充办理地点和咨询电话',
    });
    expect(rejected.json()).toMatchObject({
      status: 'draft',
      version: 3,
      statusNote: '请补充办理地点和咨询电话',
    });

    const edited = await call('handler', 'PATCH', `/api/kb/articles/${a.id}`, {
      body: `${draft.body}\n\n办理地点：市民服务中心社保窗口，咨询电话 12333。`,
      version: 3,
    });
    expect(edited.json()).toMatchObject({ status: 'draft', version: 4 });
    // A stale editor gets a conflict, not a silent overwrite.
    const stale = await call('handler', 'PATCH', `/api/kb/articles/${a.id}`, { title: '旧稿', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('CONFLICT');

    await call('unit-leader', 'POST', `/api/kb/articles/${a.id}/submit`, {});
    const approved = await call('kb-editor', 'POST', `/api/kb/articles/${a.id}/approve`, {
      note: '格式、法律审核通过',
    });
    expect(approved.json()).toMatchObject({ status: 'published', version: 6 });

    const found = (
      await call('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('灵活就业 养老')}`)
    ).json<{
      items: { id: number }[];
    }>();
    expect(found.items.map((i) => i.id)).toEqual([a.id]);

    const withdrawn = await call('kb-editor', 'POST', `/api/kb/articles/${a.id}/withdraw`, {
      reason: '政策调整',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', version: 7 });
    const after = (await call('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('灵活就业')}`)).json<{
      total: number;
    }>();
    expect(after.total).toBe(0);

    const versions = (await call('handler', 'GET', `/api/kb/articles/${a.id}/versions`)).json<{
      items: {
        version: number;
        action: string;
        status: string;
        actorName: string | null;
        changes: { field: string }[];
        note: string | null;
      }[];
      total: number;
    }>();
    expect(versions.total).toBe(7);
    expect(versions.items.map((v) => [v.version, v.action, v.status])).toEqual([
      [7, 'withdraw', 'withdrawn'],
      [6, 'approve', 'published'],
      [5, 'submit', 'in-review'],
      [4, 'edit', 'draft'],
      [3, 'reject', 'draft'],
      [2, 'submit', 'in-review'],
      [1, 'create', 'draft'],
    ]);
    expect(versions.items[0]?.note).toBe('政策调整');
    expect(versions.items[1]?.actorName).toBe('知识库维护员 周敏');
    expect(versions.items[3]?.changes).toEqual([{ field: 'body' }]);
    expect(versions.items[4]?.changes).toEqual([{ field: 'status', from: 'in-review', to: 'draft' }]);

    const v1 = (await call('handler', 'GET', `/api/kb/articles/${a.id}/versions/1`)).json<{
      snapshot: { body: string };
    }>();
    expect(v1.snapshot.body).toBe(draft.body);
    const v4 = (await call('handler', 'GET', `/api/kb/articles/${a.id}/versions/4`)).json<{
      snapshot: { body: string };
    }>();
    expect(v4.snapshot.body).toContain('12333');
  });

  it('lets units draft only for themselves and edit only drafts; managers draft for any unit', async () => {
    const other = await call('handler', 'POST', '/api/kb/articles', { ...draft, ownerUnitId: zjj });
    expect(other.statusCode).toBe(403);
    expect((await call('agent', 'POST', '/api/kb/articles', draft)).statusCode).toBe(403);
    const byEditor = await call('kb-editor', 'POST', '/api/kb/articles', {
      ...draft,
      ownerUnitId: zjj,
      title: '住房公积金提取条件',
    });
    expect(byEditor.json()).toMatchObject({ ownerUnitId: zjj, status: 'draft' });
    // A handler of another unit cannot see the draft at all.
    const id = byEditor.json<Detail>().id;
    expect((await call('handler', 'GET', `/api/kb/articles/${id}`)).statusCode).toBe(404);
    expect((await call('handler2', 'GET', `/api/kb/articles/${id}`)).statusCode).toBe(200);
    expect(
      (await call('kb-editor', 'POST', '/api/kb/articles', { ...draft, categoryCode: '999999' })).statusCode,
    ).toBe(400);
  });

  it('pages the management list with totals and scopes it by role', async () => {
    for (let i = 0; i < 3; i++) {
      await call('kb-editor', 'POST', '/api/kb/articles', {
        ...draft,
        title: `分页测试条目${i}`,
        ownerUnitId: zjj,
      });
    }
    const page1 = (
      await call('kb-editor', 'GET', `/api/kb/articles?q=${encodeURIComponent('分页测试')}&pageSize=2`)
    ).json<{
      items: { title: string }[];
      total: number;
    }>();
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await call('kb-editor', 'GET', `/api/kb/articles?q=${encodeURIComponent('分页测试')}&pageSize=2&page=2`)
    ).json<{
      items: { title: string }[];
    }>();
    expect(page2.items).toHaveLength(1);
    // Drafts of another unit are not listed for a handler; agents see published entries only.
    expect(
      (await call('handler', 'GET', `/api/kb/articles?q=${encodeURIComponent('分页测试')}`)).json<{
        total: number;
      }>().total,
    ).toBe(0);
    expect(
      (await call('agent', 'GET', '/api/kb/articles?status=draft')).json<{ total: number }>().total,
    ).toBe(0);
  });

  it('hides articles past their validity from search, then records the expiry', async () => {
    const c = (
      await call('kb-editor', 'POST', '/api/kb/articles', {
        title: '2026年度城乡居民医保集中缴费期',
        body: '城乡居民医保集中缴费期为每年9月至12月。',
        validFrom: '2026-09-01',
        validUntil: '2026-12-31',
      })
    ).json<Detail>();
    await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/submit`, {});
    await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/approve`, {});
    const q = `/api/kb/search?q=${encodeURIComponent('医保缴费期')}`;
    expect((await call('agent', 'GET', q)).json<{ total: number }>().total).toBe(1);

    t.clock.set(new Date('2027-01-01T08:00:00+08:00'));
    try {
      expect((await call('agent', 'GET', q)).json<{ total: number }>().total).toBe(0);
      const shown = (await call('kb-editor', 'GET', `/api/kb/articles/${c.id}`)).json<Detail>();
      expect(shown).toMatchObject({ status: 'published', effectiveStatus: 'expired' });
      const sweep = await call('kb-editor', 'POST', '/api/kb/expire-due', {});
      expect(sweep.json<{ expired: number }>().expired).toBeGreaterThanOrEqual(1);
      expect((await call('kb-editor', 'POST', '/api/kb/expire-due', {})).json()).toEqual({ expired: 0 });
      const expired = (await call('kb-editor', 'GET', `/api/kb/articles/${c.id}`)).json<Detail>();
      expect(expired).toMatchObject({ status: 'expired', effectiveStatus: 'expired' });
      expect(expired.allowedActions).toContain('reopen');
      // Approving again is refused while the validity date is in the past.
      await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/reopen`, {});
      await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/submit`, {});
      expect((await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/approve`, {})).statusCode).toBe(422);
    } finally {
      t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
    }
  });

  it('counts usages and lets the owner confirm a review', async () => {
    const c = (
      await call('handler', 'POST', '/api/kb/articles', {
        ...draft,
        title: '社保卡补办流程',
        reviewBy: '2026-11-01',
      })
    ).json<Detail>();
    await call('handler', 'POST', `/api/kb/articles/${c.id}/submit`, {});
    await call('kb-editor', 'POST', `/api/kb/articles/${c.id}/approve`, {});
    expect((await call('agent', 'POST', `/api/kb/articles/${c.id}/use`, {})).json()).toEqual({
      id: c.id,
      usageCount: 1,
    });
    expect((await call('agent', 'POST', `/api/kb/articles/${c.id}/use`)).json()).toEqual({
      id: c.id,
      usageCount: 2,
    });
    expect((await call('agent', 'POST', '/api/kb/articles/999999/use', {})).statusCode).toBe(404);

    const overdue = (await call('kb-editor', 'GET', `/api/kb/articles?reviewOverdue=true`)).json<{
      items: { id: number }[];
    }>();
    expect(overdue.items.map((i) => i.id)).toContain(c.id);
    const confirmed = (
      await call('handler', 'POST', `/api/kb/articles/${c.id}/confirm-review`, {})
    ).json<Detail>();
    expect(confirmed).toMatchObject({ status: 'published', reviewBy: '2027-05-23' });
    expect((await call('handler2', 'POST', `/api/kb/articles/${c.id}/confirm-review`, {})).statusCode).toBe(
      403,
    );
  });
});
