// Turns file-system errors into plain sentences with a next step. Pure, unit-tested.

export type FileAction = 'save' | 'open';

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** A message for the user; never a stack trace or a raw system message. */
export function describeFileError(error: unknown, action: FileAction): string {
  const code = errorCode(error);
  const again = action === 'save' ? 'save again' : 'try again';
  switch (code) {
    case 'ENOSPC':
      return `The disk is full; free some space and ${again}.`;
    case 'EDQUOT':
      return `Your disk quota is used up; free some space and ${again}.`;
    case 'EACCES':
    case 'EPERM':
      return action === 'save'
        ? 'Keel is not allowed to write there; choose another folder and save again.'
        : 'Keel is not allowed to read this file; check its permissions or copy it to another folder and try again.';
    case 'EROFS':
      return 'That disk is read-only; choose another folder and save again.';
    case 'ENOENT':
    case 'ENOTDIR':
      return action === 'save'
        ? 'That folder no longer exists; choose another folder and save again.'
        : 'The file no longer exists; it may have been moved or deleted.';
    case 'EISDIR':
      return action === 'save'
        ? 'A folder already has that name; choose another name and save again.'
        : 'That is a folder, not a file; choose a .keel.json file.';
    case 'EBUSY':
    case 'ETXTBSY':
      return `The file is in use by another program; close it there and ${again}.`;
    case 'ENAMETOOLONG':
      return `The file name or folder path is too long; choose a shorter name and ${again}.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open; close some programs and ${again}.`;
    case 'EIO':
      return `The disk reported an error; check that it is connected and ${again}.`;
    default: {
      const suffix = code ? ` (error ${code})` : '';
      return action === 'save'
        ? `The file could not be saved${suffix}; try again or choose another folder.`
        : `The file could not be opened${suffix}; try again or choose another file.`;
    }
  }
}
