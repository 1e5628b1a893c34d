import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** A title as a literal inside a pattern (titles may hold . ( ? and the like). */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Area = 'Overview' | 'Uncertainty' | 'Shared metrics' | 'Trade-offs' | 'Roadmap' | 'Decision log' | 'Scope changes' | 'Actions' | 'Sessions' | 'Export & share';

const AREA_HEADINGS: Record<Area, string | undefined> = {
  Overview: undefined,
  Uncertainty: 'Uncertainty',
  'Shared metrics': 'Shared metrics',
  'Trade-offs': 'Trade-offs',
  Roadmap: 'Roadmap',
  'Decision log': 'Decision log',
  'Scope changes': 'Scope changes',
  Actions: 'Actions',
  Sessions: 'Sessions',
  'Export & share': 'Export & share',
};

/**
 * The uncertainty map, driven as a user does: marks are drawn on a canvas, so they are reached
 * from the keyboard (the map is a listbox whose active option describes the mark) or by the
 * pointer at the place their impact and uncertainty put them.
 */
export class MapDriver {
  constructor(readonly page: Page) {}

  get frame() {
    return this.page.getByRole('listbox', { name: /^Uncertainty map/ });
  }

  /** The mark the keyboard is on, described for screen readers. */
  get option() {
    return this.frame.getByRole('option');
  }

  /** How many marks the canvas drew. */
  async expectMarks(count: number) {
    await expect(this.page.locator('canvas.marks-layer')).toHaveAttribute('data-drawn', String(count));
  }

  /**
   * Makes the item with this title the map's active mark, with the focus on the map: the
   * search narrows the map to it, Home goes to it, and the search is cleared again.
   */
  async focus(title: string) {
    const search = this.page.getByRole('searchbox', { name: 'Search items' });
    await search.fill(title);
    await this.frame.focus();
    await this.page.keyboard.press('Home');
    await expect(this.option).toHaveAccessibleName(new RegExp(`^${escapeRegExp(title)}\\.`));
    await search.fill('');
    await this.frame.focus();
    await expect(this.option).toHaveAccessibleName(new RegExp(`^${escapeRegExp(title)}\\.`));
    return this.option;
  }

  /** Opens an item's details from the map's keyboard. */
  async open(title: string) {
    await this.focus(title);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('complementary', { name: 'Item details' })).toBeVisible();
  }

  /** Where on the page a score puts a mark (not zoomed, not in a cluster). */
  async point(impact: number, uncertainty: number) {
    const plot = (await this.page.locator('svg.map .plot-frame').boundingBox())!;
    return { x: plot.x + plot.width * ((uncertainty - 1) / 4), y: plot.y + plot.height * ((5 - impact) / 4) };
  }
}

/** Drives Keel's screens the way a user does: by role and visible text. */
export class KeelApp {
  readonly map: MapDriver;

  constructor(readonly page: Page) {
    this.map = new MapDriver(page);
  }

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

  /** Imports a file through Import… as a user picks it, and waits for its program's overview. */
  async importFile(files: string | { name: string; mimeType: string; buffer: Buffer }, programName: string) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import…' }).first().click();
    await (await choosing).setFiles(files);
    await expect(this.page.getByRole('heading', { level: 1, name: programName })).toBeVisible();
  }

  async createProgram(name: string, description = '') {
    await this.page.getByRole('button', { name: 'New program' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New program' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    if (description) await dialog.getByRole('textbox', { name: /Description/ }).fill(description);
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** A fresh start: the home screen, a new program, and one of its areas. */
  async startProgram(name: string, area: Area = 'Overview') {
    await this.open();
    await this.createProgram(name);
    if (area !== 'Overview') await this.openArea(area);
  }

  /** A fresh program on the map with these items, fast capture closed. */
  async startMapWith(titles: string[]) {
    await this.startProgram('Edge cases', 'Uncertainty');
    await expect(this.page.getByRole('heading', { name: 'Nothing mapped yet' })).toBeVisible();
    await this.page.locator('body').press('n');
    await this.quickAdd(titles);
    await this.page.getByRole('button', { name: 'Done' }).click();
  }

  async openArea(area: Area) {
    await this.page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: area, exact: true }).click();
    const heading = AREA_HEADINGS[area];
    if (heading) await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  /** Adds items with fast capture (N), one per title, in the layer and kind given. */
  async quickAdd(titles: string[], layer?: string, kind?: string) {
    const input = this.page.getByRole('textbox', { name: 'New item title' });
    if (!(await input.isVisible())) await this.page.getByRole('button', { name: /Add items/ }).first().click();
    if (layer) await this.page.getByRole('combobox', { name: 'Layer for new items' }).selectOption({ label: layer });
    if (kind) await this.page.getByRole('combobox', { name: 'Kind for new items' }).selectOption({ label: kind });
    for (const title of titles) {
      await input.fill(title);
      await input.press('Enter');
      await expect(input).toHaveValue('');
    }
  }

  /** Pastes text into a field, as the clipboard would (fast capture adds one item per line). */
  async paste(field: Locator, text: string) {
    await field.evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Records a reading on the open metric's page. */
  async recordReading(date: string, value: string) {
    await this.page.getByLabel('Date', { exact: true }).fill(date);
    await this.page.locator('#reading-value').fill(value);
    await this.page.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(this.page.locator('#reading-value')).toHaveValue('');
  }

  /** The name this window signs metrics with. */
  async signAs(name: string) {
    await this.page.getByRole('textbox', { name: 'Signing as' }).fill(name);
  }

  /** Adds shared metrics from the library by name. */
  async addMetricsFromLibrary(names: RegExp[]) {
    await this.page.getByRole('button', { name: 'Add from library' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Add metrics from the library' });
    for (const name of names) await dialog.getByRole('checkbox', { name }).check();
    await dialog.getByRole('button', { name: /^Add \d+ metrics?$/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a metric's page from the metrics list. */
  async openMetric(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('textbox', { name: 'Metric name' })).toHaveValue(name);
  }

  /** Opens a trade-off matrix from the list of matrices. */
  async openMatrix(question: string) {
    await this.page.getByRole('link', { name: question, exact: true }).click();
    await expect(this.page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue(question);
  }

  async goHome() {
    await this.page.getByRole('link', { name: 'Keel: all programs' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Your programs' })).toBeVisible();
  }

  async tab(name: 'Programs' | 'Archived' | 'Trash') {
    await this.page.getByRole('navigation', { name: 'Program lists' }).getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
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
  /** axe-core finds nothing serious on the app's page, or on another window of it (the presenter). */
  async expectAccessible(context: string, page: Page = this.page) {
    const results = await new AxeBuilder({ page }).analyze();
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
export const test = base.extend<{ app: KeelApp; problems: string[]; firstRun: boolean }>({
  /**
   * A first run shows the first-workshop guide by itself (first-run.spec.ts). Other tests start
   * as someone who has seen it, so its panel is not in their way: `test.use({ firstRun: true })`.
   */
  firstRun: [false, { option: true }],
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
  app: async ({ page, problems, firstRun }, use) => {
    void problems;
    if (!firstRun) {
      await page.addInitScript(() => {
        if (localStorage.getItem('keel.guide') === null) localStorage.setItem('keel.guide', '"closed"');
      });
    }
    await use(new KeelApp(page));
  },
});

export { expect };
