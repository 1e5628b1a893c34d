import { describe, expect, it } from 'vitest';
import { describeFileError } from '../../../electron/file-errors.js';

const fsError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: raw system message, open '/home/x/secret'`), { code });

describe('describeFileError', () => {
  it('explains a full disk with a next step', () => {
    expect(describeFileError(fsError('ENOSPC'), 'save')).toBe('The disk is full; free some space and save again.');
  });

  it.each([
    ['EACCES', 'save', /not allowed to write there; choose another folder/],
    ['EPERM', 'open', /not allowed to read this file/],
    ['EROFS', 'save', /read-only; choose another folder/],
    ['ENOENT', 'save', /folder no longer exists/],
    ['ENOENT', 'open', /file no longer exists/],
    ['EISDIR', 'open', /folder, not a file/],
    ['EBUSY', 'save', /in use by another program/],
    ['ENAMETOOLONG', 'save', /too long/],
    ['EMFILE', 'open', /Too many files/],
    ['EIO', 'save', /disk reported an error/],
    ['EDQUOT', 'save', /quota/],
    ['ENOSPC', 'open', /^The disk is full; free some space and try again\.$/],
    ['ENOTDIR', 'save', /^That folder no longer exists; choose another folder and save again\.$/],
    ['ENOTDIR', 'open', /^The file no longer exists/],
    ['EISDIR', 'save', /^A folder already has that name; choose another name and save again\.$/],
    ['ETXTBSY', 'open', /^The file is in use by another program; close it there and try again\.$/],
    ['ENFILE', 'save', /^Too many files are open; close some programs and save again\.$/],
  ] as const)('%s while %s', (code, action, expected) => {
    expect(describeFileError(fsError(code), action)).toMatch(expected);
  });

  it('never leaks the raw message, path or stack', () => {
    for (const code of ['ENOSPC', 'EACCES', 'EWEIRD']) {
      const message = describeFileError(fsError(code), 'save');
      expect(message).not.toMatch(/secret|raw system|\n\s+at /);
      expect(message).toMatch(/^[A-Z].*\.$/); // a plain sentence
    }
  });

  it('falls back to a generic sentence that names an unknown code', () => {
    expect(describeFileError(fsError('EWEIRD'), 'save')).toBe(
      'The file could not be saved (error EWEIRD); try again or choose another folder.',
    );
    expect(describeFileError(new Error('boom'), 'open')).toBe(
      'The file could not be opened; try again or choose another file.',
    );
    expect(describeFileError('not even an error', 'open')).toMatch(/could not be opened/);
    expect(describeFileError({ code: 42 }, 'save')).toMatch(/could not be saved;/);
    expect(describeFileError(null, 'save')).toMatch(/could not be saved;/);
  });
});
