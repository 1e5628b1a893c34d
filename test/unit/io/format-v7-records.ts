import { readFileSync } from 'node:fs';
import { programRecords, type ProgramRecords } from '../../../renderer/src/domain/program-records';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';

// The format-7 fixture (every area, the plan and sessions) as the typed records every exporter reads.
const FIXTURE = new URL('../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url);

export function fixtureRecords(): ProgramRecords {
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error(`The format-7 fixture did not parse: ${JSON.stringify(parsed.error)}`);
  return programRecords(parsed.snapshot);
}

/** The export's moment in tests: fixed, so files are the same on every run. */
export const EXPORTED_AT = new Date(Date.UTC(2026, 10, 29, 12));
