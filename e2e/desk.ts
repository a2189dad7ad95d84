// Browser tests of the clerk's desk at 1366×768: the order list fits the screen, the intake form
// submits only on Ctrl+Enter, dispatch needs category and district, the printable 交办单, the audit
// log in Chinese.
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import type { KbHits, TicketDetail, TicketPage } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

const shotsDir = '/tmp/shots';

/** The window of a desk page, whose print() only counts its calls. */
type PrintCounting = typeof window & { __printCalls: number };

/** Registers the desk tests on the runner; `h` is the suite (server, API, browser, shared state). */
export function registerDeskTests(test: Test, h: Suite): { close: () => Promise<void> } {
  const contexts = new Map<string, Page>();

  /** A signed-in page at 1366×768 (its own context: drafts and sign-ins apart from the 1440×900 pages). */
  async function small(username: string): Promise<Page> {
    const existing = contexts.get(username);
    if (existing) return existing;
    const context = await h.browser().newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // window.print() is counted, not run: the test checks that the sheet asks for it.
    await context.addInitScript(() => {
      const counting = window as PrintCounting;
      counting.__printCalls = 0;
      counting.print = () => {
        counting.__printCalls += 1;
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    h.watchErrors(page, `${username}@1366`);
    await page.goto(`${h.base()}/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
    contexts.set(username, page);
    return page;
  }

  /** A failing desk test leaves a screenshot of every desk page. */
  const guarded = (name: string, fn: () => Promise<void>): void =>
    test(name, async () => {
      try {
        await fn();
      } catch (e) {
        for (const [user, page] of contexts) {
          await page
            .screenshot({ path: path.join(h.artifacts, `fail-desk-${name.slice(6, 20)}-${user}.png`) })
            .catch(() => {});
        }
        throw e;
      }
    });

  async function shot(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(150);
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
    await page.screenshot({ path: path.join(h.artifacts, `${name}.png`) });
  }

  guarded(
    'desk: the order list fits 1366×768 without page overflow; the deadline column is whole',
    async () => {
      const page = await small('dispatcher');
      await page.goto(`${h.base()}/tickets`);
      const rows = page.locator('.ticket-table .ant-table-row');
      await rows.first().waitFor();
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert(m.scroll <= m.client, `page wider than the window: ${m.scroll} > ${m.client}`);
      const header = page.locator('.ticket-table th', { hasText: '办理时限' }).first();
      const box = await header.boundingBox();
      assert(
        box && box.x >= 0 && box.x + box.width <= 1366,
        `deadline header inside the window: ${JSON.stringify(box)}`,
      );
      const deadline = page.locator('.ticket-table [data-testid="deadline"]').first();
      const d = await deadline.boundingBox();
      assert(d && d.x + d.width <= 1366, `a deadline cell inside the window: ${JSON.stringify(d)}`);
      // The deadline text is not cut: its cell is at least as wide as the text.
      const cut = await deadline.evaluate((el) => {
        const td = el.closest('td');
        if (!td) throw new Error('the deadline is not in a table cell');
        return el.scrollWidth > td.clientWidth;
      });
      assert(!cut, 'the deadline text fits its cell');
      // The caller's phone stays inside its own cell (cut with an ellipsis, never over the next).
      const caller = page.locator('.ticket-table td .cell-cut').first();
      const overflow = await caller.evaluate((el) => {
        const cell = el.closest('td');
        if (!cell) throw new Error('the caller is not in a table cell');
        const td = cell.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.right - td.right;
      });
      assert(overflow <= 0, `caller text inside its cell (${overflow}px over)`);
      await shot(page, 'desk-01-list-1366');
    },
  );

  guarded(
    'desk: Enter in a single-line field does not submit the intake; Enter picks a select option; Ctrl+Enter submits',
    async () => {
      const page = await small('agent');
      await page.goto(`${h.base()}/intake`);
      await page.locator('#callerName').waitFor();
      const phone = '13900007777';
      await page.locator('#callerPhone').fill(phone);
      await page.locator('#content').fill('东湖路路灯已经坏了一周，夜间行人不便。');
      await page.locator('#callerName').fill('赵敏');
      await page.locator('#callerName').press('Enter');
      await page.locator('#locationAddress').fill('东湖路12号');
      await page.locator('#locationAddress').press('Enter');
      // Enter inside the district select chooses the highlighted option and submits nothing.
      await page.locator('#region').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await h.waitUntil(
        async () =>
          (await page.locator('.ant-form-item', { has: page.locator('#region') }).innerText()).includes(
            '西城区',
          ),
        'district chosen with Enter',
      );
      // Give a wrongly submitted form every chance to reach the server before looking.
      await page.waitForTimeout(800);
      assert((await page.getByTestId('intake-result').count()) === 0, 'no order registered by Enter');
      const none = await h.api().get<TicketPage>('agent', `/api/tickets?phone=${phone}`);
      assert(none.total === 0, `no order on the server after Enter (found ${none.total})`);
      assert((await page.locator('#content').inputValue()).includes('路灯'), 'the form keeps what was typed');
      await shot(page, 'desk-02-intake-enter');
      await page.locator('#callerName').press('Control+Enter');
      await page.getByTestId('intake-result').waitFor();
      const created = await h.api().get<TicketPage>('agent', `/api/tickets?phone=${phone}`);
      assert(created.total === 1, `one order after Ctrl+Enter (found ${created.total})`);
      assert(created.items[0]?.region === '西城区', `district saved: ${created.items[0]?.region}`);
    },
  );

  guarded(
    'desk: dispatch is refused without category and district; the form asks for both and dispatches with them',
    async () => {
      const content = '东湖路菜场门口垃圾桶满溢，三天无人清运，气味很大。';
      const t = await h.api().post<TicketDetail>('agent', '/api/tickets', {
        type: 'complaint',
        caller: { name: '钱多', phone: '13900008888', confidential: false },
        location: { address: '东湖路菜场' },
        content,
      });
      h.state.deskOrder = t;
      let refused = '';
      try {
        await h.api().post('dispatcher', `/api/tickets/${t.id}/actions/dispatch`, {
          unitId: await h.unitId('市住房和城乡建设局'),
        });
      } catch (e) {
        refused = e instanceof Error ? e.message : String(e);
      }
      assert(
        refused.includes('422') && refused.includes('CLASSIFICATION_REQUIRED'),
        `API refusal: ${refused}`,
      );

      const page = await small('dispatcher');
      // No knowledge-base suggestion here, so the form starts without a category (the suggestion
      // itself is shown in the golden path).
      await page.route('**/api/kb/suggest**', (r: Route) => r.fulfill({ json: { items: [], terms: [] } }));
      await page.goto(`${h.base()}/tickets/${t.id}`);
      await page.locator('[data-action="dispatch"]').click();
      const modal = page.locator('.action-modal');
      await modal.waitFor();
      await page.waitForTimeout(600);
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await modal.getByText('请选择问题分类，派单前须确定问题分类').waitFor();
      await modal.getByText('请选择所在区，派单前须确定属地').waitFor();
      await shot(page, 'desk-03-dispatch-refused');
      assert(
        (await h.api().get<TicketDetail>('dispatcher', `/api/tickets/${t.id}`)).status === 'pending_dispatch',
        'not dispatched',
      );

      await page.locator('#category').click();
      await page.keyboard.type('垃圾清运');
      await page
        .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '垃圾清运' })
        .first()
        .click();
      // The district by keyboard, as a clerk picks it: focus, ↓ opens the list on its first
      // entry (东城区), Enter takes it. The picked category's help text is still collapsing above,
      // which moves the field while a pointer click waits for it to stand still.
      await modal.getByText('请选择问题分类，派单前须确定问题分类').waitFor({ state: 'hidden' });
      await page.locator('#region').focus();
      await page.keyboard.press('ArrowDown');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '东城区' })
        .waitFor();
      await page.keyboard.press('Enter');
      const regionItem = modal.locator('.ant-form-item', { has: page.locator('#region') });
      await h.waitUntil(
        async () => (await regionItem.locator('.ant-select-content').first().innerText()).includes('东城区'),
        'district picked',
      );
      // The lead unit is prefilled with the first unit whose duties cover the category.
      const unitItem = modal.locator('.ant-form-item', { has: page.locator('#unitId') });
      await h.waitUntil(
        async () =>
          (
            await unitItem.locator('.ant-select-content, .ant-select-selection-item').first().innerText()
          ).trim().length > 0,
        'lead unit prefilled',
      );
      await shot(page, 'desk-04-dispatch-filled');
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await modal.waitFor({ state: 'hidden' });
      await h.waitUntil(
        async () => (await page.getByTestId('ticket-status').innerText()).includes('待签收'),
        'dispatched',
      );
      await page.unroute('**/api/kb/suggest**');
      const after = await h.api().get<TicketDetail>('dispatcher', `/api/tickets/${t.id}`);
      assert(after.location.region === '东城区', `district on the order: ${after.location.region}`);
      assert(after.categoryName === '垃圾清运', `category on the order: ${after.categoryName}`);
    },
  );

  guarded(
    'desk: 打印交办单 opens the sheet and prints; under print media the menu and buttons are hidden',
    async () => {
      const t = h.state.deskOrder;
      assert(t, 'the dispatched order of the previous test');
      const page = await small('dispatcher');
      await page.goto(`${h.base()}/tickets/${t.id}`);
      await page.getByTestId('print-sheet').click();
      await page.waitForURL(new RegExp(`/tickets/${t.id}/print$`));
      await h.waitUntil(
        async () => (await page.getByTestId('sheet-ticket-no').innerText()).includes(t.ticketNo),
        'order number on the sheet',
      );
      assert(
        (await page.getByTestId('sheet-content').innerText()).includes('垃圾桶满溢'),
        'content on the sheet',
      );
      const sheet = await page.getByTestId('print-sheet-page').innerText();
      assert(sheet.includes('东城区') && sheet.includes('垃圾清运'), 'district and category on the sheet');
      assert(sheet.includes('派单'), 'the dispatch in the history');
      assert(sheet.includes('139****8888') || sheet.includes('13900008888'), 'caller as the detail shows it');
      await h.waitUntil(
        async () => (await page.evaluate(() => (window as PrintCounting).__printCalls)) >= 1,
        'window.print() called',
      );
      assert(await page.locator('.ant-layout-sider').isVisible(), 'the menu is there on screen');
      await shot(page, 'desk-05-print-screen');
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.locator('.ant-layout-sider').isVisible()), 'menu hidden when printing');
      assert(!(await page.locator('.app-header').isVisible()), 'header hidden when printing');
      assert(!(await page.getByRole('button', { name: '打印' }).isVisible()), 'buttons hidden when printing');
      assert(await page.getByTestId('sheet-content').isVisible(), 'the sheet itself is printed');
      await shot(page, 'desk-06-print-media');
      await page.emulateMedia({ media: 'screen' });
    },
  );

  guarded('desk: the audit log reads in Chinese with order numbers and addresses at 1366×768', async () => {
    const list = await h.api().get<TicketPage>('dispatcher', '/api/tickets?pageSize=1&sort=-received');
    const order = list.items[0];
    assert(order, 'an order to read');
    await h.api().get<TicketDetail>('dispatcher', `/api/tickets/${order.id}`);
    const page = await small('admin');
    await page.goto(`${h.base()}/admin?tab=audit`);
    await page.getByTestId('audit-table').waitFor();
    await page.getByLabel('按工单编号筛选').fill(order.ticketNo);
    await page.getByLabel('按工单编号筛选').press('Enter');
    const row = page
      .locator('[data-testid="audit-table"] .ant-table-row', { hasText: '查看来电人信息' })
      .first();
    await row.waitFor();
    const text = await row.innerText();
    assert(text.includes(order.ticketNo), `the row names the order by its number: ${text}`);
    assert(/\d+\.\d+\.\d+\.\d+|::/.test(text), `the row shows the client address: ${text}`);
    const table = await page.getByTestId('audit-table').innerText();
    assert(!table.includes('{'), 'no raw JSON in the audit log');
    assert(!/read-caller|list-caller|reveal-caller/.test(table), 'no English action codes in the audit log');
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert(m.scroll <= m.client, `audit page wider than the window: ${m.scroll} > ${m.client}`);
    await shot(page, 'desk-05-audit-1366');
  });

  guarded('desk: an editor adds a colloquial synonym group and the next search uses it', async () => {
    const q = encodeURIComponent('办的会员卡退不了钱');
    const before = await h.api().get<KbHits>('agent', `/api/kb/search?q=${q}`);
    assert(before.items[0]?.externalId !== 'YC-KB-009', 'the prepaid-card article is not first before');
    const page = await small('kb-editor');
    await page.goto(`${h.base()}/kb?tab=synonyms`);
    await page.getByTestId('synonym-table').locator('.ant-table-row').first().waitFor();
    // A word already in another group is refused, in Chinese, and the form keeps what was typed.
    await page.getByRole('button', { name: '新增同义词组' }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增同义词组' });
    await h.settled(modal);
    const words = modal.getByLabel('同义词');
    await words.fill('室温');
    await words.press('Enter');
    await words.fill('温度');
    await words.press('Enter');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('已在其他同义词组中').waitFor();
    await modal
      .locator('.ant-select-selection-item', { hasText: '室温' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await words.fill('会员卡');
    await words.press('Enter');
    await words.fill('预付卡');
    await words.press('Enter');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="synonym-table"] .ant-table-row', { hasText: '会员卡' }).waitFor();
    await shot(page, 'desk-06-kb-synonyms');
    const after = await h.api().get<KbHits>('agent', `/api/kb/search?q=${q}`);
    assert(
      after.items[0]?.externalId === 'YC-KB-009',
      `the prepaid-card article first after: ${after.items[0]?.title}`,
    );
  });

  guarded('desk: intake suggestions appear as the agent types and F2 accepts them', async () => {
    const page = await small('agent');
    await page.goto(`${h.base()}/intake`);
    await page.locator('#content').waitFor();
    await page
      .locator('#content')
      .fill('我们小区门口的生活垃圾已经堆了三天没人清运，天热臭味很大，请尽快安排清运。');
    const category = page.getByTestId('suggest-category');
    await category.waitFor();
    const proposed = (await category.innerText()).replace(/\s*(较确定|待核对|仅供参考).*$/s, '').trim();
    assert(proposed.length > 0, 'a category is proposed');
    // The form has no category yet; F2 (focus still in the text) accepts the suggestion.
    const field = page.locator('.ant-form-item', { has: page.locator('#category') });
    assert(!(await field.innerText()).includes(proposed), 'no category before accepting');
    await page.locator('#content').press('F2');
    await h.waitUntil(
      async () => (await field.innerText()).includes(proposed),
      `category ${proposed} filled by F2`,
    );
    await shot(page, 'desk-07-intake-suggestion');
  });

  return {
    close: async () => {
      for (const page of contexts.values()) {
        await page
          .context()
          .close()
          .catch(() => {});
      }
    },
  };
}
