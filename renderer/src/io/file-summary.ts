// A look at what a Keel file holds before it is imported (a file opened from the OS): one program
// or a workspace of several, each program's name, description and counts, when and by which
// format version it was exported, or the same sentence Import… gives when it does not read.
// The file is read once, through the import pipeline itself, so the preview and the import agree.
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract';
import { programContents, type ProgramContents } from '../domain/backups/contents';
import { CURRENT_FORMAT_VERSION, WORKSPACE_FORMAT_NAME } from './format';
import { describeImportError } from './import-errors';
import { parseJsonWithinLimit } from './keel-file';
import { parseAnyKeelValue, type AnyKeelParseResult } from './workspace-file';

export interface ProgramPreview extends ProgramContents {
  /** The program's id in the file: a program here with the same id is the same program. */
  id: string;
  description: string;
  /** The format version this program was written in (a newer Keel upgrades it as it imports). */
  formatVersion: number | undefined;
}

export type FileSummary =
  | {
      ok: true;
      fileName: string;
      kind: 'program' | 'workspace';
      programs: ProgramPreview[];
      /** When the file was exported (ms since 1970), when it says so readably. */
      exportedAt: number | undefined;
      /** The Keel that wrote it ("0.14.0"), as written. */
      appVersion: string | undefined;
      /** The file's format version: a program file's, or the workspace envelope's. */
      formatVersion: number | undefined;
      /** What the import stores: the same reading, never a second parse. */
      parsed: Extract<AnyKeelParseResult, { ok: true }>;
    }
  | { ok: false; fileName: string; message: string };

/** Reads a file's text into what its preview shows; a file that does not read gives Import…'s sentence. */
export function summarizeKeelFile(text: string, fileName: string, limitBytes = MAX_IMPORT_BYTES): FileSummary {
  const json = parseJsonWithinLimit(text, limitBytes);
  if (!json.ok) return { ok: false, fileName, message: describeImportError(json.error, fileName) };
  const parsed = parseAnyKeelValue(json.raw);
  if (!parsed.ok) return { ok: false, fileName, message: describeImportError(parsed.error, fileName) };
  if (parsed.kind === 'workspace' && parsed.snapshots.length === 0) {
    return { ok: false, fileName, message: describeImportError({ kind: 'empty-workspace' }, fileName) };
  }
  // The pipeline accepted the file, so its envelope is an object with these fields checked.
  const envelope = json.raw as Record<string, unknown>;
  const programEnvelopes = envelope.format === WORKSPACE_FORMAT_NAME && Array.isArray(envelope.programs) ? envelope.programs : [envelope];
  const programs = parsed.snapshots.map((snapshot, index) => ({
    ...programContents(snapshot),
    id: snapshot.program.id,
    description: snapshot.program.description,
    formatVersion: versionOf(programEnvelopes[index]),
  }));
  return {
    ok: true,
    fileName,
    kind: parsed.kind,
    programs,
    exportedAt: timeOf(envelope.exportedAt),
    appVersion: typeof envelope.appVersion === 'string' ? envelope.appVersion.slice(0, 50) : undefined,
    formatVersion: versionOf(envelope),
    parsed,
  };
}

/** Programs in the file written in an older format version, which the import upgrades. */
export function upgradedPrograms(summary: Extract<FileSummary, { ok: true }>): ProgramPreview[] {
  return summary.programs.filter((program) => program.formatVersion !== undefined && program.formatVersion < CURRENT_FORMAT_VERSION);
}

function versionOf(envelope: unknown): number | undefined {
  if (envelope === null || typeof envelope !== 'object') return undefined;
  const version = (envelope as Record<string, unknown>).formatVersion;
  return typeof version === 'number' && Number.isSafeInteger(version) ? version : undefined;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
