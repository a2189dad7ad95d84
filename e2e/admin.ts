// Browser tests of administration: the units tree, users, audit, the policy profile, the calendar,
// the test clock and sweep; a new account changes its temporary password first.
import fs from 'node:fs';
import path from 'node:path';
import type { CalendarYear } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';
import { textOf, waitUntil } from './ui';

export function registerAdminTests(test: Test, h: Suite): void {
  test('admin: units tree, policy profile, calendar, test clock and sweep', async () => {
    const page = await h.as('admin');
    await h.visit(page, '/admin?tab=units', page.getByText('市住建局物业管理科'), 'admin units');
    await h.shot(page, '15-admin-units');
    await page.goto(`${h.base()}/admin?tab=users`);
    await page.locator('tr', { hasText: 'dispatcher-dc' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.locator('.ant-modal', { hasText: '新建用户' });
    await modal.locator('#username').fill('clerk01');
    await modal.locator('#displayName').fill('话务员 钱进');
    await modal.locator('#role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '话务员' }).click();
    await modal.locator('#unitId').click();
    await page.keyboard.type('热线中心');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-title', {
        hasText: '云川市12345政务服务便民热线中心',
      })
      .first()
      .click();
    await modal.locator('#initialPassword').fill('Temp-2026-pass');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('tr', { hasText: 'clerk01' }).getByText('待改密').waitFor();
    await h.shot(page, '15a-admin-users');
    await page.goto(`${h.base()}/admin?tab=audit`);
    await page.getByText('新建用户').first().waitFor();
    // Reads of caller lists are audited too; the filter finds the reveal among them.
    await page.getByLabel('按操作筛选').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '查看来电人完整信息' })
      .click();
    await page.locator('.ant-table-row', { hasText: '查看来电人完整信息' }).first().waitFor();
    await page.goto(`${h.base()}/admin?tab=policy`);
    await page.getByText('淄博12345政务服务便民热线').first().waitFor();
    // The rules read in Chinese, each citing its article; no English reaches a clerk.
    const rules = page.getByTestId('profile-rules');
    await rules.getByText('淄博12345 第十一条第（二）项、第十三条').waitFor();
    await rules.getByText('不设固定时限：紧急事项及时转办').waitFor();
    const rulesText = await rules.innerText();
    assert(
      !/[A-Za-z]/.test(rulesText),
      `English on the policy screen: ${rulesText.match(/.{0,20}[A-Za-z].{0,20}/)?.[0]}`,
    );
    await h.shot(page, '16-admin-policy');
    await page.goto(`${h.base()}/admin?tab=calendar`);
    await page.getByText('国庆节 10-01 至 10-07').waitFor();
    await h.shot(page, '17-admin-calendar');
    // Re-import this year's schedule (as published, holiday-cn format): a new calendar version.
    const year = await h.api().get<CalendarYear>('admin', '/api/calendar/2026');
    const schedule = {
      year: 2026,
      days: year.days
        .filter((d) => d.kind === 'holiday' || d.kind === 'makeup')
        .map((d) => ({ name: d.name, date: d.date, isOffDay: d.kind === 'holiday' })),
    };
    const file = path.join(h.artifacts, 'schedule-2026.json');
    fs.writeFileSync(file, JSON.stringify(schedule));
    await page.locator('input[type="file"]').setInputFiles(file);
    const done = page.locator('.ant-modal', { hasText: '已导入 2026 年放假安排' });
    await done.getByText(`日历版本 ${year.calendarVersion + 1}`).waitFor();
    await done.getByRole('button').last().click();
    await page.goto(`${h.base()}/admin?tab=clock`);
    await waitUntil(
      async () => (await textOf(page.getByTestId('platform-now'))).startsWith('2026-11-23'),
      'platform time shown',
    );
    // Ten days later both open orders are past their deadlines; the sweep issues reminder slips.
    await h.api().post('admin', '/api/admin/clock', { now: '2026-12-08T10:00:00+08:00' });
    await page.getByRole('button', { name: '立即扫描' }).click();
    await page.getByTestId('sweep-result').waitFor();
    await waitUntil(
      async () => (await textOf(page.getByTestId('platform-now'))).startsWith('2026-12-08'),
      'clock moved',
    );
    await h.shot(page, '18-admin-clock');
  });

  test('a new account must change its temporary password before working', async () => {
    const context = await h.browser().newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    h.watchErrors(page, 'clerk01');
    await page.goto(`${h.base()}/login`);
    await page.locator('#username').fill('clerk01');
    await page.locator('#password').fill('Temp-2026-pass');
    await page.keyboard.press('Enter');
    const modal = page.locator('.ant-modal', { hasText: '首次登录请修改密码' });
    await modal.waitFor();
    await modal.locator('#currentPassword').fill('Temp-2026-pass');
    await modal.locator('#newPassword').fill('short');
    await modal.locator('#confirm').fill('short');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('密码长度至少 10 位').first().waitFor();
    await modal.locator('#newPassword').fill('Qian-Jin-2026!');
    await modal.locator('#confirm').fill('Qian-Jin-2026!');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('#callerName').waitFor();
    assert(
      (await page.getByTestId('current-user').innerText()).includes('话务员 钱进'),
      'the new clerk works at the intake desk',
    );
    await context.close();
  });
}
