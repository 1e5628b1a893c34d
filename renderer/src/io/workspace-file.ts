// The workspace file: every program of a computer in one file, for moving to another computer
// and for automatic backups. Each program inside is exactly a .keel.json file's content and goes
// through that file's own pipeline (io/keel-file.ts), so older programs migrate step by step and
// every rule of a program file holds. One broken program refuses the whole file.
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract';
import type { ProgramSnapshot } from '../domain/snapshot';
import { safeFileStem } from './file-names';
import { WORKSPACE_FORMAT_NAME } from './format';
import type { ImportError } from './import-errors';
import { findStructureProblem, parseJsonWithinLimit, parseKeelValue, programFile } from './keel-file';

/**
 * The envelope's own version. It changes only when the envelope does: each program inside names
 * its own format version and is migrated on its own.
 */
export const WORKSPACE_FORMAT_VERSION = 1;
export const WORKSPACE_EXTENSION = '.keel-workspace.json';

/** The fields a workspace envelope may have; anything else is refused, as in a program file. */
const ENVELOPE_FIELDS = new Set(['format', 'formatVersion', 'appVersion', 'exportedAt', 'programs']);

export type WorkspaceParseResult = { ok: true; snapshots: ProgramSnapshot[]; exportedAt: string } | { ok: false; error: ImportError };

/** What a file holds once read: one program's file or a workspace, as the programs inside. */
export type AnyKeelParseResult = { ok: true; kind: 'program' | 'workspace'; snapshots: ProgramSnapshot[] } | { ok: false; error: ImportError };

/** Every program as the text of one workspace file, in the order given. */
export function serializeWorkspace(snapshots: readonly ProgramSnapshot[], appVersion: string, exportedAt: Date): string {
  const workspace = {
    format: WORKSPACE_FORMAT_NAME,
    formatVersion: WORKSPACE_FORMAT_VERSION,
    appVersion,
    exportedAt: exportedAt.toISOString(),
    programs: snapshots.map((snapshot) => programFile(snapshot, appVersion, exportedAt)),
  };
  return `${JSON.stringify(workspace, null, 1)}\n`;
}

/** A workspace file's name for a day: "Keel workspace 2026-11-29.keel-workspace.json". */
export function workspaceFileName(day: string): string {
  return `${safeFileStem(`Keel workspace ${day}`)}${WORKSPACE_EXTENSION}`;
}

/** Reads a workspace file; refuses it whole when the envelope or any program in it is broken. */
export function parseWorkspaceFile(text: string, limitBytes = MAX_IMPORT_BYTES): WorkspaceParseResult {
  const json = parseJsonWithinLimit(text, limitBytes);
  if (!json.ok) return json;
  if (!isObject(json.raw) || json.raw.format !== WORKSPACE_FORMAT_NAME) return { ok: false, error: { kind: 'not-keel' } };
  return parseWorkspaceValue(json.raw);
}

/**
 * Reads either kind of Keel file, parsing the JSON once: the home screen's Import, a dropped
 * file and a backup all come through here.
 */
export function parseAnyKeelFile(text: string, limitBytes = MAX_IMPORT_BYTES): AnyKeelParseResult {
  const json = parseJsonWithinLimit(text, limitBytes);
  return json.ok ? parseAnyKeelValue(json.raw) : json;
}

/** Either kind of Keel file from its parsed JSON (the preview of a file opened from the OS reads its envelope too). */
export function parseAnyKeelValue(raw: unknown): AnyKeelParseResult {
  if (isObject(raw) && raw.format === WORKSPACE_FORMAT_NAME) {
    const workspace = parseWorkspaceValue(raw);
    return workspace.ok ? { ok: true, kind: 'workspace', snapshots: workspace.snapshots } : workspace;
  }
  const program = parseKeelValue(raw);
  return program.ok ? { ok: true, kind: 'program', snapshots: [program.snapshot] } : program;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseWorkspaceValue(envelope: Record<string, unknown>): WorkspaceParseResult {
  // Before anything reads a field: a forbidden key or deep nesting anywhere, inside programs too.
  const structure = findStructureProblem(envelope);
  if (structure) return { ok: false, error: structure };
  const version = envelope.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'bad-version', found: version, supportedVersion: WORKSPACE_FORMAT_VERSION } };
  }
  if (version > WORKSPACE_FORMAT_VERSION) {
    const appVersion = typeof envelope.appVersion === 'string' ? { appVersion: envelope.appVersion.slice(0, 50) } : {};
    return { ok: false, error: { kind: 'newer-version', fileVersion: version, supportedVersion: WORKSPACE_FORMAT_VERSION, ...appVersion } };
  }
  const problems = envelopeProblems(envelope);
  if (problems.length) return { ok: false, error: { kind: 'invalid', problems } };
  const programs = envelope.programs as unknown[];
  const snapshots: ProgramSnapshot[] = [];
  for (const [index, program] of programs.entries()) {
    const parsed = parseKeelValue(program);
    if (!parsed.ok) return { ok: false, error: { kind: 'in-program', position: index + 1, name: nameOf(program), error: parsed.error } };
    snapshots.push(parsed.snapshot);
  }
  return { ok: true, snapshots, exportedAt: envelope.exportedAt as string };
}

function envelopeProblems(envelope: Record<string, unknown>): string[] {
  const problems = Object.keys(envelope)
    .filter((key) => !ENVELOPE_FIELDS.has(key))
    .map((key) => `${key}: a field Keel never writes in a workspace file`);
  if (typeof envelope.appVersion !== 'string') problems.push('appVersion: expected text');
  if (typeof envelope.exportedAt !== 'string' || Number.isNaN(Date.parse(envelope.exportedAt))) problems.push('exportedAt: expected a date and time');
  if (!Array.isArray(envelope.programs)) problems.push('programs: expected a list of programs');
  return problems;
}

/** A program's name as written, to name it in a refusal even when the rest of it is broken. */
function nameOf(program: unknown): string | undefined {
  if (!isObject(program) || !isObject(program.program)) return undefined;
  const name = program.program.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}
