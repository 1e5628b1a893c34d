import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { FIXTURE_V7, openReport, pdfInfo, pdfOutlineTitles, pdfPageSizes, pdfPages, printReport, programIdOf, programWithItems } from './report-pdf';

test('a full program prints as an A4 report with header, page numbers, outline and tags', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(FIXTURE_V7, 'Support assistant');
  const programId = programIdOf(page);
  await openReport(page, `#/report/${programId}?page=a4`);

  const pdf = testInfo.outputPath('program-a4.pdf');
  await printReport(page, pdf);
  const info = pdfInfo(pdf);
  expect(info.pages).toBeGreaterThan(1);
  expect(info.size).toBe('595 x 842');
  expect(info.tagged).toBe(true);
  const outline = pdfOutlineTitles(pdf);
  for (const heading of ['What needs attention', 'Uncertainty map', 'Items to test first', 'Shared metrics']) expect(outline).toContain(heading);

  const pages = pdfPages(pdf);
  expect(pages).toHaveLength(info.pages);
  const text = pages.join('\n');
  for (const heading of ['What needs attention', 'Uncertainty map', 'Items to test first', 'All items', 'Shared metrics', 'Contents']) expect(text).toContain(heading);
  expect(text).toContain('Customers accept bot answers'); // an item's title
  expect(text).toMatch(/Answer accuracy|Resolution rate|Escalation/); // a metric's name
  // The running header on every page but the cover, and "n of N" at the foot of every page.
  pages.forEach((pageText, i) => expect(pageText).toContain(`${i + 1} of ${info.pages}`));
  expect(pages[1]).toContain('Program report');
  expect(pages[1]).toContain('Support assistant');

  // Pages rendered to look at (kept with the test's output).
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, testInfo.outputPath('page')]);
  expect(readdirSync(testInfo.outputPath()).filter((f) => f.startsWith('page')).length).toBe(info.pages);
});

test('Letter paper prints on Letter pages', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(FIXTURE_V7, 'Support assistant');
  await openReport(page, `#/report/${programIdOf(page)}?sections=cover,metrics&page=letter`);
  const pdf = testInfo.outputPath('letter.pdf');
  await printReport(page, pdf);
  expect(pdfInfo(pdf).size).toBe('612 x 792');
  const text = pdfPages(pdf).join('\n');
  expect(text).toContain('Shared metrics');
  expect(text).not.toContain('What needs attention');
});

test('a table of 60 items prints with no row split across pages and its header on every page', async ({ app, page }, testInfo) => {
  const file = programWithItems(60, 'Sixty items', testInfo.outputPath('sixty.keel.json'));
  await app.open();
  await app.importFile(file, 'Sixty items');
  await openReport(page, `#/report/${programIdOf(page)}?sections=uncertainty&page=a4`);
  const pdf = testInfo.outputPath('sixty.pdf');
  await printReport(page, pdf);
  const pages = pdfPages(pdf);
  expect(pages.length).toBeGreaterThan(2);
  // Every block of text holding an item's title (a table row, a line of the map's key) is whole
  // on one page: on each page, each item's first word appears as often as its last word.
  const count = (text: string, word: string) => text.split(word).length - 1;
  for (let n = 1; n <= 60; n++) {
    const id = String(n).padStart(2, '0');
    expect(pages.some((p) => p.includes(`begin${id}`)), `item ${id} printed`).toBe(true);
    pages.forEach((p, i) => expect(count(p, `begin${id}`), `item ${id} on page ${i + 1}`).toBe(count(p, `end${id}`)));
  }
  // The "All items" table's header repeats on each page it runs across.
  const first = pages.findIndex((p) => p.includes('All items'));
  const tablePages = pages.slice(first).filter((p) => /begin\d\d/.test(p));
  expect(tablePages.length).toBeGreaterThan(1);
  for (const p of tablePages) expect(p).toMatch(/No\.\s+Item\s+Layer\s+Kind/);
});

test('the report form: sections and paper survive a reload, Preview opens the report, Save PDF prints it', async ({ app, page }) => {
  // The browser's print dialog cannot be driven: count the calls instead.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await app.open();
  await app.importFile(FIXTURE_V7, 'Support assistant');
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Export & share' }).click();
  const form = page.getByRole('region', { name: 'Report (PDF)' });
  await expect(form.getByRole('combobox', { name: 'Report of' })).toHaveValue('program');
  await expect(form.getByRole('option', { name: /^Session: Kick-off/ })).toBeAttached();

  // Keyboard only: untick the map, choose Letter.
  await form.getByRole('checkbox', { name: 'Uncertainty map' }).focus();
  await page.keyboard.press('Space');
  await expect(form.getByRole('checkbox', { name: 'Uncertainty map' })).not.toBeChecked();
  await form.getByRole('radio', { name: 'A4' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: 'Letter' })).toBeChecked();
  await app.expectAccessible('the Export & share area');

  await page.reload();
  await expect(form.getByRole('checkbox', { name: 'Uncertainty map' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Shared metrics' })).toBeChecked();
  await expect(form.getByRole('radio', { name: 'Letter' })).toBeChecked();

  // Nothing ticked: nothing to make, and it says why.
  await form.getByRole('button', { name: 'Clear' }).click();
  await expect(form.getByText('Tick at least one section to make a report.')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Save PDF…' })).toBeDisabled();
  await form.getByRole('button', { name: 'Tick all' }).click();
  await form.getByRole('checkbox', { name: 'Uncertainty map' }).uncheck();

  await form.getByRole('link', { name: 'Preview' }).click();
  await expect(page.locator('html[data-report-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(page).toHaveURL(/#\/report\/[^?]+\?sections=cover,attention,metrics,tradeoffs,decisions,scope,roadmap,actions&page=letter$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Shared metrics' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Uncertainty map' })).toHaveCount(0);
  await app.expectAccessible('the report page');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);

  await page.getByRole('link', { name: '← Back to Export & share' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export & share' })).toBeVisible();

  // A held session's report offers the session's own sections, remembered apart from the program's.
  const kickOff = await form.getByRole('option', { name: /^Session: Kick-off/ }).getAttribute('value');
  await form.getByRole('combobox', { name: 'Report of' }).selectOption(kickOff!);
  await expect(form.getByRole('checkbox', { name: 'Votes' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'What needs attention' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(page.locator('html[data-report-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(page).toHaveTitle('Support assistant: Session report: Kick-off');
  await expect(page.getByText('Session report', { exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the report page and its form pass axe (${colorScheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme });
    await app.open();
    await app.importFile(FIXTURE_V7, 'Support assistant');
    await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Export & share' }).click();
    await app.expectAccessible(`Export & share (${colorScheme})`);
    await openReport(page, `#/report/${programIdOf(page)}`);
    await app.expectAccessible(`the report (${colorScheme})`);
  });
}

test('wide content (.report-landscape) prints on landscape pages of the same paper', async ({ app, page }, testInfo) => {
  await app.open();
  await app.importFile(FIXTURE_V7, 'Support assistant');
  await openReport(page, `#/report/${programIdOf(page)}?sections=cover,attention&page=a4`);
  // What the roadmap section does with its horizons: a section of its own on a landscape page.
  await page.evaluate(() => {
    const wide = document.createElement('section');
    wide.className = 'report-section report-landscape';
    wide.innerHTML = `<h2>Wide</h2><p style="width: 250mm">${'wide '.repeat(80)}</p>`;
    document.querySelector('main.report')!.append(wide);
  });
  const pdf = testInfo.outputPath('landscape.pdf');
  await printReport(page, pdf);
  const sizes = pdfPageSizes(pdf);
  expect(sizes[0]).toBe('595 x 842');
  expect(sizes.at(-1)).toBe('842 x 595');
  expect(pdfPages(pdf).at(-1)).toContain(`${sizes.length} of ${sizes.length}`);
});
