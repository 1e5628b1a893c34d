import type { StorageProblem } from '../storage/errors';

/** Why a file could not be imported. Each case becomes a plain sentence in describeImportError. */
export type ImportError =
  | { kind: 'too-large'; sizeBytes: number; limitBytes: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-keel' }
  | { kind: 'bad-version'; found: unknown }
  | { kind: 'newer-version'; fileVersion: number; supportedVersion: number; appVersion?: string }
  | { kind: 'forbidden-key'; path: string }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'storage'; problem: StorageProblem };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function describeImportError(error: ImportError, fileName = 'The file'): string {
  const nothingChanged = 'Nothing was imported and your programs are unchanged.';
  switch (error.kind) {
    case 'too-large':
      return `${fileName} is ${megabytes(error.sizeBytes)}, more than the ${megabytes(error.limitBytes)} Keel can import. ${nothingChanged}`;
    case 'not-json':
      return `${fileName} is not a Keel file: it is not valid JSON (${error.detail}). It may be damaged or incomplete. ${nothingChanged}`;
    case 'not-keel':
      return `${fileName} is not a Keel file: export one from Keel with "Export" and import that. ${nothingChanged}`;
    case 'bad-version':
      return `${fileName} has an unreadable format version (${JSON.stringify(error.found)}). It may be damaged. ${nothingChanged}`;
    case 'newer-version':
      return `${fileName} was made by a newer Keel${error.appVersion ? ` (${error.appVersion})` : ''} in format version ${error.fileVersion}; this Keel reads up to version ${error.supportedVersion}. Update Keel to import it. ${nothingChanged}`;
    case 'forbidden-key':
      return `${fileName} contains a field Keel never writes ("${error.path}"), so it was refused for safety. ${nothingChanged}`;
    case 'invalid':
      return `${fileName} is damaged or was edited by hand: ${error.problems.slice(0, 3).join('; ')}${error.problems.length > 3 ? `; and ${error.problems.length - 3} more` : ''}. ${nothingChanged}`;
    case 'storage':
      return `${error.problem.message} ${nothingChanged}`;
  }
}
