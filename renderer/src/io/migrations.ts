import { DEFAULT_FUNCTIONS } from '../domain/metrics/model';
import { DEFAULT_STACK } from '../domain/uncertainty/stack';

// Upgrades of older .keel.json files, one step per format version: MIGRATIONS[n] turns a
// version-n file into a version n+1 file. Append only; never edit a released step.
// Steps work on untrusted data, so they only add or rename; validation runs afterwards.

type FileMigration = (file: Record<string, unknown>) => Record<string, unknown>;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const MIGRATIONS: Record<number, FileMigration> = {
  // 1 -> 2: programs gain the uncertainty map. A program from a v1 file gets the default
  // stack (as a new program would) and the default staleness rule.
  1: (file) => {
    const data = asRecord(file.data);
    return {
      ...file,
      program: { ...asRecord(file.program), staleAfterDays: 30 },
      data: {
        ...data,
        layers: DEFAULT_STACK.map((layer, order) => ({ ...layer, id: `v1-layer-${order + 1}`, order })),
        uncertaintyItems: [],
      },
    };
  },
  // 2 -> 3: programs gain shared metrics. A program from a v2 file gets engineering, product
  // and leadership (as a new program would) and no metrics yet; its items link to none.
  2: (file) => {
    const data = asRecord(file.data);
    const items = Array.isArray(data.uncertaintyItems) ? data.uncertaintyItems : [];
    return {
      ...file,
      data: {
        ...data,
        uncertaintyItems: items.map((item: unknown) => ({ ...asRecord(item), metricIds: [] })),
        functions: DEFAULT_FUNCTIONS.map((name, order) => ({ id: `v2-function-${order + 1}`, name, required: true, order })),
        metrics: [],
      },
    };
  },
  // 3 -> 4: programs gain trade-off matrices; a program from a v3 file has none yet.
  3: (file) => ({ ...file, data: { ...asRecord(file.data), matrices: [] } }),
};

export function migrateFile(file: Record<string, unknown>, fromVersion: number, toVersion: number): Record<string, unknown> {
  let current = file;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from format version ${v}`);
    current = { ...step(current), formatVersion: v + 1 };
  }
  return current;
}
