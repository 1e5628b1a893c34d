import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkId, ownValue } from '../../../renderer/src/domain/ids';
import { addCriterion } from '../../../renderer/src/domain/tradeoffs/edits';
import { newMatrix, type Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { parseKeelFile } from '../../../renderer/src/io/keel-file';
import { describeImportError } from '../../../renderer/src/io/import-errors';

// Ids are looked up in maps or own properties only: an id that names a member every object has
// (toString, __proto__) must never read that member.

const OBJECT_MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('ownValue', () => {
  it('reads own properties only', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    for (const id of OBJECT_MEMBERS) expect(ownValue({ a: 1 }, id)).toBeUndefined();
    expect(ownValue(Object.fromEntries([['toString', 3]]), 'toString')).toBe(3);
  });
});

describe('checkId', () => {
  it('refuses ids that name members every object has, with a sentence', () => {
    for (const id of OBJECT_MEMBERS) expect(checkId(id)).toEqual({ ok: false, message: `"${id}" cannot be an id: every object already has a member of that name.` });
    expect(checkId('5b0f8a3e-2c1d-4e6f-9a7b-1c2d3e4f5a6b')).toEqual({ ok: true, value: '5b0f8a3e-2c1d-4e6f-9a7b-1c2d3e4f5a6b' });
    expect(checkId('to-String')).toMatchObject({ ok: true });
  });

  it('refuses the characters that join two ids into one key (cells, pairwise judgements)', () => {
    expect(checkId('a|b')).toEqual({ ok: false, message: '"a|b" cannot be an id: Keel joins two ids with "|" and ":", so an id never contains them.' });
    expect(checkId('option:1')).toMatchObject({ ok: false });
  });
});

describe('weights keyed by criterion id', () => {
  it('adding a criterion never gives NaN weights when a criterion id names an object member', () => {
    const matrix: Matrix = newMatrix('p1', 'Which retriever?', 1, () => 'm');
    matrix.criteria = [
      { id: 'toString', name: 'Quality', metricId: '', direction: 'benefit' },
      { id: 'q2', name: 'Cost', metricId: '', direction: 'cost' },
    ];
    // The function weighed only q2: its weight of "toString" is missing, not a function.
    matrix.functionWeights = [{ functionId: 'eng', weights: { q2: 2 }, judgements: null }];
    const added = addCriterion(matrix, { id: 'q3', name: 'Speed', metricId: '', direction: 'benefit' }, new Map());
    expect(added.ok && added.value.functionWeights?.[0]?.weights).toEqual({ q2: 2, q3: 1 });
  });
});

describe('a file whose ids name object members', () => {
  const v4 = readFileSync(new URL('../../fixtures/format-v4/support-assistant.keel.json', import.meta.url), 'utf8');

  it('is refused with a sentence naming the id, wherever the id is', () => {
    const file = JSON.parse(v4);
    const criterion = file.data.matrices[0].criteria[0].id as string;
    const layer = file.data.layers[0].id as string;
    for (const [old, id] of [[criterion, 'toString'], [layer, '__proto__'], [file.program.id as string, 'constructor']] as const) {
      const result = parseKeelFile(v4.split(old).join(id));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(describeImportError(result.error)).toContain(`"${id}" cannot be an id`);
    }
  });
});
