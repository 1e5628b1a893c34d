import type { StorageProblem } from '../storage/errors';

/** Why a file could not be imported. Each case becomes a plain sentence in describeImportError. */
export type ImportError =
  | { kind: 'too-large'; sizeBytes: number; limitBytes: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-keel' }
  /** A workspace file (every program) where one program's file was expected. */
  | { kind: 'workspace-file' }
  /** A workspace file that holds no programs: there is nothing to import. */
  | { kind: 'empty-workspace' }
  /** One program inside a workspace file is broken: the whole file is refused. */
  | { kind: 'in-program'; position: number; name?: string; error: ImportError }
  | { kind: 'bad-version'; found: unknown; supportedVersion: number }
  | { kind: 'newer-version'; fileVersion: number; supportedVersion: number; appVersion?: string }
  | { kind: 'forbidden-key'; path: string }
  | { kind: 'too-deep'; limit: number }
  /** labelledVersion: the older format version the file claims, when it claims one. */
  | { kind: 'invalid'; problems: string[]; labelledVersion?: number }
  | { kind: 'unreadable'; detail: string }
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
      // The parser's own words ("Unexpected token 'h'…") mean nothing to the person holding the file.
      return `${fileName} is not a Keel file: it is not valid JSON. It may be damaged or cut off, or another kind of file. ${nothingChanged}`;
    case 'not-keel':
      return `${fileName} is not a Keel file: export one from Keel with "Export" and import that. ${nothingChanged}`;
    case 'workspace-file':
      return `${fileName} is a Keel workspace file (every program in one file): import it with "Import…" on the home screen. ${nothingChanged}`;
    case 'empty-workspace':
      return `${fileName} is a workspace file with no programs in it. Nothing was imported.`;
    case 'in-program':
      // The program's own sentence, naming it and where it sits, so the user can find it.
      return describeImportError(error.error, `Program ${error.position}${error.name ? ` ("${error.name.slice(0, 80)}")` : ''} in ${fileName}`);
    case 'bad-version':
      return typeof error.found === 'number' && Number.isInteger(error.found) && error.found > error.supportedVersion
        ? `${fileName} names format version ${String(error.found)}, which no Keel has written; this Keel reads versions 1 to ${error.supportedVersion}. The file is damaged or was edited by hand. ${nothingChanged}`
        : `${fileName} has an unreadable format version (${String(JSON.stringify(error.found)).slice(0, 40)}). It may be damaged. ${nothingChanged}`;
    case 'newer-version':
      return `${fileName} was made by a newer Keel${error.appVersion ? ` (${error.appVersion})` : ''} in format version ${error.fileVersion}; this Keel reads up to version ${error.supportedVersion}. Update Keel to import it. ${nothingChanged}`;
    case 'forbidden-key':
      return `${fileName} contains a field Keel never writes ("${error.path}"), so it was refused for safety. ${nothingChanged}`;
    case 'too-deep':
      return `${fileName} is not a Keel file: its data is nested deeper than Keel ever writes (more than ${error.limit} levels). ${nothingChanged}`;
    case 'invalid': {
      // A domain rule's sentence ends with a full stop; listed, the list's own punctuation follows.
      const listed = error.problems.slice(0, 3).map((problem) => problem.replace(/\.$/, ''));
      const problems = `${listed.join('; ')}${error.problems.length > 3 ? `; and ${error.problems.length - 3} more` : ''}`;
      return error.labelledVersion === undefined
        ? `${fileName} is damaged or was edited by hand: ${problems}. ${nothingChanged}`
        : `${fileName} says it is format version ${error.labelledVersion}, but its content does not fit: ${problems}. It is damaged or was edited by hand. ${nothingChanged}`;
    }
    case 'unreadable':
      return `${fileName} could not be read as a Keel file (${error.detail.slice(0, 200)}). ${nothingChanged}`;
    case 'storage':
      return `${error.problem.message} ${nothingChanged}`;
  }
}
