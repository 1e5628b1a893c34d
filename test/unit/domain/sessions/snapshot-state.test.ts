import { describe, expect, it } from 'vitest';
import { LESSON_KEPT, programState } from '../../../../renderer/src/domain/sessions/snapshot';
import type { OwnedRow } from '../../../../renderer/src/domain/snapshot';
import { makeProgram } from '../../factories';

describe('programState', () => {
  it('keeps the number of evidence entries and the start of the latest lesson by date, not a whole page of it', () => {
    const lesson = 'Agents accepted the suggestion in most tickets. '.repeat(20);
    const item = {
      id: 'i1',
      programId: 'p1',
      title: 'Agents trust suggested replies',
      evidence: [
        { id: 'e2', date: '2026-11-20', learned: lesson, source: '', effect: '' },
        { id: 'e1', date: '2026-10-01', learned: 'Early pilot', source: '', effect: '' },
      ],
    };
    const state = programState({ program: makeProgram({ id: 'p1' }), owned: { uncertaintyItems: [item as unknown as OwnedRow] } });
    expect(state.uncertainty[0]).toMatchObject({ evidence: 2, lastEvidence: lesson.slice(0, LESSON_KEPT) });
  });
});
