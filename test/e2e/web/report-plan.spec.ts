import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

// The plan's and a session's report sections, from the format-7 workshop: what each says on the
// report page, that axe finds nothing in light or dark, and the PDF Chromium prints from it (the
// headings and a decision's title in its text, the roadmap on landscape pages).

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));
const PLAN_SECTIONS = ['Trade-off decisions', 'Decision log', 'Scope changes', 'Roadmap', 'Open actions'];
const SESSION_SECTIONS = ['Agenda, planned and held', 'Since last session', 'Votes'];

/** Imports the workshop (the report's day fixed at Nov 29, 2026) and gives its program's and its Kick-off session's ids. */
async function importWorkshop(app: KeelApp, page: Page): Promise<{ programId: string; kickoffId: string }> {
  await page.clock.install({ time: new Date('2026-11-29T10:00:00') });
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  const programId = /#\/programs\/([^/]+)/.exec(page.url())![1]!;
  await app.openArea('Sessions');
  await page.getByRole('link', { name: /Kick-off/ }).first().click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/);
  const kickoffId = /\/sessions\/([^/?]+)$/.exec(page.url())![1]!;
  return { programId, kickoffId };
}

async function openReport(page: Page, path: string) {
  await page.goto(`/${path}`);
  await expect(page.locator('main.report')).toBeVisible();
}

function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** Each page's size in points, as pdfinfo gives it: "842 x 595" (or with decimals). */
function pageSizes(file: string): [number, number][] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

test('a program’s report prints the trade-offs, decision log, scope changes, roadmap by horizon and open actions', async ({ app, page }) => {
  const { programId } = await importWorkshop(app, page);
  await openReport(page, `#/report/${programId}?sections=tradeoffs,decisions,scope,roadmap,actions`);

  for (const heading of PLAN_SECTIONS) await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();

  const matrix = page.getByTestId('report-matrix').first();
  await expect(matrix.getByRole('heading', { level: 3 })).toHaveText('Which retrieval upgrade ships next quarter?');
  await expect(matrix).toContainText('Chosen: Hybrid search');
  // The frozen basis and the live ranking give the chosen option the same score while the matrix is locked.
  const chosenRow = matrix.getByTestId('report-combined-ranking').getByRole('row', { name: /Hybrid search/ });
  const score = (await chosenRow.getByRole('cell').nth(1).textContent())!.trim();
  expect(score).toMatch(/^\d+$/);
  await expect(matrix.getByTestId('report-basis')).toContainText(`kept in ADR-0002: Hybrid search scored ${score} out of 100`);
  await expect(matrix.getByTestId('report-vetoes')).toContainText('Bigger generation model is vetoed: Cost per resolved ticket expected $0.71 breaks its guardrail');
  await expect(matrix.getByTestId('report-sensitivity')).toContainText(/^(The smallest single change that flips the winner|No single weight change)/);
  await expect(matrix.getByTestId('report-function-ranking').getByRole('row').last()).toContainText('Top pick');
  await expect(page.getByTestId('report-matrix').nth(1)).toContainText('Not decided yet.');

  const log = page.getByTestId('report-decision');
  await expect(log).toHaveCount(3);
  await expect(log.nth(0)).toContainText('Status: Superseded');
  await expect(log.nth(0)).toContainText(/Superseded by\s*ADR-0002 Which retrieval upgrade ships next quarter\? → Hybrid search/);
  await expect(log.nth(1)).toContainText(/Supersedes\s*ADR-0001/);

  await expect(page.getByTestId('report-scope-change').first()).toContainText('Drop the SMS channel');
  await expect(page.getByTestId('report-scope-change').first()).toContainText('Accepted');

  const horizons = page.locator('.report-landscape');
  await expect(horizons).toHaveCount(3);
  await expect(horizons.nth(0).getByRole('heading', { level: 3 })).toHaveText('Now (3 items)');
  await expect(horizons.nth(0).getByTestId('report-roadmap-item').first()).toContainText('Hybrid retrieval on refund tickets');

  const actions = page.getByTestId('report-action');
  await expect(actions).toHaveText([/Red-team 200 refund questions.*Overdue by 5 days/, /Wire success events/, /Ask legal for the refund rules.*No due date/]);

  await app.expectAccessible('a program’s report');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('a program’s report, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const dir = mkdtempSync(join(tmpdir(), 'keel-report-plan-'));
  const file = join(dir, 'plan.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, format: 'A4' });
  const text = pdfText(file);
  for (const heading of PLAN_SECTIONS) expect(text).toContain(heading);
  expect(text).toContain('Which retrieval upgrade ships next quarter? → Hybrid search');

  // The roadmap's pages are landscape A4 (842 x 595 points), one horizon after another; the others portrait.
  const sizes = pageSizes(file);
  const landscape = sizes.flatMap(([w, h], i) => (w > h ? [i + 1] : []));
  for (const i of landscape) expect(sizes[i - 1]!.map((n) => Math.abs(n - (n > 700 ? 842 : 595)) <= 2), `page ${i}`).toEqual([true, true]);
  const horizonPage = (heading: string) => sizes.findIndex((_, i) => pdfText(file, i + 1).includes(heading)) + 1;
  const horizonPages = ['Now (3 items)', 'Next (2 items)', 'Later (2 items)'].map(horizonPage);
  expect(horizonPages.every((p) => p > 0)).toBe(true);
  expect(landscape).toEqual(expect.arrayContaining(horizonPages));
  expect(new Set(horizonPages).size).toBe(3);
  expect(pdfText(file, horizonPages[0]).includes('Roadmap')).toBe(true);
  expect(sizes[0]![0]).toBeLessThan(sizes[0]![1]);
  expect(sizes[sizes.length - 1]![0]).toBeLessThan(sizes[sizes.length - 1]![1]);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
  test.info().annotations.push({ type: 'pages', description: `${sizes.length} pages in ${dir}` });
});

test('a session’s report prints its agenda as held, what changed since the last session and its secret vote as totals only', async ({ app, page }) => {
  const { programId, kickoffId } = await importWorkshop(app, page);

  // The closed session's page offers its report.
  await expect(page.getByRole('heading', { level: 2, name: "This session's report" })).toBeVisible();

  await openReport(page, `#/report/${programId}/${kickoffId}?sections=agenda,since-last,votes`);
  for (const heading of SESSION_SECTIONS) await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();

  const agenda = page.getByTestId('report-agenda');
  await expect(agenda.getByRole('row')).toHaveText([
    /Block.*Method.*Planned.*Held.*Outcome/,
    /What could go wrong.*12 min.*5 min.*Done/,
    /Place them on the map.*25 min.*0 min.*Skipped, carried over/,
    /Vote: what to test first.*8 min.*0 min.*Done/,
    /Total.*45 min/,
  ]);
  await expect(page.locator('main.report')).toContainText('Ana (Product), Ben (Engineering), Cy (Leadership)');
  await expect(page.locator('main.report')).toContainText('Ask legal for the refund rules');

  await expect(page.locator('[data-section="since-last"]')).toContainText('No session was closed before this one');

  const vote = page.getByTestId('report-vote');
  await expect(vote).toContainText('Secret ballot: only the totals are kept.');
  await expect(vote.getByRole('row')).toHaveText([
    /Rank.*Candidate.*Dots/,
    /1 \(tied\).*Hallucinated refund policy.*3/,
    /1 \(tied\).*Refund rules differ by country.*3/,
    /3.*Agents trust suggested replies.*2/,
    /4 \(tied\)/,
    /4 \(tied\)/,
    /4 \(tied\)/,
    /4 \(tied\)/,
  ]);
  await expect(vote).not.toContainText('Who gave what');
  for (const name of ['Ana', 'Ben', 'Cy']) await expect(vote).not.toContainText(name);

  await app.expectAccessible('a session’s report');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible('a session’s report, dark');

  const dir = mkdtempSync(join(tmpdir(), 'keel-report-session-'));
  const file = join(dir, 'session.pdf');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.pdf({ path: file, preferCSSPageSize: true, format: 'A4' });
  const text = pdfText(file);
  for (const heading of SESSION_SECTIONS) expect(text).toContain(heading);
  expect(text).toContain('What do we test first?');
  execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
  test.info().annotations.push({ type: 'pages', description: `${pageSizes(file).length} pages in ${dir}` });
});

test('a planned session’s report lists what changed since the last session closed', async ({ app, page }) => {
  const { programId } = await importWorkshop(app, page);
  await app.openArea('Sessions');
  await page.getByRole('link', { name: /Re-planning/ }).first().click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/);
  const replanningId = /\/sessions\/([^/?]+)$/.exec(page.url())![1]!;
  await openReport(page, `#/report/${programId}/${replanningId}?sections=since-last`);
  const since = page.locator('[data-section="since-last"]');
  await expect(since).toContainText('3 changes from the close of Nov 12 · Kick-off to the day of this report.');
  await expect(since.getByRole('heading', { level: 3 })).toHaveText(['Uncertainty (1)', 'Metrics (1)', 'Roadmap (1)']);
  await expect(since.getByRole('listitem')).toHaveText([
    'Tone drifts on angry tickets: moved from Watch to Test first (impact 2.2 → 3.2)',
    'p95 latency (end to end): signed by Product',
    'Setback: Hybrid retrieval on refund tickets: slipped 3 weeks',
  ]);
  await app.expectAccessible('a planned session’s since-last section');
});
