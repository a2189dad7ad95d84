// Browser tests of the golden path (npm run test:e2e): an order walks through every desk, from the
// login and the intake form to dispatch, handling, review and the callback that closes it.
import fs from 'node:fs';
import type { KbArticle, KbHits, TicketEvent, TicketPage } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';
import { expectStatus, item, openAction, submitIntake, submitModal, textOf, waitUntil } from './ui';

export function registerGoldenPathTests(test: Test, h: Suite): void {
  test('login: a wrong password shows a Chinese error; signing in lands on the role desk', async () => {
    const context = await h.browser().newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    h.watchErrors(page, 'login');
    await page.goto(`${h.base()}/inbox`);
    await page.waitForURL(/\/login\?next=/);
    await page.locator('#username').fill('agent');
    await page.locator('#password').fill('wrong');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    await h.shot(page, '01-login');
    // An expired or forged token sends the user back to the login page.
    await page.evaluate(() => localStorage.setItem('civicline.token', 'forged-token'));
    await page.goto(`${h.base()}/dispatch`);
    await page.waitForURL(/\/login/);
    await context.close();
  });

  test('agent: intake form keeps a draft across reload and creates an order (Ctrl+Enter)', async () => {
    const page = await h.as('agent');
    await page.waitForURL(/\/intake/);
    await h.visit(page, '/intake', page.locator('#callerName'), 'intake');
    await page.locator('#callerName').fill('张三');
    await page.locator('#callerPhone').fill('13800001111');
    await page.locator('#callerAddress').click();
    await page.getByTestId('caller-history').getByText('该号码没有历史工单').waitFor();
    await page.locator('.intake-form').getByText('投诉', { exact: true }).click();
    await page.locator('#category').click();
    await page.keyboard.type('工资拖欠');
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '工资拖欠' })
      .first()
      .click();
    await page.locator('#region').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '东城区' }).click();
    await page.locator('#locationAddress').fill('东湖路1号');
    await page.locator('#content').fill('公司拖欠工资三个月，多次催要未果。');
    await page.locator('#demand').fill('要求公司支付拖欠工资');
    await page.waitForTimeout(400); // the draft is saved after a short pause
    await page.reload();
    await page.locator('#content').waitFor();
    assert(
      (await page.locator('#content').inputValue()).includes('拖欠工资三个月'),
      'content restored after reload',
    );
    assert(
      (await page.locator('#callerPhone').inputValue()) === '13800001111',
      'phone restored after reload',
    );
    await page.getByText('已恢复未提交的草稿').waitFor();
    await h.shot(page, '02-intake');
    const { no, text } = await submitIntake(page);
    assert(text.includes('待派单'), 'new order waits for dispatch');
    h.state.no = no;
    assert((await page.locator('#content').inputValue()) === '', 'form cleared after submit');
    const list = await h.api().get<TicketPage>('agent', `/api/tickets?q=${no}`);
    h.state.id = required(list.items[0], 'the new order in the list').id;
    await h.shot(page, '03-intake-created');
  });

  test('agent: a knowledge article answers on the spot; a scope hint records a not-accepted call', async () => {
    const question = '咨询单位拖欠工资应该去哪里投诉';
    let hits = (await h.api().get<KbHits>('agent', `/api/kb/suggest?q=${encodeURIComponent(question)}`))
      .items;
    if (hits.length === 0) {
      // Without the demo knowledge base, publish one article to answer from.
      const draft = await h.api().post<{ id: number }>('kb-editor', '/api/kb/articles', {
        title: '用人单位拖欠工资如何维权',
        body: '用人单位拖欠或者克扣工资的，劳动者可以向当地人力资源社会保障部门劳动保障监察机构投诉举报，也可以申请劳动争议调解或仲裁。',
        categoryCode: '010201',
        keywords: ['拖欠工资', '欠薪'],
      });
      await h.api().post('kb-editor', `/api/kb/articles/${draft.id}/submit`, {});
      await h.api().post('admin', `/api/kb/articles/${draft.id}/approve`, {});
      hits = (await h.api().get<KbHits>('agent', `/api/kb/suggest?q=${encodeURIComponent(question)}`)).items;
    }
    const article = hits[0];
    assert(article, 'the knowledge base answers the question');
    const detail = await h.api().get<KbArticle>('agent', `/api/kb/articles/${article.id}`);
    const page = await h.as('agent');
    await h.visit(page, '/intake', page.locator('#callerName'), 'intake (direct answer)');
    await page.locator('#callerPhone').fill('13700003333');
    await page.locator('#content').fill(question);
    const hit = page.getByTestId('kb-suggestions').locator('.ant-list-item').first();
    await hit.getByText(article.title).waitFor();
    await hit.getByRole('button', { name: '引用答复' }).click();
    const start = detail.bodyText.trim().slice(0, 12);
    await waitUntil(
      async () => (await page.locator('#answer').inputValue()).startsWith(start),
      'answer filled from the article',
    );
    await page.locator('.intake-form').getByText(article.title, { exact: true }).waitFor();
    await h.shot(page, '03a-intake-kb');
    await page.getByTestId('intake-submit').click();
    await waitUntil(
      async () => (await textOf(page.getByTestId('intake-result'))).includes('已直接答复'),
      'direct answer recorded',
    );
    const answered = required(
      (await h.api().get<TicketPage>('agent', '/api/tickets?phone=13700003333')).items[0],
      'the answered call',
    );
    const events = await h.api().get<TicketEvent[]>('agent', `/api/tickets/${answered.id}/events`);
    assert(events[0]?.payload.knowledgeArticleId === article.id, 'the answer cites the article');
    await waitUntil(
      async () =>
        (await h.api().get<KbArticle>('agent', `/api/kb/articles/${article.id}`)).usageCount ===
        detail.usageCount + 1,
      'usage recorded',
    );

    await page.locator('#content').fill('劳动仲裁裁决后公司仍不执行，想让热线督促');
    const hints = page.getByTestId('scope-hints');
    await hints.getByText('可能不属于热线受理范围').waitFor();
    await hints.locator('tr', { hasText: '仲裁' }).getByRole('button', { name: '采用' }).click();
    assert(
      (await page.locator('#notAcceptedReason').inputValue()).includes('仲裁'),
      'reason filled from the hint',
    );
    await page.getByTestId('intake-submit').click();
    await waitUntil(
      async () => (await textOf(page.getByTestId('intake-result'))).includes('不予受理'),
      'not-accepted recorded',
    );
  });

  test('dispatcher: queue shows the order; the drawer suggests units and dispatches to 市人力资源和社会保障局', async () => {
    const no = required(h.state.no, 'the order number');
    const page = await h.as('dispatcher');
    await h.visit(page, '/dispatch?tab=dispatch', page.locator('tr', { hasText: no }), 'dispatch queue');
    await page.locator('tr', { hasText: no }).click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByTestId('ticket-content').getByText('拖欠工资三个月').waitFor();
    await expectStatus(drawer, '待派单');
    const modal = await openAction(drawer, 'dispatch');
    await modal.getByTestId('unit-suggestion').filter({ hasText: '市人力资源和社会保障局' }).click();
    await h.shot(page, '04-dispatch-form');
    await submitModal(page, modal);
    await expectStatus(drawer, '待签收');
    await drawer.getByText('市人力资源和社会保障局').first().waitFor();
    await h.shot(page, '05-dispatch-drawer');
    await page.locator('.ant-drawer-close').click();
    await waitUntil(
      async () => (await page.locator('tr', { hasText: no }).count()) === 0,
      'order leaves the dispatch queue',
    );
  });

  test('handler: inbox lists the order with light and working-day countdown; accepts, contacts and replies', async () => {
    const no = required(h.state.no, 'the order number');
    const id = required(h.state.id, 'the order id');
    const page = await h.as('handler', { timezoneId: 'UTC' });
    const row = page.locator('tr', { hasText: no });
    await h.visit(page, '/inbox', row, 'inbox');
    const rowText = await row.innerText();
    assert(rowText.includes('待签收') && rowText.includes('正常'), `inbox row: ${rowText}`);
    assert(rowText.includes('11-30 23:59'), `handling deadline shown in service time: ${rowText}`);
    assert(rowText.includes('剩余5个工作日'), `working-day countdown: ${rowText}`);
    assert(
      rowText.includes('138****1111') || rowText.includes('13800001111'),
      'caller phone shown for contact',
    );
    await h.shot(page, '06-inbox');
    await page.getByRole('button', { name: /导出$/ }).hover();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('导出全部筛选结果').click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert(csv.startsWith('\uFEFF工单编号,状态'), 'CSV header in Chinese with BOM');
    assert(csv.includes(no) && csv.includes('公司拖欠工资三个月'), 'CSV holds the current view');
    await row.getByText(no).click();
    await page.waitForURL(new RegExp(`/tickets/${id}$`));
    await expectStatus(page, '待签收');
    await submitModal(page, await openAction(page, 'accept'));
    await expectStatus(page, '办理中');
    const contact = await openAction(page, 'record-contact');
    await contact.locator('#note').fill('已电话联系来电人，告知办理流程和时限');
    await submitModal(page, contact);
    await page.locator('.event-item[data-event="record-contact"]').waitFor();
    const reply = await openAction(page, 'reply');
    await reply.locator('#result').fill('经劳动监察支队核查，公司已于本周支付拖欠工资。');
    await item(reply, '已联系诉求人').getByText('已联系', { exact: true }).click();
    await item(reply, '诉求是否属实').getByText('属实', { exact: true }).click();
    await submitModal(page, reply);
    await expectStatus(page, '待审核');
    await page.locator('.event-item[data-event="reply"]').getByText('公司已于本周支付拖欠工资').waitFor();
    await h.shot(page, '07-ticket-detail');
  });

  test('dispatcher: reviews the reply and approves it', async () => {
    const no = required(h.state.no, 'the order number');
    const page = await h.as('dispatcher');
    const row = page.locator('tr', { hasText: no });
    await h.visit(page, `/dispatch?tab=review&q=${no}`, row, 'review queue');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByText('公司已于本周支付拖欠工资').first().waitFor();
    await submitModal(page, await openAction(drawer, 'approve-reply'));
    await expectStatus(drawer, '待回访');
  });

  test('callback: records a satisfied callback and the order is closed', async () => {
    const no = required(h.state.no, 'the order number');
    const page = await h.as('callback');
    const row = page.locator('tr', { hasText: no });
    await h.visit(page, `/callback?tab=callback&q=${no}`, row, 'callback queue');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    const modal = await openAction(drawer, 'record-callback');
    await item(modal, '联系到诉求人').getByText('已联系到', { exact: true }).click();
    await item(modal, '承办单位联系过').getByText('是', { exact: true }).click();
    await item(modal, '过程满意度').getByText('满意', { exact: true }).click();
    await item(modal, '结果满意度').getByText('满意', { exact: true }).click();
    await h.shot(page, '08-callback-form');
    await submitModal(page, modal);
    await expectStatus(drawer, '已办结');
    await drawer.getByText('过程：满意；结果：满意').waitFor();
  });

  test('handler: the closed order shows 已办结 with the full timeline, caller masked', async () => {
    const id = required(h.state.id, 'the order id');
    const page = await h.as('handler', { timezoneId: 'UTC' });
    await h.visit(page, `/tickets/${id}`, page.getByTestId('ticket-status'), 'ticket detail');
    await expectStatus(page, '已办结');
    const timeline = await page.locator('.event-timeline').innerText();
    for (const label of ['登记工单', '派单', '签收', '先行联系', '答复', '审核通过', '回访']) {
      assert(timeline.includes(label), `timeline has ${label}`);
    }
    const detail = await page.locator('.ant-descriptions').first().innerText();
    assert(!detail.includes('13800001111'), 'the unit no longer sees the full phone after closing');
    assert(
      (await page.getByTestId('ticket-actions').innerText()).includes('当前没有需要您办理的操作'),
      'no actions left',
    );
    await h.shot(page, '09-closed');
    await page.getByRole('button', { name: '查看完整信息' }).click();
    const reveal = page.locator('.ant-modal', { hasText: '查看来电人完整信息' });
    await reveal.locator('textarea').fill('回访后需再次核实工资到账情况');
    await reveal.locator('.ant-modal-footer .ant-btn-primary').click();
    await waitUntil(
      async () => (await textOf(page.getByTestId('caller-phone'))) === '13800001111',
      'full phone after a recorded reveal',
    );
    await page.getByText('已记录查看').waitFor();
  });
}
