import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Drives Keel's programs screens the way a user does: by role and visible text. */
export class KeelApp {
  constructor(readonly page: Page) {}

  async open(path = '#/') {
    await this.page.goto(`/${path}`);
    await expect(this.page.getByRole('link', { name: 'Keel: all programs' })).toBeVisible();
  }

  rows() {
    return this.page.getByTestId('program-row');
  }

  row(name: string) {
    return this.rows().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async createProgram(name: string, description = '') {
    await this.page.getByRole('button', { name: 'New program' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New program' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    if (description) await dialog.getByRole('textbox', { name: /Description/ }).fill(description);
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async goHome() {
    await this.page.getByRole('link', { name: 'Keel: all programs' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Your programs' })).toBeVisible();
  }

  async tab(name: 'Programs' | 'Archived' | 'Trash') {
    await this.page.getByRole('navigation', { name: 'Program lists' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  }

  rowButton(programName: string, button: string) {
    return this.page.getByRole('group', { name: `Actions for ${programName}`, exact: true }).getByRole('button', { name: button, exact: true });
  }

  async expectNames(names: string[]) {
    await expect(this.page.getByTestId('program-row').locator('.name')).toHaveText(names);
  }

  toast(text: string | RegExp) {
    return this.page.getByRole('region', { name: 'Notifications' }).getByText(text);
  }

  async undoByKeyboard() {
    await this.page.locator('body').press('ControlOrMeta+z');
  }

  async redoByKeyboard() {
    await this.page.locator('body').press('ControlOrMeta+Shift+z');
  }

  /** Fails on serious or critical accessibility violations, listing them. */
  async expectAccessible(context: string) {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      `axe violations on ${context}`,
    ).toEqual([]);
  }
}

/**
 * Every test gets a fresh browser context (fresh IndexedDB) and fails on any page error,
 * console error or Content-Security-Policy violation.
 */
export const test = base.extend<{ app: KeelApp; problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(problems);
    expect(problems, 'page errors, console errors or CSP violations').toEqual([]);
  },
  app: async ({ page, problems }, use) => {
    void problems;
    await use(new KeelApp(page));
  },
});

export { expect };
