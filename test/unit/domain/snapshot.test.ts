import { describe, expect, it } from 'vitest';
import { reidentify, type ProgramSnapshot } from '../../../renderer/src/domain/snapshot';
import { makeProgram } from '../factories';

describe('reidentify', () => {
  it('gives every record a new id and rewrites references between them', () => {
    const program = makeProgram({ id: 'p-old' });
    const snapshot: ProgramSnapshot = {
      program,
      owned: {
        items: [
          { id: 'i1', programId: 'p-old', title: 'Users trust answers', links: ['i2'] },
          { id: 'i2', programId: 'p-old', title: 'p-old is not a reference here', parent: { id: 'i1' } },
        ],
      },
    };
    let n = 0;
    const copy = reidentify(snapshot, () => `new-${++n}`);
    expect(copy.program.id).toBe('new-1');
    expect(copy.owned.items).toEqual([
      { id: 'new-2', programId: 'new-1', title: 'Users trust answers', links: ['new-3'] },
      // Only whole strings equal to an id are references; text containing one is left alone.
      { id: 'new-3', programId: 'new-1', title: 'p-old is not a reference here', parent: { id: 'new-2' } },
    ]);
    expect(snapshot.program.id).toBe('p-old');
  });
});
