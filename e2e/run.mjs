// Browser tests of the clerks' workbench (npm run test:e2e). Walks the golden path of a work
// order through every desk, plus a return and an extension; screenshots go to e2e/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import {
  apiClient,
  artifacts,
  assert,
  buildWebIfNeeded,
  launchBrowser,
  runner,
  startServer,
} from './harness.mjs';
import { registerCtiTests } from './cti.mjs';
import { registerDeskTests } from './desk.mjs';
import { registerPortalTests } from './portal.mjs';
import { registerExchangeTests } from './exchange.mjs';
import { registerOpen311Tests } from './open311.mjs';
import { registerExportListTests } from './exports-lists.mjs';
import { registerReportsTests } from './reports.mjs';
import { registerInsightTests } from './insight.mjs';

// Monday 2026-11-23 09:00 in Asia/Shanghai: deadlines below are exact working-day arithmetic.
const START = '2026-11-23T01:00:00.000Z';

const { test, run } = runner();
const started = Date.now();
let server;
let browser;
const sessions = new Map();
const pageErrors = [];
const timings = [];
const state = {};

fs.mkdirSync(artifacts, { recursive: true });
for (const f of fs.readdirSync(artifacts)) if (f.endsWith('.png')) fs.rmSync(path.join(artifacts, f));

/** Uncaught exceptions and console errors (except failed requests the app handles) fail the run. */
function watchErrors(page, who) {
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      pageErrors.push(`${who}: ${m.text()}`);
  });
}

async function as(username, opts = {}) {
  const existing = sessions.get(username);
  if (existing) return existing;
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchErrors(page, username);
  await page.goto(`${server.base}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo');
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').waitFor();
  sessions.set(username, page);
  return page;
}

async function shot(page, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Navigates and measures until `ready` is visible (main screens must render fast). */
async function visit(page, url, ready, label) {
  const t0 = Date.now();
  await page.goto(`${server.base}${url}`);
  await ready.first().waitFor();
  const ms = Date.now() - t0;
  // Judged at the end (a slow moment on a busy machine must not break the walk-through).
  timings.push({ label, ms });
  return ms;
}

async function waitUntil(fn, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

/** Waits until an antd modal has finished opening (a click during its zoom animation can be lost). */
async function settled(modal) {
  await modal.first().waitFor();
  await waitUntil(
    async () => !((await modal.first().getAttribute('class')) ?? '').includes('ant-zoom'),
    'the dialog to finish opening',
  );
  return modal;
}

const textOf = (loc) => loc.first().innerText();

async function expectStatus(scope, label) {
  await waitUntil(
    async () => (await textOf(scope.getByTestId('ticket-status'))).includes(label),
    `status ${label}`,
  );
}

/** Opens an action's form from the actions bar of `scope` (page or drawer). */
async function openAction(scope, action) {
  await scope.locator(`[data-action="${action}"]`).click();
  const modal = scope.page ? scope.page().locator('.action-modal') : scope.locator('.action-modal');
  await modal.waitFor();
  return modal;
}

async function submitModal(page, modal) {
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.waitFor({ state: 'hidden' });
}

function item(modal, label) {
  return modal.locator('.ant-form-item', { has: modal.page().locator(`label:text-is("${label}")`) });
}

async function pickTreeUnit(page, fieldId, search, name) {
  await page.locator(`#${fieldId}`).click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: name })
    .filter({ hasText: new RegExp(`^${name}$`) })
    .first()
    .click();
}

async function unitId(name) {
  const units = await state.api.get('admin', '/api/units');
  const u = units.find((x) => x.name === name);
  assert(u, `unit ${name}`);
  return u.id;
}

/** An order created and dispatched through the API (setup for the return and extension paths). */
async function dispatchedOrder(content, category, unitName) {
  const t = await state.api.post('agent', '/api/tickets', {
    type: 'complaint',
    category,
    caller: { name: '王五', phone: '13900002222', confidential: false },
    location: { region: '西城区', address: '白塔路8号' },
    content,
  });
  await state.api.post('dispatcher', `/api/tickets/${t.id}/actions/dispatch`, {
    unitId: await unitId(unitName),
  });
  return t;
}

// ——— tests ———

test('login: a wrong password shows a Chinese error; signing in lands on the role desk', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchErrors(page, 'login');
  await page.goto(`${server.base}/inbox`);
  await page.waitForURL(/\/login\?next=/);
  await page.locator('#username').fill('agent');
  await page.locator('#password').fill('wrong');
  await page.keyboard.press('Enter');
  await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
  await shot(page, '01-login');
  // An expired or forged token sends the user back to the login page.
  await page.evaluate(() => localStorage.setItem('civicline.token', 'forged-token'));
  await page.goto(`${server.base}/dispatch`);
  await page.waitForURL(/\/login/);
  await context.close();
});

test('agent: intake form keeps a draft across reload and creates an order (Ctrl+Enter)', async () => {
  const page = await as('agent');
  await page.waitForURL(/\/intake/);
  await visit(page, '/intake', page.locator('#callerName'), 'intake');
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
  assert((await page.locator('#callerPhone').inputValue()) === '13800001111', 'phone restored after reload');
  await page.getByText('已恢复未提交的草稿').waitFor();
  await shot(page, '02-intake');
  await page.locator('#content').focus();
  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('intake-result');
  await result.waitFor();
  const text = await result.innerText();
  const no = /\d{13}/.exec(text)?.[0];
  assert(no, `order number in "${text}"`);
  assert(text.includes('待派单'), 'new order waits for dispatch');
  state.no = no;
  assert((await page.locator('#content').inputValue()) === '', 'form cleared after submit');
  const list = await state.api.get('agent', `/api/tickets?q=${no}`);
  state.id = list.items[0].id;
  await shot(page, '03-intake-created');
});

test('agent: a knowledge article answers on the spot; a scope hint records a not-accepted call', async () => {
  const question = '咨询单位拖欠工资应该去哪里投诉';
  let hits = (await state.api.get('agent', `/api/kb/suggest?q=${encodeURIComponent(question)}`)).items;
  if (hits.length === 0) {
    // Without the demo knowledge base, publish one article to answer from.
    const draft = await state.api.post('kb-editor', '/api/kb/articles', {
      title: '用人单位拖欠工资如何维权',
      body: '用人单位拖欠或者克扣工资的，劳动者可以向当地人力资源社会保障部门劳动保障监察机构投诉举报，也可以申请劳动争议调解或仲裁。',
      categoryCode: '010201',
      keywords: ['拖欠工资', '欠薪'],
    });
    await state.api.post('kb-editor', `/api/kb/articles/${draft.id}/submit`, {});
    await state.api.post('admin', `/api/kb/articles/${draft.id}/approve`, {});
    hits = (await state.api.get('agent', `/api/kb/suggest?q=${encodeURIComponent(question)}`)).items;
  }
  const article = hits[0];
  assert(article, 'the knowledge base answers the question');
  const detail = await state.api.get('agent', `/api/kb/articles/${article.id}`);
  const page = await as('agent');
  await visit(page, '/intake', page.locator('#callerName'), 'intake (direct answer)');
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
  await shot(page, '03a-intake-kb');
  await page.getByTestId('intake-submit').click();
  await waitUntil(
    async () => (await textOf(page.getByTestId('intake-result'))).includes('已直接答复'),
    'direct answer recorded',
  );
  const answered = (await state.api.get('agent', '/api/tickets?phone=13700003333')).items[0];
  const events = await state.api.get('agent', `/api/tickets/${answered.id}/events`);
  assert(events[0].payload.knowledgeArticleId === article.id, 'the answer cites the article');
  await waitUntil(
    async () =>
      (await state.api.get('agent', `/api/kb/articles/${article.id}`)).usageCount === detail.usageCount + 1,
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
  const page = await as('dispatcher');
  await visit(page, '/dispatch?tab=dispatch', page.locator('tr', { hasText: state.no }), 'dispatch queue');
  await page.locator('tr', { hasText: state.no }).click();
  const drawer = page.locator('.ant-drawer-body');
  await drawer.getByTestId('ticket-content').getByText('拖欠工资三个月').waitFor();
  await expectStatus(drawer, '待派单');
  const modal = await openAction(drawer, 'dispatch');
  await modal.getByTestId('unit-suggestion').filter({ hasText: '市人力资源和社会保障局' }).click();
  await shot(page, '04-dispatch-form');
  await submitModal(page, modal);
  await expectStatus(drawer, '待签收');
  await drawer.getByText('市人力资源和社会保障局').first().waitFor();
  await shot(page, '05-dispatch-drawer');
  await page.locator('.ant-drawer-close').click();
  await waitUntil(
    async () => (await page.locator('tr', { hasText: state.no }).count()) === 0,
    'order leaves the dispatch queue',
  );
});

test('handler: inbox lists the order with light and working-day countdown; accepts, contacts and replies', async () => {
  const page = await as('handler', { timezoneId: 'UTC' });
  const row = page.locator('tr', { hasText: state.no });
  await visit(page, '/inbox', row, 'inbox');
  const rowText = await row.innerText();
  assert(rowText.includes('待签收') && rowText.includes('正常'), `inbox row: ${rowText}`);
  assert(rowText.includes('11-30 23:59'), `handling deadline shown in service time: ${rowText}`);
  assert(rowText.includes('剩余5个工作日'), `working-day countdown: ${rowText}`);
  assert(
    rowText.includes('138****1111') || rowText.includes('13800001111'),
    'caller phone shown for contact',
  );
  await shot(page, '06-inbox');
  await page.getByRole('button', { name: /导出$/ }).hover();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByText('导出全部筛选结果').click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert(csv.startsWith('\uFEFF工单编号,状态'), 'CSV header in Chinese with BOM');
  assert(csv.includes(state.no) && csv.includes('公司拖欠工资三个月'), 'CSV holds the current view');
  await row.getByText(state.no).click();
  await page.waitForURL(new RegExp(`/tickets/${state.id}$`));
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
  await shot(page, '07-ticket-detail');
});

test('dispatcher: reviews the reply and approves it', async () => {
  const page = await as('dispatcher');
  const row = page.locator('tr', { hasText: state.no });
  await visit(page, `/dispatch?tab=review&q=${state.no}`, row, 'review queue');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  await drawer.getByText('公司已于本周支付拖欠工资').first().waitFor();
  await submitModal(page, await openAction(drawer, 'approve-reply'));
  await expectStatus(drawer, '待回访');
});

test('callback: records a satisfied callback and the order is closed', async () => {
  const page = await as('callback');
  const row = page.locator('tr', { hasText: state.no });
  await visit(page, `/callback?tab=callback&q=${state.no}`, row, 'callback queue');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  const modal = await openAction(drawer, 'record-callback');
  await item(modal, '联系到诉求人').getByText('已联系到', { exact: true }).click();
  await item(modal, '承办单位联系过').getByText('是', { exact: true }).click();
  await item(modal, '过程满意度').getByText('满意', { exact: true }).click();
  await item(modal, '结果满意度').getByText('满意', { exact: true }).click();
  await shot(page, '08-callback-form');
  await submitModal(page, modal);
  await expectStatus(drawer, '已办结');
  await drawer.getByText('过程：满意；结果：满意').waitFor();
});

test('handler: the closed order shows 已办结 with the full timeline, caller masked', async () => {
  const page = await as('handler', { timezoneId: 'UTC' });
  await visit(page, `/tickets/${state.id}`, page.getByTestId('ticket-status'), 'ticket detail');
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
  await shot(page, '09-closed');
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

test('callback: an unsatisfied callback goes to review and the order is sent back for redo', async () => {
  const t = await dispatchedOrder('单位未按时发放加班费。', '010201', '市人力资源和社会保障局');
  await state.api.post('handler', `/api/tickets/${t.id}/actions/accept`, {});
  await state.api.post('handler', `/api/tickets/${t.id}/actions/reply`, {
    result: '已督促单位发放。',
    contacted: true,
  });
  await state.api.post('dispatcher', `/api/tickets/${t.id}/actions/approve-reply`, {});
  const page = await as('callback');
  const row = page.locator('tr', { hasText: t.ticketNo });
  await visit(page, `/callback?tab=callback&q=${t.ticketNo}`, row, 'callback queue (unsatisfied)');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  const modal = await openAction(drawer, 'record-callback');
  await item(modal, '联系到诉求人').getByText('已联系到', { exact: true }).click();
  await item(modal, '承办单位联系过').getByText('否', { exact: true }).click();
  await item(modal, '过程满意度').getByText('基本满意', { exact: true }).click();
  await item(modal, '结果满意度').getByText('不满意', { exact: true }).click();
  await modal.locator('#note').fill('诉求人表示加班费仍未到账');
  await submitModal(page, modal);
  await expectStatus(drawer, '不满意待研判');
  const redo = await openAction(drawer, 'redo');
  await redo.locator('#reason').fill('诉求合理，承办单位未实际解决');
  await submitModal(page, redo);
  await expectStatus(drawer, '办理中');
  await drawer.locator('.event-item[data-event="redo"]').getByText('诉求合理').waitFor();
});

test('return: handler requests a return, dispatcher approves and re-dispatches to 市住房和城乡建设局', async () => {
  const t = await dispatchedOrder(
    '小区物业长期不清运垃圾，楼道堆满杂物。',
    '020201',
    '市人力资源和社会保障局',
  );
  state.returnId = t.id;
  const handler = await as('handler', { timezoneId: 'UTC' });
  await visit(handler, `/tickets/${t.id}`, handler.getByTestId('ticket-status'), 'ticket detail (return)');
  const modal = await openAction(handler, 'request-return');
  await modal.locator('#reason').fill('物业服务不属于本单位职责');
  await modal.locator('#basis').fill('《云川市物业管理条例》第五条');
  await pickTreeUnit(handler, 'suggestedUnitId', '住房和城乡', '市住房和城乡建设局');
  await submitModal(handler, modal);
  await handler.getByTestId('ticket-status').getByText('回退申请待审').waitFor();

  const page = await as('dispatcher');
  const row = page.locator('tr', { hasText: t.ticketNo });
  await visit(page, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'requests queue');
  assert((await row.innerText()).includes('回退申请待审'), 'the queue marks the pending return');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  await drawer.locator('.event-item[data-event="request-return"]').getByText('市住房和城乡建设局').waitFor();
  await submitModal(page, await openAction(drawer, 'approve-return'));
  await expectStatus(drawer, '待派单');
  const dispatch = await openAction(drawer, 'dispatch');
  await pickTreeUnit(page, 'unitId', '住房和城乡', '市住房和城乡建设局');
  await submitModal(page, dispatch);
  await expectStatus(drawer, '待签收');
  await shot(page, '10-return-redispatched');

  const handler2 = await as('handler2');
  const row2 = handler2.locator('tr', { hasText: t.ticketNo });
  await visit(handler2, '/inbox', row2, 'inbox (handler2)');
  assert((await row2.innerText()).includes('待签收'), 'handler2 sees the order to sign for');
  await handler.goto(`${server.base}/inbox`);
  await handler.locator('.ant-table').waitFor();
  await handler.waitForTimeout(300);
  assert(
    (await handler.locator('tr', { hasText: t.ticketNo }).count()) === 0,
    'the returning unit no longer has it',
  );
});

test('extension: a too-long request shows the server error and keeps the form; 3 WD approved moves the deadline', async () => {
  const t = await dispatchedOrder('申请失业保险金审核进度缓慢。', '010103', '市人力资源和社会保障局');
  state.extId = t.id;
  await state.api.post('handler', `/api/tickets/${t.id}/actions/accept`, {});
  const page = await as('handler', { timezoneId: 'UTC' });
  await visit(page, `/tickets/${t.id}`, page.getByTestId('handle-by'), 'ticket detail (extension)');
  const before = await textOf(page.getByTestId('handle-by'));
  assert(before.includes('2026-11-30 23:59'), `deadline before: ${before}`);
  const modal = await openAction(page, 'request-extension');
  await modal.locator('#workingDays').fill('10');
  await modal.locator('#reason').fill('需协调社保经办机构核查缴费记录');
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.locator('.ant-alert-error').getByText('不得超过').waitFor();
  assert(
    (await modal.locator('#reason').inputValue()).includes('核查缴费记录'),
    'reason kept after the error',
  );
  await shot(page, '11-extension-error');
  await modal.locator('#workingDays').fill('3');
  await submitModal(page, modal);
  await page.getByTestId('ticket-status').getByText('延期申请待审').waitFor();

  const dispatcher = await as('dispatcher');
  const row = dispatcher.locator('tr', { hasText: t.ticketNo });
  await visit(dispatcher, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'requests queue (extension)');
  await row.click();
  const drawer = dispatcher.locator('.ant-drawer-body');
  const approve = await openAction(drawer, 'approve-extension');
  assert(
    (await approve.locator('#workingDays').inputValue()) === '3',
    'approval defaults to the requested days',
  );
  await submitModal(dispatcher, approve);
  await waitUntil(
    async () => !(await textOf(drawer.getByTestId('ticket-status'))).includes('延期申请待审'),
    'extension decided',
  );

  await page.reload();
  await waitUntil(
    async () => (await textOf(page.getByTestId('handle-by'))).includes('2026-12-03 23:59'),
    'deadline moved by 3 working days',
  );
  await page.locator('.event-item[data-event="approve-extension"]').getByText('原办理时限').waitFor();
  await shot(page, '12-extension-approved');
});

test('sub-platform: 东城区 dispatcher re-dispatches within the district; the street office receives it', async () => {
  const t = await state.api.post('agent', '/api/tickets', {
    type: 'help',
    category: '060101',
    caller: { name: '赵六', phone: '13600004444', confidential: true },
    location: { region: '东城区', address: '东湖路菜场' },
    content: '东湖路菜场门口垃圾桶满溢无人清运。',
  });
  await state.api.post('dispatcher', `/api/tickets/${t.id}/actions/dispatch`, {
    unitId: await unitId('东城区热线分中心'),
  });
  const page = await as('dispatcher-dc');
  const row = page.locator('tr', { hasText: t.ticketNo });
  await visit(page, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'sub-platform queue');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  const modal = await openAction(drawer, 'dispatch');
  await page.locator('#unitId').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-title');
  await options.first().waitFor();
  // The tree renders its titles a moment after the dropdown opens.
  let names = [];
  await waitUntil(
    async () => {
      names = await options.allInnerTexts();
      return names.includes('东城区东湖街道办事处');
    },
    `district units offered (${names.join(',')})`,
  );
  assert(!names.includes('市人力资源和社会保障局'), 'no units outside the district');
  await page.keyboard.press('Escape');
  await modal.getByTestId('unit-suggestion').filter({ hasText: '东城区东湖街道办事处' }).click();
  await submitModal(page, modal);
  await expectStatus(drawer, '待签收');
  await drawer.getByText('分平台转派').waitFor();

  const street = await as('handler-dc');
  const row2 = street.locator('tr', { hasText: t.ticketNo });
  await visit(street, '/inbox', row2, 'inbox (street office)');
  assert((await row2.innerText()).includes('保密'), 'a confidential caller is hidden from the unit');
  await shot(street, '13a-street-inbox');
});

const desk = registerDeskTests(test, {
  base: () => server.base,
  api: () => state.api,
  browser: () => browser,
  artifacts,
  state,
  watchErrors,
  waitUntil,
  unitId,
  settled,
});

registerCtiTests(test, {
  base: () => server.base,
  api: () => state.api,
  as,
  artifacts,
  waitUntil,
  pageErrors: () => pageErrors,
});
registerReportsTests(test, { base: () => server.base, api: () => state.api, as, artifacts, waitUntil });

registerPortalTests(test, {
  base: () => server.base,
  api: () => state.api,
  browser: () => browser,
  artifacts,
  watchErrors,
  unitId,
});
registerExchangeTests(test, { base: () => server.base, api: () => state.api, as, artifacts, waitUntil });
registerOpen311Tests(test, { base: () => server.base, api: () => state.api, as, artifacts });
registerExportListTests(test, { base: () => server.base, as, artifacts });

registerInsightTests(test, {
  base: () => server.base,
  api: () => state.api,
  as,
  browser: () => browser,
  watchErrors,
  artifacts,
  waitUntil,
});

test('home pages: counters and the light chart per role', async () => {
  const page = await as('dispatcher');
  await visit(page, '/', page.getByTestId('bar-chart').locator('canvas'), 'home (dispatcher)');
  await page.getByText('按预警灯分布').waitFor();
  await shot(page, '13-home-dispatcher');
  const handler = await as('handler', { timezoneId: 'UTC' });
  await visit(handler, '/', handler.getByTestId('bar-chart').locator('canvas'), 'home (handler)');
  const inProgress = (await state.api.get('handler', '/api/tickets?scope=todo&status=in_progress&pageSize=1'))
    .total;
  await waitUntil(
    async () => (await textOf(handler.getByTestId('counter-办理中'))).includes(String(inProgress)),
    `counter 办理中 = ${inProgress}`,
  );
  await shot(handler, '14-home-handler');
});

test('leader: this month ranking at home; the assessment table, its chart and the orders behind a figure', async () => {
  const page = await as('leader');
  await visit(
    page,
    '/',
    page.getByTestId('leader-ranking').locator('.ant-list-item').first(),
    'home (leader)',
  );
  await shot(page, '14a-home-leader');
  await page.getByTestId('leader-ranking').getByRole('link', { name: '考核评价' }).click();
  const rows = page.locator('[data-testid="assessment-table"] .ant-table-row');
  await rows.first().waitFor();
  // The table's first rank is the assessment endpoint's first rank, with the same score.
  const first = await textOf(rows.first());
  const clock = await state.api.get('leader', '/api/admin/clock');
  const period = new Date(new Date(clock.now).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const schemes = await state.api.get('leader', '/api/assessment/schemes');
  const rules = await state.api.get('leader', '/api/rules');
  const scheme = (schemes.find((x) => x.profile === rules.profile.id) ?? schemes[0]).id;
  const result = await state.api.get('leader', `/api/assessment?scheme=${scheme}&period=${period}`);
  const top = result.units.find((u) => u.rank === 1);
  assert(top && first.includes(top.unitName), `first row is ${top?.unitName}: ${first}`);
  assert(first.includes(top.score.toFixed(2)), `first row shows the score ${top.score.toFixed(2)}: ${first}`);
  await page.getByTestId('assessment-table').locator('td a').first().click();
  await page.getByTestId('drill-summary').waitFor();
  await page.locator('.ant-drawer .ant-table-row').first().waitFor();
  await page.waitForTimeout(500); // the drawer's slide-in
  await shot(page, '14b-assessment-drill');
  await page.locator('.ant-drawer-close').click();
  await shot(page, '14c-assessment-table');
});

test('statistics: intake volumes by channel and by how each intake ended, each row opening its orders', async () => {
  const page = await as('leader');
  await page.goto(`${server.base}/statistics?from=2026-11-01&to=2026-11-30`);
  const rows = page.locator('[data-testid="statistics-table"] .ant-table-row');
  await rows.first().waitFor();
  const api = await state.api.get(
    'leader',
    '/api/stats/intake?from=2026-11-01&to=2026-11-30&groupBy=channel',
  );
  assert(api.total > 0, 'demo intake in November');
  await page.getByText(String(api.total), { exact: true }).first().waitFor();
  await page.locator('.ant-segmented-item', { hasText: '处置方式' }).click();
  await rows.filter({ hasText: '派单办理' }).first().waitFor();
  await shot(page, '14d-statistics');
  await rows.filter({ hasText: '直接答复' }).locator('a').first().click();
  await page.waitForURL(/\/tickets\?.*status=answered/);
});

test('kb: a unit drafts and submits its entry, the editor approves it; versions show what changed', async () => {
  const unit = await as('handler');
  await unit.goto(`${server.base}/kb`);
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
  const editor = await as('kb-editor');
  await editor.goto(`${server.base}/kb`);
  await editor.getByLabel('按状态筛选').click();
  await editor.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '待审核' }).click();
  await editor
    .locator('[data-testid="kb-article-table"] .ant-table-row', { hasText: '工伤认定申请' })
    .click();
  const review = editor.locator('.ant-drawer', { hasText: '工伤认定申请需要哪些材料' });
  await review.getByTestId('article-actions').getByRole('button', { name: '审核通过并发布' }).click();
  await review.getByText('已发布').first().waitFor();
  await review.getByRole('tab', { name: '版本记录' }).click();
  await review.getByText('审核通过并发布').first().waitFor();
  await shot(editor, '14e-kb-article-versions');
  const found = await state.api.get('agent', `/api/kb/search?q=${encodeURIComponent('工伤认定材料')}`);
  assert(
    found.items[0]?.title === '工伤认定申请需要哪些材料',
    `published entry found: ${found.items[0]?.title}`,
  );
  await editor.locator('.ant-drawer-close').click();
  await editor.goto(`${server.base}/kb?tab=overdue`);
  await editor.getByTestId('kb-overdue-table').waitFor();
  await editor.getByText('政策文件发布后 5 个工作日内').waitFor();
  await shot(editor, '14f-kb-overdue');
});

test('admin: units tree, policy profile, calendar, test clock and sweep', async () => {
  const page = await as('admin');
  await visit(page, '/admin?tab=units', page.getByText('市住建局物业管理科'), 'admin units');
  await shot(page, '15-admin-units');
  await page.goto(`${server.base}/admin?tab=users`);
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
  await shot(page, '15a-admin-users');
  await page.goto(`${server.base}/admin?tab=audit`);
  await page.getByText('新建用户').first().waitFor();
  // Reads of caller lists are audited too; the filter finds the reveal among them.
  await page.getByLabel('按操作筛选').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '查看来电人完整信息' })
    .click();
  await page.locator('.ant-table-row', { hasText: '查看来电人完整信息' }).first().waitFor();
  await page.goto(`${server.base}/admin?tab=policy`);
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
  await shot(page, '16-admin-policy');
  await page.goto(`${server.base}/admin?tab=calendar`);
  await page.getByText('国庆节 10-01 至 10-07').waitFor();
  await shot(page, '17-admin-calendar');
  // Re-import this year's schedule (as published, holiday-cn format): a new calendar version.
  const year = await state.api.get('admin', '/api/calendar/2026');
  const schedule = {
    year: 2026,
    days: year.days
      .filter((d) => d.kind === 'holiday' || d.kind === 'makeup')
      .map((d) => ({ name: d.name, date: d.date, isOffDay: d.kind === 'holiday' })),
  };
  const file = path.join(artifacts, 'schedule-2026.json');
  fs.writeFileSync(file, JSON.stringify(schedule));
  await page.locator('input[type="file"]').setInputFiles(file);
  const done = page.locator('.ant-modal', { hasText: '已导入 2026 年放假安排' });
  await done.getByText(`日历版本 ${year.calendarVersion + 1}`).waitFor();
  await done.getByRole('button').last().click();
  await page.goto(`${server.base}/admin?tab=clock`);
  await waitUntil(
    async () => (await textOf(page.getByTestId('platform-now'))).startsWith('2026-11-23'),
    'platform time shown',
  );
  // Ten days later both open orders are past their deadlines; the sweep issues reminder slips.
  await state.api.post('admin', '/api/admin/clock', { now: '2026-12-08T10:00:00+08:00' });
  await page.getByRole('button', { name: '立即扫描' }).click();
  await page.getByTestId('sweep-result').waitFor();
  await waitUntil(
    async () => (await textOf(page.getByTestId('platform-now'))).startsWith('2026-12-08'),
    'clock moved',
  );
  await shot(page, '18-admin-clock');
});

test('a new account must change its temporary password before working', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchErrors(page, 'clerk01');
  await page.goto(`${server.base}/login`);
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

test('supervisor: red orders on the board with the reminder slip; supervising is recorded', async () => {
  const page = await as('supervisor');
  const extNo = (await state.api.get('admin', `/api/tickets/${state.extId}`)).ticketNo;
  const row = page.locator('tr', { hasText: extNo });
  await visit(page, `/supervision?tab=overdue&q=${extNo}`, row, 'supervision board');
  assert((await row.innerText()).includes('红灯'), 'the order is red');
  await shot(page, '19-supervision');
  await row.click();
  const drawer = page.locator('.ant-drawer-body');
  await drawer.locator('.event-item[data-event="remind"]').first().waitFor();
  const modal = await openAction(drawer, 'supervise');
  await modal.locator('#note').fill('请于两个工作日内办结并书面说明超期原因');
  await submitModal(page, modal);
  await drawer.locator('.event-item[data-event="supervise"]').getByText('书面督办').first().waitFor();
  await shot(page, '20-supervise');
});

test('bell: a reminder slip reaches the handling unit; clicking it opens the order and marks it read', async () => {
  const { now } = await state.api.get('admin', '/api/admin/clock');
  const t = await dispatchedOrder('社保卡补办两个月仍未收到新卡。', '010103', '市人力资源和社会保障局');
  // Three weeks later the order is red: the sweep issues the reminder slip (催办单, zibo-12345 §12).
  await state.api.post('admin', '/api/admin/clock', {
    now: new Date(new Date(now).getTime() + 21 * 86_400_000).toISOString(),
  });
  await state.api.post('admin', '/api/admin/sweep');
  try {
    const page = await as('handler');
    await page.goto(`${server.base}/`);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    await bell.click();
    const list = page.getByTestId('notification-list');
    const slip = list.locator('.ant-list-item', { hasText: t.ticketNo }).filter({ hasText: '催办单' });
    await waitUntil(async () => (await slip.count()) > 0, 'the reminder slip in the bell');
    await shot(page, '21-bell-reminder');
    await slip.first().click();
    await page.waitForURL(`**/tickets/${t.id}`);
    await page.getByTestId('ticket-status').first().waitFor();
    const mine = await state.api.get('handler', '/api/notifications?limit=50');
    const read = mine.items.find((n) => n.ticketId === t.id && n.kind === 'reminder');
    assert(read?.readAt, 'the reminder is marked read');
    // The caller's intake message is in the administrator's message log, the number masked.
    const admin = await as('admin');
    const logRow = admin.locator('tr', { hasText: t.ticketNo }).filter({ hasText: '*******2222' });
    await visit(admin, '/admin?tab=messages', admin.getByText('短信记录'), 'admin messages');
    await logRow.first().waitFor();
    await shot(admin, '22-admin-messages');
  } finally {
    await state.api.post('admin', '/api/admin/clock', { now });
  }
});

test('main screens render fast (median under 2 s, none over 5 s)', async () => {
  assert(timings.length >= 10, 'screens were measured');
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const slow = timings.filter((t) => t.ms > 5000);
  assert(median < 2000, `median render time ${median} ms`);
  assert(slow.length === 0, `slow screens: ${slow.map((t) => `${t.label} ${t.ms} ms`).join(', ')}`);
});

test('enterprise: applies on the public page without an account; the center approves; it is in the public directory', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const pub = await context.newPage();
  pub.setDefaultTimeout(15_000);
  watchErrors(pub, 'public');
  try {
    const name = '云川市测试保洁服务有限公司';
    await pub.goto(`${server.base}/public/enterprises/apply`);
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
    await shot(pub, 'enterprise-applied');

    const desk = await as('dispatcher');
    await visit(
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
    await shot(desk, 'enterprise-approved');
    await desk.keyboard.press('Escape');

    await pub.goto(`${server.base}/public/enterprises`);
    await pub.getByTestId('directory-table').locator('tr', { hasText: name }).waitFor();
    assert(!(await pub.content()).includes('13700001111'), 'no contact phone in the public directory');
    await shot(pub, 'enterprise-directory');
  } finally {
    await context.close();
  }
});

test('enterprise: the center opens its account, an agent refers an order, the enterprise reports back on its desk', async () => {
  const name = '云川市测试保洁服务有限公司';
  const desk = await as('dispatcher');
  const row = desk.getByTestId('enterprise-table').locator('tr', { hasText: name });
  await visit(desk, '/enterprises', desk.getByTestId('enterprise-table'), 'enterprises');
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
  const order = await state.api.post('agent', '/api/tickets', {
    type: 'help',
    category: '130101',
    caller: { name: '刘芳', phone: '13900003333', confidential: false },
    location: { region: '东城区', address: '东湖路20号' },
    content: '新房装修完需要开荒保洁，请推荐保洁公司上门。',
  });
  const agent = await as('agent');
  await agent.goto(`${server.base}/tickets/${order.id}`);
  const modal = await openAction(agent, 'refer-enterprise');
  await modal.locator('#enterpriseId').click();
  await agent
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name })
    .first()
    .click();
  await submitModal(agent, modal);
  await expectStatus(agent, '企业办理中');

  // The enterprise signs in with its own account (first sign-in: a new password) and reports back.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchErrors(page, 'cleaner');
  try {
    await page.goto(`${server.base}/login`);
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
    await page.goto(`${server.base}/enterprise-desk`);
    await mine.waitFor();
    assert((await mine.innerText()).includes('13900003333'), 'the enterprise sees the phone to call');
    await shot(page, 'enterprise-desk');
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
    await shot(page, 'enterprise-reported');
    // The order lists and other screens are not the enterprise's.
    assert(!(await page.locator('.ant-menu').innerText()).includes('工单查询'), 'only the enterprise desk');
  } finally {
    await context.close();
  }
});

test('service numbers: a unit applies for a number 45 days ahead; the center approves it', async () => {
  const unit = await as('unit-leader');
  await visit(
    unit,
    '/service-numbers?tab=applications',
    unit.getByRole('button', { name: '提交号码申请' }),
    'service numbers',
  );
  await unit.getByRole('button', { name: '提交号码申请' }).click();
  const form = unit.locator('.ant-modal:visible');
  await form.locator('#number').fill('0871-65129900');
  await form.locator('#name').fill('就业创业咨询电话');
  await form.locator('#dutyHours').fill('工作日 8:30-17:30');
  await form.locator('#duties').fill('就业创业政策咨询、投诉受理');
  await form.locator('#effectiveDate').click();
  await form.locator('#effectiveDate').fill('2027-06-01');
  await form.locator('#effectiveDate').press('Enter');
  await form.locator('.ant-modal-footer .ant-btn-primary').click();
  await unit.getByText('申请已提交，等待热线中心审核').first().waitFor();
  await form.waitFor({ state: 'hidden' });
  // The unit cannot approve its own application.
  const mine = unit.locator('tr', { hasText: '0871-65129900' });
  await mine.waitFor();
  assert((await mine.getByRole('button', { name: '通过' }).count()) === 0, 'no approval of its own');

  const center = await as('dispatcher');
  const row = center.locator('tr', { hasText: '0871-65129900' });
  await visit(center, '/service-numbers?tab=applications', row, 'service numbers');
  await row.getByRole('button', { name: '通过' }).click();
  // Approved, it leaves the queue of pending applications and is in the registry.
  await waitUntil(async () => (await row.count()) === 0, 'left the pending queue');
  const approved = await state.api.get('dispatcher', '/api/service-numbers/applications?status=approved');
  assert(
    approved.items.some((a) => a.number === '0871-65129900'),
    'the application is approved',
  );
  await center.getByRole('tab', { name: '号码登记簿' }).click();
  await center.locator('tr', { hasText: '0871-65129900' }).first().waitFor();
  await shot(center, 'service-number-approved');
});

test("agent: a complaint about a published service number goes to the number's unit", async () => {
  const page = await as('agent');
  await visit(page, '/intake', page.locator('#callerName'), 'intake (number complaint)');
  await page.locator('#callerName').fill('黄蕾');
  await page.locator('#callerPhone').fill('13800002222');
  await page.locator('.intake-form').getByText('投诉', { exact: true }).click();
  await page.locator('#serviceNumberId').click();
  await page.keyboard.type('0871-12333');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '0871-12333' })
    .first()
    .click();
  await page.locator('#numberComplaintKind').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工作时间无人接听' })
    .first()
    .click();
  await page.locator('#region').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '东城区' }).click();
  await page.locator('#content').fill('工作日上午拨打人社服务热线，连续半小时无人接听。');
  await page.locator('#content').focus();
  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('intake-result');
  await result.waitFor();
  const no = /\d{13}/.exec(await result.innerText())?.[0];
  assert(no, 'order number');
  const list = await state.api.get('dispatcher', `/api/tickets?q=${no}`);
  const order = await state.api.get('dispatcher', `/api/tickets/${list.items[0].id}`);
  assert(order.numberComplaint?.number === '0871-12333', 'the order names the number');
  assert(order.numberComplaint?.unitName === '市人力资源和社会保障局', "the number's unit");
  assert(order.category === '110202', 'filed as 服务号码不通');
  const desk = await as('dispatcher');
  await desk.goto(`${server.base}/tickets/${order.id}`);
  await desk.getByTestId('number-complaint').waitFor();
  await shot(desk, 'number-complaint-detail');
});

test('no uncaught errors in any page', async () => {
  assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
});

// ——— main ———

let result = { passed: 0, failed: 1 };
try {
  buildWebIfNeeded();
  server = await startServer({ now: START });
  state.api = apiClient(server.base);
  browser = await launchBrowser();
  result = await run({
    onFailure: async (name) => {
      const safe = name.replace(/[^\w-]+/g, '_').slice(0, 60);
      for (const [user, page] of sessions)
        await page.screenshot({ path: path.join(artifacts, `fail-${safe}-${user}.png`) }).catch(() => {});
    },
  });
} catch (e) {
  process.stdout.write(`e2e setup failed: ${e?.stack ?? e}\n`);
} finally {
  await desk.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
process.stdout.write(`render times: ${timings.map((t) => `${t.label} ${t.ms} ms`).join(', ')}\n`);
process.stdout.write(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
process.exit(result.failed ? 1 : 0);
