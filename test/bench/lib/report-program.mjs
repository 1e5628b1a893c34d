// A program file for report tests and the report benchmark: the format-7 fixture (every area, the
// plan and a closed session) with `count` more uncertainty items whose long titles start with
// "beginNN" and end with "endNN", so a row printed whole has both on one page.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_V7 = fileURLToPath(new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));

/**
 * Writes the program to `path` and returns `path`.
 * @param {number} count @param {string} name @param {string} path
 */
export function writeProgramWithItems(count, name, path) {
  const file = JSON.parse(readFileSync(FIXTURE_V7, 'utf8'));
  const template = file.data.uncertaintyItems[0];
  file.program.name = name;
  const width = String(count).length < 2 ? 2 : String(count).length;
  const added = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const id = String(n).padStart(width, '0');
    // Spread over the map on a fixed pattern (one decimal, as the app stores scores).
    const impact = 1 + ((n * 7) % 41) / 10;
    const uncertainty = 1 + ((n * 13) % 41) / 10;
    const at = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
    return {
      ...template,
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      title: `begin${id} the assistant's answer for case ${n} rests on an assumption written out at some length end${id}`,
      impact,
      uncertainty,
      history: [{ at, impact, uncertainty, status: 'open' }],
      createdAt: at,
      updatedAt: at,
    };
  });
  file.data.uncertaintyItems = [...file.data.uncertaintyItems, ...added];
  writeFileSync(path, JSON.stringify(file));
  return path;
}
