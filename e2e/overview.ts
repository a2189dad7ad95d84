// Browser tests of the overview screens: the home page per role, the leader's ranking and
// assessment, the intake statistics, and the knowledge base's draft-review-publish cycle.
import type { Assessment, AssessmentScheme, Clock, KbHits, TicketPage } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';
import { settled, textOf, waitUntil } from './ui';

export function registerOverviewTests(test: Test, h: Suite): void {
  test('home pages: counters and the light chart per role', async () => {
    const page = await h.as('dispatcher');
    await h.visit(page, '/', page.getByTestId('bar-chart').locator('canvas'), 'home (dispatcher)');
    await page.getByText('按预警灯分布').waitFor();
    await h.shot(page, '13-home-dispatcher');
    const handler = await h.as('handler', { timezoneId: 'UTC' });
    await h.visit(handler, '/', handler.getByTestId('bar-chart').locator('canvas'), 'home (handler)');
    const inProgress = (
      await h.api().get<TicketPage>('handler', '/api/tickets?scope=todo&status=in_progress&pageSize=1')
    ).total;
    await waitUntil(
      async () => (await textOf(handler.getByTestId('counter-办理中'))).includes(String(inProgress)),
      `counter 办理中 = ${inProgress}`,
    );
    await h.shot(handler, '14-home-handler');
  });

  test('leader: this month ranking at home; the assessment table, its chart and the orders behind a figure', async () => {
    const page = await h.as('leader');
    await h.visit(
      page,
      '/',
      page.getByTestId('leader-ranking').locator('.ant-list-item').first(),
      'home (leader)',
    );
    await h.shot(page, '14a-home-leader');
    await page.getByTestId('leader-ranking').getByRole('link', { name: '考核评价' }).click();
    const rows = page.locator('[data-testid="assessment-table"] .ant-table-row');
    await rows.first().waitFor();
    // The table's first rank is the assessment endpoint's first rank, with the same score.
    const first = await textOf(rows.first());
    const clock = await h.api().get<Clock>('leader', '/api/admin/clock');
    const period = new Date(new Date(clock.now).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const schemes = await h.api().get<AssessmentScheme[]>('leader', '/api/assessment/schemes');
    const rules = await h.api().get<{ profile: { id: string } }>('leader', '/api/rules');
    const scheme = required(schemes.find((x) => x.profile === rules.profile.id) ?? schemes[0], 'a scheme').id;
    const result = await h
      .api()
      .get<Assessment>('leader', `/api/assessment?scheme=${scheme}&period=${period}`);
    const top = result.units.find((u) => u.rank === 1);
    assert(top && first.includes(top.unitName), `first row is ${top?.unitName}: ${first}`);
    const score = required(top.score, 'the first unit’s score').toFixed(2);
    assert(first.includes(score), `first row shows the score ${score}: ${first}`);
    await page.getByTestId('assessment-table').locator('td a').first().click();
    await page.getByTestId('drill-summary').waitFor();
    await page.locator('.ant-drawer .ant-table-row').first().waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in
    await h.shot(page, '14b-assessment-drill');
    await page.locator('.ant-drawer-close').click();
    await h.shot(page, '14c-assessment-table');
  });

  test('statistics: intake volumes by channel and by how each intake ended, each row opening its orders', async () => {
    const page = await h.as('leader');
    await page.goto(`${h.base()}/statistics?from=2026-11-01&to=2026-11-30`);
    const rows = page.locator('[data-testid="statistics-table"] .ant-table-row');
    await rows.first().waitFor();
    const api = await h
      .api()
      .get<{ total: number }>('leader', '/api/stats/intake?from=2026-11-01&to=2026-11-30&groupBy=channel');
    assert(api.total > 0, 'demo intake in November');
    await page.getByText(String(api.total), { exact: true }).first().waitFor();
    await page.locator('.ant-segmented-item', { hasText: '处置方式' }).click();
    await rows.filter({ hasText: '派单办理' }).first().waitFor();
    await h.shot(page, '14d-statistics');
    await rows.filter({ hasText: '直接答复' }).locator('a').first().click();
    await page.waitForURL(/\/tickets\?.*status=answered/);
  });

  test('kb: a unit drafts and submits its entry, the editor approves it; versions show what changed', async () => {
    const unit = await h.as('handler');
    await unit.goto(`${h.base()}/kb`);
    await unit.getByTestId('kb-article-table').waitFor();
    await unit.getByRole('button', { name: '起草知识条目' }).click();
    const modal = await settled(unit.locator('.ant-modal', { hasText: '起草知识条目' }));
    await modal.locator('#title').fill('工伤认定申请需要哪些材料');
    await modal.locator('#body').fill('申请工伤认定须提交工伤认定申请表、劳动关系证明和医疗诊断证明。');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const drawer = unit.locator('.ant-drawer', { hasText: '工伤认定申请需要哪些材料' });
    await drawer.getByTestId('article-actions').getByRole('button', { name: '提交审核' }).click();
    await drawer.getByText('待审核').first().waitFor();
    await drawer.locator('.ant-drawer-close').click();
    const editor = await h.as('kb-editor');
    await editor.goto(`${h.base()}/kb`);
    await editor.getByLabel('按状态筛选').click();
    await editor
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '待审核' })
      .click();
    await editor
      .locator('[data-testid="kb-article-table"] .ant-table-row', { hasText: '工伤认定申请' })
      .click();
    const review = editor.locator('.ant-drawer', { hasText: '工伤认定申请需要哪些材料' });
    await review.getByTestId('article-actions').getByRole('button', { name: '审核通过并发布' }).click();
    await review.getByText('已发布').first().waitFor();
    await review.getByRole('tab', { name: '版本记录' }).click();
    await review.getByText('审核通过并发布').first().waitFor();
    await h.shot(editor, '14e-kb-article-versions');
    const found = await h
      .api()
      .get<KbHits>('agent', `/api/kb/search?q=${encodeURIComponent('工伤认定材料')}`);
    assert(
      found.items[0]?.title === '工伤认定申请需要哪些材料',
      `published entry found: ${found.items[0]?.title}`,
    );
    await editor.locator('.ant-drawer-close').click();
    await editor.goto(`${h.base()}/kb?tab=overdue`);
    await editor.getByTestId('kb-overdue-table').waitFor();
    await editor.getByText('政策文件发布后 5 个工作日内').waitFor();
    await h.shot(editor, '14f-kb-overdue');
  });
}
