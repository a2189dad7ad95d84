// Ways of working the back office's screens shared by the browser tests: waiting for a state,
// antd dialogs and the actions bar of an order, tree selects.
import type { Locator, Page } from 'playwright-core';
import { assert } from './harness';

/** Polls `fn` until it returns a truthy value (returned), or fails after `timeout` ms. */
export async function waitUntil<T>(fn: () => Promise<T>, what: string, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await fn();
      last = value;
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

/** Waits until an antd modal has finished opening (a click during its zoom animation can be lost). */
export async function settled(modal: Locator): Promise<Locator> {
  await modal.first().waitFor();
  await waitUntil(
    async () => !((await modal.first().getAttribute('class')) ?? '').includes('ant-zoom'),
    'the dialog to finish opening',
  );
  return modal;
}

export const textOf = (loc: Locator): Promise<string> => loc.first().innerText();

/** Waits until the order's status tag in `scope` (page or drawer) reads `label`. */
export async function expectStatus(scope: Page | Locator, label: string): Promise<void> {
  await waitUntil(
    async () => (await textOf(scope.getByTestId('ticket-status'))).includes(label),
    `status ${label}`,
  );
}

/** Opens an action's form from the actions bar of `scope` (page or drawer). */
export async function openAction(scope: Page | Locator, action: string): Promise<Locator> {
  await scope.locator(`[data-action="${action}"]`).click();
  const modal = 'page' in scope ? scope.page().locator('.action-modal') : scope.locator('.action-modal');
  await modal.waitFor();
  return modal;
}

export async function submitModal(_page: Page, modal: Locator): Promise<void> {
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.waitFor({ state: 'hidden' });
}

/** The form item of `modal` whose label is exactly `label`. */
export function item(modal: Locator, label: string): Locator {
  return modal.locator('.ant-form-item', { has: modal.page().locator(`label:text-is("${label}")`) });
}

/** Types `search` into the tree select `#fieldId` and picks the unit named exactly `name`. */
export async function pickTreeUnit(page: Page, fieldId: string, search: string, name: string): Promise<void> {
  await page.locator(`#${fieldId}`).click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: name })
    .filter({ hasText: new RegExp(`^${name}$`) })
    .first()
    .click();
}

/** Sends the intake form with Ctrl+Enter from its content: the new order's number and the result's text. */
export async function submitIntake(page: Page): Promise<{ no: string; text: string }> {
  await page.locator('#content').focus();
  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('intake-result');
  await result.waitFor();
  const text = await result.innerText();
  const no = /\d{13}/.exec(text)?.[0];
  assert(no, `order number in "${text}"`);
  return { no, text };
}
