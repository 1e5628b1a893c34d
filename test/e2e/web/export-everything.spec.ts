import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// A whole program (every area, the plan, a closed session with a secret ballot, snapshots and
// what participants submitted from their devices) goes out as a .keel.json from Export & share and comes back in exactly as it was: only ids
// (fresh on every import) and the file's own stamp differ. The other formats of the same
// program are checked by export-text, report, report-plan and chart-images.

const FIXTURE = fileURLToPath(new URL('../../fixtures/format-v8/support-assistant-room.keel.json', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file with every id written as "id" (ids are fresh on every import, and rows come out in id
 * order), fields in name order and each table's rows sorted, the export stamp left out. References between records are
 * checked by the round-trip property tests (test/unit/io/round-trip.test.ts).
 */
function canonical(text: string): unknown {
  const { exportedAt: _exportedAt, appVersion: _appVersion, data, ...file } = JSON.parse(text) as { data: Record<string, unknown[]> } & Record<string, unknown>;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string' && UUID.test(value)) return 'id';
    if (Array.isArray(value)) return value.map(walk);
    // Key order is not content: a record made by a capture lists its fields in another order.
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const tables = Object.entries(data).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(walk(row))).sort()]);
  return { ...(walk(file) as object), data: Object.fromEntries(tables) };
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
