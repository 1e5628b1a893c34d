import { ownValue } from './ids';
import type { Program } from './program';

/** A row owned by a program, in any area's table. */
export interface OwnedRow {
  id: string;
  programId: string;
  [field: string]: unknown;
}

/** Everything one program holds: what export writes, import reads and duplicate copies. */
export interface ProgramSnapshot {
  program: Program;
  /** Rows per owned table name. */
  owned: Record<string, OwnedRow[]>;
}

/**
 * Where each table's rows name another record of the program, besides their own `id` and
 * `programId`: `field` holds an id, `field[]` a list whose entries go on through the rest of the
 * path. A matrix's options and criteria keep their ids (they are the matrix's own).
 */
const REFERENCES: Readonly<Record<string, readonly string[]>> = {
  layers: [],
  uncertaintyItems: ['layerId', 'metricIds[]'],
  functions: [],
  metrics: ['ownerFunctionId', 'signoffs[].functionId', 'versions[].signoffs[].functionId'],
  matrices: ['criteria[].metricId', 'functionWeights[].functionId'],
  roadmapItems: ['uncertaintyIds[]', 'metricIds[]', 'decisionIds[]'],
  decisions: ['supersedes', 'supersededBy', 'uncertaintyIds[]', 'metricIds[]', 'roadmapItemIds[]', 'matrixId'],
  scopeChanges: ['roadmapItemIds[]', 'metricIds[]', 'uncertaintyIds[]', 'effects[].roadmapItemId'],
  actions: ['source.id'],
  revisitReviews: ['targetId', 'causeId'],
  sessions: ['blocks[].matrixId', 'blocks[].carriedFrom.sessionId', 'startSnapshotId', 'endSnapshotId'],
  captures: ['sessionId', 'recordId'],
  submissions: ['sessionId', 'captureId'],
  votes: ['sessionId', 'matrixId', 'candidates[].id', 'tallies[].candidateId', 'ballots[].dots[].candidateId'],
  snapshots: [
    'sessionId',
    'state.layers[].id',
    'state.functions[].id',
    'state.uncertainty[].id',
    'state.uncertainty[].layerId',
    'state.metrics[].id',
    'state.metrics[].agreed[]',
    'state.matrices[].id',
    'state.roadmap[].id',
    'state.decisions[].id',
    'state.scope[].id',
    'state.actions[].id',
  ],
};

type Swap = (id: string) => string;

/** `value` with the id at `path` (segments of one REFERENCES entry) swapped; other fields as they were. */
function swapAt(value: unknown, path: readonly string[], swap: Swap): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return typeof value === 'string' ? swap(value) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  if (!Object.hasOwn(value, key)) return value;
  const field = (value as Record<string, unknown>)[key];
  const swapped = !list ? swapAt(field, rest, swap) : Array.isArray(field) ? field.map((entry: unknown) => swapAt(entry, rest, swap)) : field;
  return { ...value, [key]: swapped };
}

function reidentifyRow(table: string, row: OwnedRow, swap: Swap): OwnedRow {
  const references = ownValue(REFERENCES, table);
  // A table missing here would be copied with links to the original program's records.
  if (!references) throw new Error(`reidentify does not know the references of table ${table}`);
  const moved = { ...row, id: swap(row.id), programId: swap(row.programId) };
  return references.reduce<OwnedRow>((out, path) => swapAt(out, path.split('.'), swap) as OwnedRow, moved);
}

/**
 * Gives the program and every row it owns fresh ids, rewriting every reference between them.
 * Only id fields change: a description or tag that happens to equal an id stays as written.
 */
export function reidentify(snapshot: ProgramSnapshot, makeId: () => string): ProgramSnapshot {
  const ids = [snapshot.program.id, ...Object.values(snapshot.owned).flatMap((rows) => rows.map((row) => row.id))];
  const map = new Map(ids.map((id) => [id, makeId()]));
  // An id not in the program (a sign-off of a function removed since) is kept as it is.
  const swap: Swap = (id) => map.get(id) ?? id;
  const owned = Object.fromEntries(Object.entries(snapshot.owned).map(([table, rows]) => [table, rows.map((row) => reidentifyRow(table, row, swap))]));
  return { program: { ...snapshot.program, id: swap(snapshot.program.id) }, owned };
}
