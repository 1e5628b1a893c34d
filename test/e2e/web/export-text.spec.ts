import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParseRows } from 'd3-dsv';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { parse, parseAllDocuments } from 'yaml';
import { OpenSloDocument } from '../../unit/io/openslo-v1-schema';
import { expect, test, type KeelApp } from './fixtures';

// Markdown, CSV and OpenSLO from the Export & share area, for the format-7 fixture (every area,
// the plan and sessions): each file saved as a user does and read back here.

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));
const BOM = '\uFEFF';

async function openExport(app: KeelApp, page: Page) {
  await page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Export & share' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export & share' })).toBeVisible();
}

/** Clicks a save button and gives back the downloaded file's name and bytes. */
async function save(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test.beforeEach(async ({ app, page }) => {
  await page.clock.setFixedTime(new Date('2026-11-29T12:00:00Z'));
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
});

test('CSV: a table with a BOM, a header, quoting and formulas escaped; every table in a zip', async ({ app, page }) => {
  // Titles a spreadsheet would run, or that need quoting.
  await app.openArea('Uncertainty');
  await page.locator('body').press('n');
  await app.quickAdd(['=SUM(A1)', 'Refunds, "fast" ones']);
  await page.getByRole('button', { name: 'Done' }).click();

  await openExport(app, page);
  const chooser = page.getByRole('combobox', { name: 'Table' });
  await expect(chooser).toHaveValue('uncertainties');
  await expect(page.getByText('9 rows in this table.')).toBeVisible();
  const items = await save(page, 'Save CSV…');
  expect(items.name).toBe('Support assistant - uncertainties.csv');
  const text = items.bytes.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  expect(text).toContain('\r\n');
  expect(text).toContain(`,'=SUM(A1),`);
  expect(text).toContain(`,"Refunds, ""fast"" ones",`);
  const [header, ...rows] = csvParseRows(text.slice(BOM.length));
  expect(header!.slice(0, 2)).toEqual(['Id', 'Title']);
  expect(header).toContain('Impact (1-5)');
  expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['Hallucinated refund policy', "'=SUM(A1)", 'Refunds, "fast" ones']));
  await expect(app.toast('Saved 9 rows of uncertainty items to Support assistant - uncertainties.csv.')).toBeVisible();

  // The chosen table is remembered across areas and a reload.
  await chooser.selectOption({ label: 'Metric readings' });
  await app.openArea('Roadmap');
  await openExport(app, page);
  await expect(page.getByRole('combobox', { name: 'Table' })).toHaveValue('readings');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Table' })).toHaveValue('readings');
  const readings = await save(page, 'Save CSV…');
  expect(readings.name).toBe('Support assistant - readings.csv');
  expect(readings.bytes.toString('utf8')).toContain('Task success rate');

  const all = await save(page, 'Save all tables (.zip)…');
  expect(all.name).toBe('Support assistant - tables.zip');
  const files = unzipSync(new Uint8Array(all.bytes));
  expect(Object.keys(files).sort()).toEqual(
    ['actions', 'decisions', 'matrix-scores', 'metrics', 'readings', 'roadmap', 'scope-changes', 'uncertainties'].map((t) => `${t}.csv`),
  );
  // Bytes, not a TextDecoder (which drops a BOM): the file itself must start with it.
  expect(Buffer.from(files['metrics.csv']!).toString('utf8')).toMatch(/^\uFEFFId,Name,/);
});

test('Markdown: the summary with its decision records in a zip, and the records alone', async ({ app, page }) => {
  await openExport(app, page);
  await expect(page.getByText('3 decision records in the MADR layout, one file each, in a .zip.')).toBeVisible();
  const summary = await save(page, 'Save Markdown summary (.zip)…');
  expect(summary.name).toBe('Support assistant - summary.zip');
  const files = unzipSync(new Uint8Array(summary.bytes));
  expect(Object.keys(files)).toEqual([
    'README.md',
    'decisions/0001-which-retrieval-upgrade-ships-next-quarter-cross-encoder-re.md',
    'decisions/0002-which-retrieval-upgrade-ships-next-quarter-hybrid-search.md',
    'decisions/0003-pilot-in-one-country-first.md',
  ]);
  const readme = strFromU8(files['README.md']!);
  expect(readme).toMatch(/^# Support assistant\n/);
  expect(readme).toContain('Exported from Keel on 2026-11-29.');
  for (const heading of ['## What needs attention', '## Uncertainty map', '## Shared metrics', '## Decision log', '## Roadmap']) expect(readme).toContain(heading);
  expect(readme).toContain('### p95 latency (end to end)');
  expect(readme).toContain('(decisions/0002-which-retrieval-upgrade-ships-next-quarter-hybrid-search.md)');
  const record = strFromU8(files['decisions/0002-which-retrieval-upgrade-ships-next-quarter-hybrid-search.md']!);
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(record)![1]!);
  expect(front).toMatchObject({ status: 'accepted', date: '2026-12-02' });
  expect(record).toContain('## Considered Options');

  const decisions = await save(page, 'Save decision records…');
  expect(decisions.name).toBe('Support assistant - decisions.zip');
  expect(Object.keys(unzipSync(new Uint8Array(decisions.bytes)))).toHaveLength(3);
  await expect(app.toast('Saved 3 decision records in Support assistant - decisions.zip.')).toBeVisible();
});

test('OpenSLO: an SLI and an SLO per metric with a target, valid OpenSLO v1', async ({ app, page }) => {
  await openExport(app, page);
  const file = await save(page, 'Save OpenSLO…');
  expect(file.name).toBe('Support assistant - openslo.yaml');
  const docs = parseAllDocuments(file.bytes.toString('utf8'));
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  const parsed = docs.map((d) => OpenSloDocument.parse(d.toJS()));
  expect(parsed).toHaveLength(8);
  expect(parsed.filter((d) => d.kind === 'SLO').map((d) => d.metadata.displayName)).toEqual([
    'Task success rate',
    'p95 latency (end to end)',
    'Escalation rate to a human',
    'Cost per resolved ticket',
  ]);
  await expect(page.getByRole('status').filter({ hasText: '4 metrics included.' })).toBeVisible();
});

test('a program with nothing to export says so, and the area passes axe in light and dark', async ({ app, page }) => {
  await app.startProgram('Empty program');
  await openExport(app, page);
  await expect(page.getByText('No decisions yet: nothing to export.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save decision records…' })).toBeDisabled();
  await expect(page.getByText('No shared metrics yet: nothing to export.')).toBeVisible();
  await expect(page.getByText('No uncertainty items yet: the file will hold only the header row.')).toBeVisible();
  const summary = await save(page, 'Save Markdown summary…');
  expect(summary.name).toBe('Empty program.md');
  expect(summary.bytes.toString('utf8')).toContain('No decision records yet.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await app.expectAccessible(`Export & share (${colorScheme})`);
  }
});
