import { describe, expect, it } from 'vitest';
import { describePasteCut, pasteCut } from '../../../renderer/src/ui/paste-limit';

describe('a paste longer than the field allows', () => {
  it('fits: nothing to say', () => {
    expect(pasteCut('abc', 3, 3, 'def', 10, false)).toBeUndefined();
    // Replacing a selection frees its room.
    expect(pasteCut('0123456789', 0, 10, 'abcdefghij', 10, false)).toBeUndefined();
  });

  it('says how much was left out and after which words', () => {
    const cut = pasteCut('Title: ', 7, 7, 'Vendor deprecates the model next quarter', 20, false)!;
    expect(cut).toEqual({ dropped: 27, keptEnd: 'Vendor deprec' });
    expect(describePasteCut(cut, 20)).toBe(
      "The paste was cut to fit this field's limit of 20 characters: it stops after “…Vendor deprec”, and the last 27 characters were left out.",
    );
  });

  it('counts a one-line field without the line breaks the browser drops, and a long text as it is kept', () => {
    expect(pasteCut('', 0, 0, 'ab\r\ncd', 4, false)).toBeUndefined();
    expect(pasteCut('', 0, 0, 'ab\r\ncd', 4, true)).toEqual({ dropped: 1, keptEnd: 'ab\nc' });
  });

  it('a full field keeps nothing of the paste, and says so', () => {
    const cut = pasteCut('full', 4, 4, 'more', 4, false)!;
    expect(cut).toEqual({ dropped: 4, keptEnd: '' });
    expect(describePasteCut(cut, 4)).toMatch(/stops before its first character, and the last 4 characters were left out/);
  });
});
