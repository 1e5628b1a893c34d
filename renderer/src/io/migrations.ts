import { DEFAULT_FUNCTIONS } from '../domain/metrics/model';
import { DEFAULT_STACK } from '../domain/uncertainty/stack';
import { missingMatrixRecords } from '../domain/decisions/from-matrix';
import type { DecisionRecord } from '../domain/decisions/model';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Matrix } from '../domain/tradeoffs/model';

// Upgrades of older .keel.json files, one step per format version: MIGRATIONS[n] turns a
// version-n file into a version n+1 file. Append only; never edit a released step.
// Steps work on untrusted data, so they only add what the file lacks and never replace what it
// holds: a file labelled older than its content keeps that content, and validation (which runs
// afterwards) refuses it if it does not fit.

type FileMigration = (file: Record<string, unknown>) => Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `value` with `defaults` for the fields it does not have; fields it has are kept as they are.
 * A missing value counts as empty; anything else that is not an object is left for validation.
 */
function withMissing(value: unknown, defaults: () => Record<string, unknown>): unknown {
  const record = value === undefined ? {} : value;
  if (!isRecord(record)) return record;
  const added = Object.entries(defaults()).filter(([key]) => !Object.hasOwn(record, key));
  return { ...record, ...Object.fromEntries(added) };
}

export const MIGRATIONS: Record<number, FileMigration> = {
  // 1 -> 2: programs gain the uncertainty map. A program from a v1 file gets the default
  // stack (as a new program would) and the default staleness rule.
  1: (file) => ({
    ...file,
    program: withMissing(file.program, () => ({ staleAfterDays: 30 })),
    data: withMissing(file.data, () => ({
      layers: DEFAULT_STACK.map((layer, order) => ({ ...layer, id: `v1-layer-${order + 1}`, order })),
      uncertaintyItems: [],
    })),
  }),
  // 2 -> 3: programs gain shared metrics. A program from a v2 file gets engineering, product
  // and leadership (as a new program would) and no metrics yet; its items link to none.
  2: (file) => {
    const data = withMissing(file.data, () => ({
      functions: DEFAULT_FUNCTIONS.map((name, order) => ({ id: `v2-function-${order + 1}`, name, required: true, order })),
      metrics: [],
    }));
    if (!isRecord(data) || !Array.isArray(data.uncertaintyItems)) return { ...file, data };
    const uncertaintyItems = data.uncertaintyItems.map((item: unknown) => withMissing(item, () => ({ metricIds: [] })));
    return { ...file, data: { ...data, uncertaintyItems } };
  },
  // 3 -> 4: programs gain trade-off matrices; a program from a v3 file has none yet.
  3: (file) => ({ ...file, data: withMissing(file.data, () => ({ matrices: [] })) }),
  // 4 -> 5: while the equal blend is in force, a matrix may keep the facilitator's own weights
  // and judgements, to come back when the facilitator's weights are chosen again. A v4 file has
  // none kept: nothing to add. (The version changes so a Keel that reads only v4 says the file
  // needs a newer Keel instead of refusing its fields.)
  4: (file) => file,
  // 5 -> 6: programs gain the adaptive plan; a program from a v5 file has none of it yet, but its
  // decision log starts with the decisions its matrices took (see matrixDecisionsOfFile).
  5: (file) => {
    const data = withMissing(file.data, () => ({ roadmapItems: [], decisions: [], scopeChanges: [], actions: [], revisitReviews: [] }));
    if (!isRecord(data) || !Array.isArray(data.decisions)) return { ...file, data };
    return { ...file, data: { ...data, decisions: [...data.decisions, ...matrixDecisionsOfFile(data)] } };
  },
  // 6 -> 7: programs gain planning sessions; a program from a v6 file has held none in Keel yet.
  6: (file) => ({ ...file, data: withMissing(file.data, () => ({ sessions: [], captures: [], votes: [], snapshots: [] })) }),
  // 7 -> 8: sessions gain what participants submitted from their devices (room mode); a v7 file's had none.
  7: (file) => ({ ...file, data: withMissing(file.data, () => ({ submissions: [] })) }),
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

const time = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : NaN);
const isoOf = (at: number) => new Date(at).toISOString();

/**
 * The decision records a v5 file's matrices imply, in the file's shape: the standing decision of
 * each matrix accepted with its basis (the matrix is locked while decided, so it stands as it was
 * decided), the reopened ones superseded without one. Matrices the file's log already names are
 * left alone. What does not read as a matrix adds nothing: validation, which runs afterwards,
 * says what is wrong with it.
 */
function matrixDecisionsOfFile(data: Record<string, unknown>): unknown[] {
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]).filter(isRecord) : []);
  try {
    const decision = (d: unknown) =>
      isRecord(d) ? { ...d, recordedAt: time(d.recordedAt), reopened: isRecord(d.reopened) ? { ...d.reopened, at: time(d.reopened.at) } : null } : d;
    const matrices = list('matrices').map((m) => ({
      ...m,
      decision: m.decision ? decision(m.decision) : null,
      pastDecisions: Array.isArray(m.pastDecisions) ? m.pastDecisions.map(decision) : [],
    })) as unknown as Matrix[];
    const existing = list('decisions') as unknown as DecisionRecord[];
    const taken = new Set(existing.map((r) => r.id));
    let n = 0;
    const nextId = () => {
      let id: string;
      do id = `v5-decision-${++n}`;
      while (taken.has(id));
      return id;
    };
    const records = missingMatrixRecords('', matrices, list('metrics') as unknown as Metric[], list('functions') as unknown as ProgramFunction[], existing, nextId);
    return records.map(({ programId: _p, ...record }) => ({ ...record, createdAt: isoOf(record.createdAt), updatedAt: isoOf(record.updatedAt) }));
  } catch {
    return [];
  }
}
