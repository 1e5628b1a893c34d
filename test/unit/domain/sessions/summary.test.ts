import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../../renderer/src/domain/sessions/diff';
import { newBlock, newSession } from '../../../../renderer/src/domain/sessions/edits';
import type { Capture, Session, VoteRound } from '../../../../renderer/src/domain/sessions/model';
import { heldAgainstPlanned, summarize } from '../../../../renderer/src/domain/sessions/summary';
import { endSession, finishBlock, startBlock } from '../../../../renderer/src/domain/sessions/timer';
import { emptyState, stateRow } from './state-factory';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 12, 9, 0);

/** A session of three blocks, held: the first for 25 minutes, the second skipped after 5, the third never reached. */
function heldSession(): Session {
  let session = newSession(
    'p1',
    {
      title: 'Re-planning',
      plannedMinutes: 60,
      blocks: [
        newBlock({ title: 'Since last session', plannedMinutes: 20, method: 'since-last' }),
        newBlock({ title: 'Review the map', plannedMinutes: 20, method: 'uncertainty' }),
        newBlock({ title: 'Retro', plannedMinutes: 10, method: 'retro' }),
      ],
    },
    T0,
  );
  session = startBlock(session, session.blocks[0]!.id, T0);
  session = finishBlock(session, 'done', T0 + 25 * MIN);
  session = finishBlock(session, 'skipped', T0 + 30 * MIN);
  // The third block started by itself; the room ends the session before it really began.
  return endSession({ ...session, blocks: session.blocks.map((b, i) => (i === 2 ? { ...b, startedAt: null, endedAt: null, outcome: null } : b)), currentBlockId: '' }, T0 + 31 * MIN);
}

function capture(kind: Capture['kind'], text: string, at: number): Capture {
  return { id: `c-${text}`, programId: 'p1', sessionId: 's', blockId: '', kind, recordId: kind === 'note' ? '' : `r-${text}`, text, done: false, at };
}

describe('summarize', () => {
  it('sets the agenda as planned against the minutes each block ran, and what carries over', () => {
    const summary = summarize(heldSession(), [], [], []);
    expect(summary.blocks.map((b) => [b.title, b.method, b.plannedMinutes, b.actualMinutes, b.result])).toEqual([
      ['Since last session', 'Since last session', 20, 25, 'done'],
      ['Review the map', 'Review uncertainties', 20, 5, 'skipped'],
      ['Retro', 'Retro', 10, null, 'not-reached'],
    ]);
    expect(summary.plannedMinutes).toBe(50);
    // 25 + 5, and nothing for the block never reached.
    expect(summary.heldMinutes).toBe(30);
    expect(heldAgainstPlanned(summary)).toBe("31 min of the 60 min planned for the session (the agenda's blocks add up to 50 min)");
    expect(heldAgainstPlanned({ ...summary, plannedMinutes: 60 })).toBe('31 min of the 60 min planned for the session');
    expect(summary.sessionPlannedMinutes).toBe(60);
    expect(summary.sessionMinutes).toBe(31);
    expect(summary.carried.map((b) => b.title)).toEqual(['Review the map', 'Retro']);
  });

  it('groups captures by kind in the capture bar’s order', () => {
    const captures = [capture('action', 'Book the site', T0 + 2 * MIN), capture('uncertainty', 'Labels are noisy', T0 + MIN), capture('action', 'Call vendor', T0 + 3 * MIN), capture('note', 'Ask legal', T0 + 4 * MIN)];
    const summary = summarize(heldSession(), captures, [], []);
    expect(summary.captures.map((g) => [g.label, g.captures.map((c) => c.text)])).toEqual([
      ['Uncertainty', ['Labels are noisy']],
      ['Action', ['Book the site', 'Call vendor']],
      ['Note', ['Ask legal']],
    ]);
  });

  it('tells decisions apart from the other changes the session made', () => {
    const before = emptyState({ matrices: [stateRow.matrix({ id: 'x1', question: 'Build or buy?' })], uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 2 })] });
    const after = emptyState({
      matrices: [stateRow.matrix({ id: 'x1', question: 'Build or buy?', decided: 'Buy' })],
      uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4 })],
      decisions: [stateRow.decision({ id: 'd1', number: 3, title: 'Buy the vendor model' })],
    });
    const summary = summarize(heldSession(), [], [], diffStates(before, after));
    expect(summary.decided.map((c) => `${c.title}: ${c.sentence}`)).toEqual(['Build or buy?: decided for "Buy"', 'ADR-0003 Buy the vendor model: added']);
    expect(summary.changed.map((c) => c.title)).toEqual(['Item u1']);
  });

  it('says the whole session in one line', () => {
    const votes = [{ id: 'v1', title: 'What to test first' } as VoteRound];
    const summary = summarize(heldSession(), [capture('note', 'Ask legal', T0)], votes, diffStates(emptyState(), emptyState({ actions: [stateRow.action({ id: 'a1' })] })));
    expect(summary.headline).toBe('1 of 3 blocks done, 2 to carry over; 1 capture; 0 decisions; 1 other change; 1 vote');
  });

  it('names the session a carried block came from', () => {
    const session = heldSession();
    session.blocks[0] = { ...session.blocks[0]!, carriedFrom: { sessionId: 'kick-off', blockId: 'b' } };
    const summary = summarize(session, [], [], [], (id) => (id === 'kick-off' ? 'Kick-off' : undefined));
    expect(summary.blocks.map((b) => b.carriedFrom)).toEqual(['Kick-off', '', '']);
  });
});
