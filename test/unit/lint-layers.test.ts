// The layers of the renderer are held by ESLint (eslint.config.js): these check that the rules
// are there and say what a newcomer needs to hear, so the next area cannot drift from them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The import-rule messages ESLint gives for `code` placed at `filePath`. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [string, string, RegExp | null][] = [
  ['renderer/src/views/uncertainty/X.ts', "import { KeelDB } from '../../storage/db';", /Views talk to their area's state class/],
  ['renderer/src/views/uncertainty/X.ts', "import { liveQuery } from 'dexie';", /never to storage/],
  ['renderer/src/views/uncertainty/X.ts', "import { useServices } from '../../state/services';", /state class/],
  ['renderer/src/views/uncertainty/X.ts', "import { UncertaintyState } from '../../state/uncertainty.svelte';", null],
  ['renderer/src/ui/X.ts', "import { MetricsRepository } from '../storage/metrics-repo';", /ui\/ holds shared components/],
  ['renderer/src/storage/X.ts', "import { toasts } from '../state/toasts.svelte';", /storage\/ reads and writes data/],
  ['renderer/src/storage/X.ts', "import { checkOneLine } from '../domain/check';", null],
  ['renderer/src/charts/X.ts', "import { toasts } from '../state/toasts.svelte';", /charts\/ is pure geometry/],
  ['renderer/src/charts/X.ts', "import { KIND_LABELS } from '../domain/uncertainty/model';", null],
  ['renderer/src/charts/X.ts', "import { scaleLinear } from 'd3-scale';", null],
  ['renderer/src/domain/X.ts', "import { Dexie } from 'dexie';", /domain\/ is pure/],
  ['renderer/src/domain/X.ts', "import { textWidth } from '../charts/text';", /domain\/ is pure/],
  ['renderer/src/state/X.ts', "import Dialog from '../ui/Dialog.svelte';", /state\/ serves the views/],
  ['renderer/src/io/X.ts', "import { toasts } from '../state/toasts.svelte';", /io\/ turns data into files/],
  ['renderer/src/state/X.ts', "import { FILE } from '../../../electron/main';", /Import only electron\/ipc-contract/],
];

describe('lint holds the layers', () => {
  it.each(cases)('%s: %s', async (file, code, expected) => {
    const problems = await importProblems(file, `${code}\nexport const used = [];\n`);
    if (expected) expect(problems.join('\n')).toMatch(expected);
    else expect(problems).toEqual([]);
  });
});
