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

function collectIds(snapshot: ProgramSnapshot): string[] {
  const ids = [snapshot.program.id];
  for (const rows of Object.values(snapshot.owned)) for (const row of rows) ids.push(row.id);
  return ids;
}

function rewrite(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, map));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewrite(v, map);
    return out;
  }
  return value;
}

/**
 * Gives the program and every row it owns fresh ids, rewriting every reference between them.
 * Ids are random UUIDs, so any string equal to an old id is a reference to that record.
 */
export function reidentify(snapshot: ProgramSnapshot, makeId: () => string): ProgramSnapshot {
  const map = new Map(collectIds(snapshot).map((id) => [id, makeId()]));
  return rewrite(snapshot, map) as ProgramSnapshot;
}
