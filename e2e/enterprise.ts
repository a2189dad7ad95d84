// Browser tests of the enterprise service (企业服务): an enterprise applies on the public page, the
// center approves it and opens its account, an order is referred and reported back on its desk.
import type { TicketDetail } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';
import { expectStatus, openAction, settled, submitModal, textOf, waitUntil } from './ui';

export function registerEnterpriseTests(test: Test, h: Suite): void {
  test('enterprise: applies on the public page without an account; the center approves; it is in the public directory', async () => {
    const context = await h.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const pub = await context.newPage();
    pub.setDefaultTimeout(15_000);
    h.watchErrors(pub, 'public');
    try {
      const name = '云川市测试保洁服务有限公司';
      await pub.goto(`${h.base()}/public/enterprises/apply`);
      await pub.locator('#ent-name').fill(name);
      // GB 32100-2015 by hand: 966 mod 31 = 5, 31 - 5 = 26 → T (see credit-code.test.ts).
      await pub.locator('#ent-credit-code').fill('91440300708461136T');
      await pub.locator('#ent-services').click();
      await pub.keyboard.type('保洁');
      await pub
        .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: /^保洁$/ })
        .first()
        .click();
      await pub.keyboard.press('Escape');
      await pub.locator('#ent-address').fill('云川市东城区东湖路100号');
      await pub.locator('#ent-lng').fill('102.71');
      await pub.locator('#ent-lat').fill('25.04');
      await pub.locator('#ent-contact-name').fill('陈晓');
      await pub.locator('#ent-contact-phone').fill('13700001111');
      const png = Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]);
      await pub
        .locator('input[type=file]')
        .setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: png });
      await pub.getByRole('button', { name: '提交申请' }).click();
      await pub.getByText('加盟申请已提交').waitFor();
      await h.shot(pub, 'enterprise-applied');

      const desk = await h.as('dispatcher');
      await h.visit(
        desk,
        '/enterprises',
        desk.getByTestId('enterprise-table').locator('tr', { hasText: name }),
        'enterprises',
      );
      await desk.getByTestId('enterprise-table').locator('tr', { hasText: name }).click();
      const drawer = desk.locator('.ant-drawer-body');
      // The contact person's phone is masked until an audited reveal.
      await waitUntil(
        async () => (await textOf(drawer.getByTestId('enterprise-contact'))).includes('137****1111'),
        'masked phone',
      );
      await desk.getByRole('button', { name: '批准加盟' }).click();
      const modal = await settled(desk.locator('.ant-modal:visible'));
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await modal.waitFor({ state: 'hidden' });
      await waitUntil(async () => (await textOf(drawer)).includes('已加盟'), 'approved');
      await h.shot(desk, 'enterprise-approved');
      await desk.keyboard.press('Escape');

      await pub.goto(`${h.base()}/public/enterprises`);
      await pub.getByTestId('directory-table').locator('tr', { hasText: name }).waitFor();
      assert(!(await pub.content()).includes('13700001111'), 'no contact phone in the public directory');
      await h.shot(pub, 'enterprise-directory');
    } finally {
      await context.close();
    }
  });

  test('enterprise: the center opens its account, an agent refers an order, the enterprise reports back on its desk', async () => {
    const name = '云川市测试保洁服务有限公司';
    const desk = await h.as('dispatcher');
    const row = desk.getByTestId('enterprise-table').locator('tr', { hasText: name });
    await h.visit(desk, '/enterprises', desk.getByTestId('enterprise-table'), 'enterprises');
    await desk.locator('.ant-segmented-item', { hasText: '已加盟' }).click();
    await row.first().click();
    await desk.getByRole('button', { name: '开通企业账号' }).click();
    const form = await settled(desk.locator('.enterprise-account-modal'));
    await form.locator('#account-username').fill('cleaner');
    await form.locator('#account-display-name').fill('测试保洁 客服');
    await form.locator('#account-password').fill('Temp-2026-clean');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    await desk.getByText('已开通账号 cleaner').first().waitFor();
    await desk.keyboard.press('Escape');

    // A citizen asks for a cleaning service; the agent refers the order to the enterprise.
    const order = await h.api().post<TicketDetail>('agent', '/api/tickets', {
      type: 'help',
      category: '130101',
      caller: { name: '刘芳', phone: '13900003333', confidential: false },
      location: { region: '东城区', address: '东湖路20号' },
      content: '新房装修完需要开荒保洁，请推荐保洁公司上门。',
    });
    const agent = await h.as('agent');
    await agent.goto(`${h.base()}/tickets/${order.id}`);
    const modal = await openAction(agent, 'refer-enterprise');
    await modal.locator('#enterpriseId').click();
    await agent
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name })
      .first()
      .click();
    await submitModal(agent, modal);
    await expectStatus(agent, '企业办理中');

    // The enterprise signs in with its own account (first sign-in: a new password) and reports back.
    const context = await h.browser().newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    h.watchErrors(page, 'cleaner');
    try {
      await page.goto(`${h.base()}/login`);
      await page.locator('#username').fill('cleaner');
      await page.locator('#password').fill('Temp-2026-clean');
      await page.keyboard.press('Enter');
      const change = await settled(page.locator('.ant-modal', { hasText: '首次登录请修改密码' }));
      await change.locator('#currentPassword').fill('Temp-2026-clean');
      await change.locator('#newPassword').fill('Bao-Jie-2026!');
      await change.locator('#confirm').fill('Bao-Jie-2026!');
      await change.locator('.ant-modal-footer .ant-btn-primary').click();
      await change.waitFor({ state: 'hidden' });
      const mine = page.locator('tr', { hasText: order.ticketNo });
      await page.goto(`${h.base()}/enterprise-desk`);
      await mine.waitFor();
      assert((await mine.innerText()).includes('13900003333'), 'the enterprise sees the phone to call');
      await h.shot(page, 'enterprise-desk');
      await mine.getByRole('button', { name: '反馈办理情况' }).click();
      const report = await settled(page.locator('.ant-modal:visible'));
      await report.getByRole('radio', { name: '已联系', exact: true }).check();
      await report.locator('#result').fill('已电话联系，12月9日上午上门完成开荒保洁。');
      await report.locator('#price').fill('480元');
      await report.locator('.ant-modal-footer .ant-btn-primary').click();
      await report.waitFor({ state: 'hidden' });
      await waitUntil(
        async () => (await mine.innerText()).includes('待回访'),
        'reported, awaiting the callback',
      );
      await h.shot(page, 'enterprise-reported');
      // The order lists and other screens are not the enterprise's.
      assert(!(await page.locator('.ant-menu').innerText()).includes('工单查询'), 'only the enterprise desk');
    } finally {
      await context.close();
    }
  });
}
