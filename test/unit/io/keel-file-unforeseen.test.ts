import { describe, expect, it, vi } from 'vitest';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';

// A failure nobody foresaw (here: a migration step that throws) still reaches the user as a
// sentence: parseKeelFile never throws.
vi.mock('../../../renderer/src/io/migrations', () => ({
  migrateFile: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('parseKeelFile and the unforeseen', () => {
  it('returns a typed error instead of throwing', () => {
    const result = parseKeelFile('{"format":"keel","formatVersion":1}');
    expect(result).toEqual({ ok: false, error: { kind: 'unreadable', detail: 'Maximum call stack size exceeded' } });
    if (!result.ok) {
      expect(describeImportError(result.error, 'plan.keel.json')).toBe(
        'plan.keel.json could not be read as a Keel file (Maximum call stack size exceeded). Nothing was imported and your programs are unchanged.',
      );
    }
  });
});
