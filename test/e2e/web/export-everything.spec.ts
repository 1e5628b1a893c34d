import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// A whole program (every area, the plan, a closed session with a secret ballot and snapshots)
// goes out as a .keel.json from Export & share and comes back in exactly as it was: only ids
// (fresh on every import) and the file's own stamp differ. The other formats of the same
// program are checked by export-text, report, report-plan and chart-images.

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file with every id replaced by the order it first appears in, and the export stamp left out. */
function canonical(text: string): unknown {
  const { exportedAt: _exportedAt, appVersion: _appVersion, ...file } = JSON.parse(text) as Record<string, unknown>;
  const ids = new Map<string, string>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string' && UUID.test(value)) {
      if (!ids.has(value)) ids.set(value, `id${ids.size}`);
      return ids.get(value);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(file);
}

test('a full program exported from Export & share re-imports exactly as it was', async ({ app, page }) => {
  await app.open();
  await app.importFile(FIXTURE, 'Support assistant');
  await app.openArea('Export & share');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .keel.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Support assistant.keel.json');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(canonical(exported)).toEqual(canonical(readFileSync(FIXTURE, 'utf8')));

  // And what was exported imports again, as a copy beside the first.
  await app.goHome();
  await app.importFile({ name: 'again.keel.json', mimeType: 'application/json', buffer: Buffer.from(exported) }, 'Support assistant (copy)');
  await app.goHome();
  await expect(app.rows()).toHaveCount(2);
});
