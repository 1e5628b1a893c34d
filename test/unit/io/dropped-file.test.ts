import { describe, expect, it } from 'vitest';
import { droppedSummary, MAX_DROPPED_FILES, tooManyDropped } from '../../../renderer/src/io/dropped-file';

describe('droppedSummary', () => {
  it('says all were imported', () => {
    expect(droppedSummary([{ fileName: 'a', ok: true }, { fileName: 'b', ok: true }])).toEqual({ message: 'Imported all 2 dropped files.', ok: true });
  });

  it('names the files that were not imported', () => {
    expect(droppedSummary([{ fileName: 'a.keel.json', ok: true }, { fileName: 'notes.txt', ok: false }, { fileName: 'b.keel.json', ok: true }])).toEqual({
      message: 'Imported 2 of 3 dropped files. Not imported: notes.txt.',
      ok: false,
    });
  });

  it('says when none was imported, and shortens a long list', () => {
    const results = ['1', '2', '3', '4', '5'].map((fileName) => ({ fileName, ok: false }));
    expect(droppedSummary(results).message).toBe("None of the 5 dropped files was imported (1, 2, 3 and 2 more): each one's reason is above.");
  });
});

it('refuses a drop of too many files in a sentence with the limit', () => {
  expect(tooManyDropped(MAX_DROPPED_FILES + 5)).toBe(`Drop at most ${MAX_DROPPED_FILES} files at once; that drop held ${MAX_DROPPED_FILES + 5}. Nothing was imported and your programs are unchanged.`);
});
