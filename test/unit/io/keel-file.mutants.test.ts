// .keel.json rules that mutation testing (npm run mutate) showed no test pinned down.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../../../renderer/src/domain/uncertainty/model';
import type { ProgramFunction } from '../../../renderer/src/domain/metrics/model';
import type { Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { CURRENT_FORMAT_VERSION, type KeelFileType } from '../../../renderer/src/io/format';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { migrateFile } from '../../../renderer/src/io/migrations';

const v4 = (): KeelFileType => JSON.parse(readFileSync(new URL('../../fixtures/format-v4/support-assistant.keel.json', import.meta.url), 'utf8'));

function problemsOf(file: unknown): string[] {
  const result = parseKeelFile(JSON.stringify(file));
  if (result.ok) return [];
  return result.error.kind === 'invalid' ? result.error.problems : [result.error.kind];
}

function snapshotOf(file: KeelFileType) {
  const result = parseKeelFile(JSON.stringify(file));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.snapshot;
}

describe('reading', () => {
  it('finds a forbidden key in any element of an array, not only the first', () => {
    const text = '{"format":"keel","formatVersion":4,"data":{"a":[{}, 1, {"__proto__": {"x": 1}}]}}';
    expect(parseKeelFile(text)).toMatchObject({ ok: false, error: { kind: 'forbidden-key', path: 'data.a[2].__proto__' } });
  });

  it('refuses versions of a metric that skip a number, even when the count is right', () => {
    const file = v4();
    const metric = file.data.metrics.find((m) => m.versions.length === 1)!;
    metric.versions[0]!.version = 2;
    expect(problemsOf(file)).toEqual([expect.stringMatching(/^data\.metrics\.\d+\.versions: versions must run 1, 2, 3/)]);
  });

  it('refuses a record that reuses the program id', () => {
    const file = v4();
    file.data.layers[0]!.id = file.program.id;
    expect(problemsOf(file)).toContain(`id ${file.program.id} is used twice`);
  });

  it('names the app version of a newer file, cut to 50 characters, and only when it is text', () => {
    const newer = (appVersion: unknown) => parseKeelFile(JSON.stringify({ format: 'keel', formatVersion: 99, appVersion }));
    expect(newer('9'.repeat(80))).toMatchObject({ ok: false, error: { appVersion: '9'.repeat(50) } });
    expect(newer(9)).toEqual({
      ok: false,
      error: { kind: 'newer-version', fileVersion: 99, supportedVersion: CURRENT_FORMAT_VERSION },
    });
  });
});

describe('writing', () => {
  it('writes layers and functions in their order, whatever order storage gave them in, leaving the snapshot as it was', () => {
    const snapshot = snapshotOf(v4());
    snapshot.owned.layers = [...snapshot.owned.layers!].reverse();
    snapshot.owned.functions = [...snapshot.owned.functions!].reverse();
    const given = { layers: [...snapshot.owned.layers], functions: [...snapshot.owned.functions] };
    const written: KeelFileType = JSON.parse(serializeProgram(snapshot, '0.1.0', new Date(0)));
    expect({ layers: snapshot.owned.layers, functions: snapshot.owned.functions }).toEqual(given);
    const orders = (rows: readonly { order: number }[]) => rows.map((row) => row.order);
    expect(orders(written.data.layers)).toEqual(orders(snapshotOf(v4()).owned.layers as unknown as Layer[]).sort((a, b) => a - b));
    expect(orders(written.data.functions)).toEqual(
      orders(snapshotOf(v4()).owned.functions as unknown as ProgramFunction[]).sort((a, b) => a - b),
    );
  });

  it('gives an earlier decision recorded without a reopening one at its own time, with no reason', () => {
    const snapshot = snapshotOf(v4());
    const [matrix] = snapshot.owned.matrices as unknown as Matrix[];
    matrix!.pastDecisions = [{ ...matrix!.pastDecisions[0]!, reopened: null }];
    const written: KeelFileType = JSON.parse(serializeProgram(snapshot, '0.1.0', new Date(0)));
    const [past] = written.data.matrices[0]!.pastDecisions;
    expect(past?.reopened).toEqual({ at: past?.recordedAt, reason: '' });
  });
});

describe('migrations', () => {
  it('give version-1 files the default stack and version-2 files the default functions, under fixed ids', () => {
    const migrated = migrateFile({ format: 'keel', program: {}, data: {} }, 1, 3) as {
      data: { layers: { id: string }[]; functions: { id: string }[] };
    };
    expect(migrated.data.layers.map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `v1-layer-${n}`));
    expect(migrated.data.functions.map((f) => f.id)).toEqual(['v2-function-1', 'v2-function-2', 'v2-function-3']);
  });

  it('leave a program, data or item that is not an object for validation to refuse, and treat a missing one as empty', () => {
    const odd = migrateFile({ program: ['x'], data: 'y' }, 1, 2);
    expect(odd.program).toEqual(['x']);
    expect(odd.data).toBe('y');
    const missing = migrateFile({}, 1, 2) as { program: object; data: object };
    expect(missing.program).toEqual({ staleAfterDays: 30 });
    expect(Object.keys(missing.data)).toEqual(['layers', 'uncertaintyItems']);
    const items = migrateFile({ data: { uncertaintyItems: [null, 'z', {}] } }, 2, 3) as { data: { uncertaintyItems: unknown[] } };
    expect(items.data.uncertaintyItems).toEqual([null, 'z', { metricIds: [] }]);
  });

  it('refuse a version they have no step for', () => {
    expect(() => migrateFile({}, 0, 1)).toThrow('No migration from format version 0');
  });
});
