// What every browser test works with: the server and the browser, the signed-in page of each user,
// the API client for setup, the screens' render times, the page errors seen, and the state that
// later tests take from earlier ones (the tests run in order).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TicketDetail, Unit } from './api-types';
import {
  apiClient,
  artifacts,
  assert,
  buildWebIfNeeded,
  launchBrowser,
  startServer,
  type Api,
  type Server,
} from './harness';
import { settled, waitUntil } from './ui';

/** What a test leaves for the tests after it. */
export interface State {
  /** The golden path's order: its number and id. */
  no?: string;
  id?: number;
  returnId?: number;
  /** The order whose extension was approved (red on the supervision board later). */
  extId?: number;
  /** The desk's dispatched order (printed by the next desk test). */
  deskOrder?: TicketDetail;
}

export interface Timing {
  label: string;
  ms: number;
}

export interface Suite {
  base(): string;
  api(): Api;
  browser(): Browser;
  artifacts: string;
  state: State;
  /** Render times of the main screens, judged at the end of the run. */
  timings: Timing[];
  pageErrors(): string[];
  /** Uncaught exceptions and console errors (except failed requests the app handles) fail the run. */
  watchErrors(page: Page, who: string): void;
  /** The signed-in page of `username` at 1440×900 (one per user, kept open for the whole run). */
  as(username: string, opts?: { timezoneId?: string }): Promise<Page>;
  /** The signed-in pages opened by `as`, by user. */
  pages(): ReadonlyMap<string, Page>;
  shot(page: Page, name: string): Promise<void>;
  /** Navigates and measures until `ready` is visible (main screens must render fast). */
  visit(page: Page, url: string, ready: Locator, label: string): Promise<number>;
  waitUntil: typeof waitUntil;
  settled: typeof settled;
  unitId(name: string): Promise<number>;
  /** An order created and dispatched through the API (setup for the return and extension paths). */
  dispatchedOrder(content: string, category: string, unitName: string): Promise<TicketDetail>;
  /** Builds the web client when stale, starts the server with the test clock at `now`, launches Chromium. */
  start(now: string): Promise<void>;
  stop(): Promise<void>;
}

export function createSuite(): Suite {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let api: Api | undefined;
  const signedIn = new Map<string, Page>();
  const pageErrors: string[] = [];
  const timings: Timing[] = [];

  const base = (): string => {
    if (!server) throw new Error('the server has not started');
    return server.base;
  };
  const suite: Suite = {
    base,
    api: () => {
      if (!api) throw new Error('the server has not started');
      return api;
    },
    browser: () => {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    artifacts,
    state: {},
    timings,
    pageErrors: () => pageErrors,
    watchErrors(page, who) {
      page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
          pageErrors.push(`${who}: ${m.text()}`);
        }
      });
    },
    async as(username, opts = {}) {
      const existing = signedIn.get(username);
      if (existing) return existing;
      const context = await suite.browser().newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      suite.watchErrors(page, username);
      await page.goto(`${base()}/login`);
      await page.locator('#username').fill(username);
      await page.locator('#password').fill('demo');
      await page.keyboard.press('Enter');
      await page.getByTestId('current-user').waitFor();
      signedIn.set(username, page);
      return page;
    },
    pages: () => signedIn,
    async shot(page, name) {
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    },
    async visit(page, url, ready, label) {
      const t0 = Date.now();
      await page.goto(`${base()}${url}`);
      await ready.first().waitFor();
      const ms = Date.now() - t0;
      // Judged at the end (a slow moment on a busy machine must not break the walk-through).
      timings.push({ label, ms });
      return ms;
    },
    waitUntil,
    settled,
    async unitId(name) {
      const units = await suite.api().get<Unit[]>('admin', '/api/units');
      const u = units.find((x) => x.name === name);
      assert(u, `unit ${name}`);
      return u.id;
    },
    async dispatchedOrder(content, category, unitName) {
      const t = await suite.api().post<TicketDetail>('agent', '/api/tickets', {
        type: 'complaint',
        category,
        caller: { name: '王五', phone: '13900002222', confidential: false },
        location: { region: '西城区', address: '白塔路8号' },
        content,
      });
      await suite.api().post('dispatcher', `/api/tickets/${t.id}/actions/dispatch`, {
        unitId: await suite.unitId(unitName),
      });
      return t;
    },
    async start(now) {
      fs.mkdirSync(artifacts, { recursive: true });
      for (const f of fs.readdirSync(artifacts)) if (f.endsWith('.png')) fs.rmSync(path.join(artifacts, f));
      buildWebIfNeeded();
      server = await startServer({ now });
      api = apiClient(server.base);
      browser = await launchBrowser();
    },
    async stop() {
      await browser?.close().catch(() => {});
      await server?.stop().catch(() => {});
    },
  };
  return suite;
}
