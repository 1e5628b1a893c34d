// Upgrades of older .keel.json files, one step per format version: MIGRATIONS[n] turns a
// version-n file into a version n+1 file. Append only; never edit a released step.

type FileMigration = (file: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, FileMigration> = {};

export function migrateFile(file: Record<string, unknown>, fromVersion: number, toVersion: number): Record<string, unknown> {
  let current = file;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from format version ${v}`);
    current = { ...step(current), formatVersion: v + 1 };
  }
  return current;
}
