import { describe, expect, it } from 'vitest';
import {
  addBlock,
  addParticipant,
  agendaAgainstPlan,
  agendaMinutes,
  checkBlockPatch,
  checkParticipantPatch,
  checkSessionPatch,
  moveBlock,
  removeBlock,
  updateBlock,
} from '../../../../renderer/src/domain/sessions/edits';
import type { Check } from '../../../../renderer/src/domain/check';
import { BLOCKS_MAX, PARTICIPANTS_MAX } from '../../../../renderer/src/domain/sessions/model';
import { makeBlock, makeSession, ranBlock } from './factories';

const ids = (check: Check<{ id: string }[]>) => (check.ok ? check.value.map((b) => b.id) : check.message);

describe('a session’s details', () => {
  it('cleans what is stored and refuses what may not be', () => {
    expect(checkSessionPatch({ title: '  Kick-off \n', place: ' Room 4 ', facilitator: 'Ana  B' })).toEqual({
      ok: true,
      value: { title: 'Kick-off', place: 'Room 4', facilitator: 'Ana B' },
    });
    expect(checkSessionPatch({ title: ' ' })).toEqual({ ok: false, message: 'Give the session a title.' });
    expect(checkSessionPatch({ date: '2026-02-30' }).ok).toBe(false);
    expect(checkSessionPatch({ date: '' }).ok).toBe(true);
    expect(checkSessionPatch({ plannedMinutes: 0 }).ok).toBe(false);
    expect(checkSessionPatch({ plannedMinutes: 12.5 }).ok).toBe(false);
    expect(checkSessionPatch({ plannedMinutes: 600 }).ok).toBe(true);
    expect(checkSessionPatch({ goals: 'x'.repeat(5001) }).ok).toBe(false);
  });

  it('a participant has a name; the function is free text', () => {
    expect(checkParticipantPatch({ name: ' Ana ', function: ' Legal ' })).toEqual({ ok: true, value: { name: 'Ana', function: 'Legal' } });
    expect(checkParticipantPatch({ name: '' })).toEqual({ ok: false, message: 'Give the participant a name.' });
    expect(checkParticipantPatch({ function: '' }).ok).toBe(true);
  });

  it('a session has at most so many participants', () => {
    const person = { id: 'x', name: 'X', function: '' };
    const full = makeSession({ participants: Array.from({ length: PARTICIPANTS_MAX }, (_, i) => ({ ...person, id: `p${i}` })) });
    expect(addParticipant(full, person).ok).toBe(false);
    expect(addParticipant(makeSession(), person)).toEqual({ ok: true, value: [person] });
  });
});

describe('the agenda', () => {
  it('a block takes any whole number of minutes from 1 to a day', () => {
    for (const minutes of [1, 9, 10, 45, 240, 1440]) expect(checkBlockPatch({ plannedMinutes: minutes }).ok).toBe(true);
    for (const minutes of [0, -5, 1441, 2.5, Number.NaN]) expect(checkBlockPatch({ plannedMinutes: minutes }).ok).toBe(false);
    expect(checkBlockPatch({ method: 'dance' as never }).ok).toBe(false);
    expect(checkBlockPatch({ title: '' })).toEqual({ ok: false, message: 'Give the block a title.' });
  });

  it('adds at the end, up to the most an agenda holds, and never to a closed session', () => {
    const a = makeBlock();
    const b = makeBlock();
    expect(ids(addBlock(makeSession({ blocks: [a] }), b))).toEqual([a.id, b.id]);
    expect(addBlock(makeSession({ blocks: Array.from({ length: BLOCKS_MAX }, () => makeBlock()) }), b).ok).toBe(false);
    expect(addBlock(makeSession({ status: 'closed' }), b)).toEqual({ ok: false, message: 'This session is closed: its agenda is kept as it was run.' });
  });

  it('moves a block to any place, kept within the agenda, without touching its timer', () => {
    const [a, b, c] = [makeBlock(), ranBlock(1_000, 5), makeBlock()];
    const session = makeSession({ blocks: [a, b, c], status: 'running' });
    expect(ids(moveBlock(session, c.id, 0))).toEqual([c.id, a.id, b.id]);
    expect(ids(moveBlock(session, a.id, 1))).toEqual([b.id, a.id, c.id]);
    expect(ids(moveBlock(session, a.id, 99))).toEqual([b.id, c.id, a.id]);
    expect(ids(moveBlock(session, c.id, -3))).toEqual([c.id, a.id, b.id]);
    expect(ids(moveBlock(session, b.id, 1))).toEqual([a.id, b.id, c.id]);
    const moved = moveBlock(session, b.id, 2);
    expect(moved.ok && moved.value[2]).toEqual(b);
    expect(moveBlock(session, 'gone', 0).ok).toBe(false);
  });

  it('removes only blocks that have not started', () => {
    const waiting = makeBlock();
    const running = makeBlock({ title: 'Map', startedAt: 5 });
    const ended = ranBlock(1, 3, 'skipped', { title: 'Intro' });
    const session = makeSession({ status: 'running', blocks: [ended, running, waiting], currentBlockId: running.id });
    expect(ids(removeBlock(session, waiting.id))).toEqual([ended.id, running.id]);
    expect(removeBlock(session, running.id)).toEqual({ ok: false, message: '"Map" has started: only blocks not yet started can be removed.' });
    expect(removeBlock(session, ended.id)).toEqual({ ok: false, message: '"Intro" has ended: only blocks not yet started can be removed.' });
  });

  it('an ended block keeps its planned minutes and method; its title and notes may still be put right', () => {
    const ended = ranBlock(1, 12, 'done', { plannedMinutes: 10, method: 'uncertainty' });
    const session = makeSession({ status: 'running', blocks: [ended] });
    expect(updateBlock(session, ended.id, { plannedMinutes: 15 }).ok).toBe(false);
    expect(updateBlock(session, ended.id, { method: 'free' }).ok).toBe(false);
    expect(updateBlock(session, ended.id, { plannedMinutes: 10, title: 'Map the risks' }).ok).toBe(true);
    const noted = updateBlock(session, ended.id, { notes: 'Ran over: too many items.' });
    expect(noted.ok && noted.value[0]).toEqual({ ...ended, notes: 'Ran over: too many items.' });
  });

  it('a running block’s minutes may change (the timer works them out again), and a trade-off block alone names a matrix', () => {
    const running = makeBlock({ startedAt: 5, method: 'tradeoff', matrixId: 'm1' });
    const session = makeSession({ status: 'running', blocks: [running] });
    const longer = updateBlock(session, running.id, { plannedMinutes: 40 });
    expect(longer.ok && longer.value[0]).toEqual({ ...running, plannedMinutes: 40 });
    const other = updateBlock(session, running.id, { method: 'retro' });
    expect(other.ok && other.value[0]).toMatchObject({ method: 'retro', matrixId: '' });
    const free = makeBlock({ method: 'free' });
    const stray = updateBlock(makeSession({ blocks: [free] }), free.id, { matrixId: 'm1' });
    expect(stray.ok && stray.value[0]!.matrixId).toBe('');
    expect(updateBlock(makeSession({ status: 'closed', blocks: [free] }), free.id, { title: 'x' }).ok).toBe(false);
  });

  it('totals the agenda against the session’s planned length', () => {
    const blocks = [makeBlock({ plannedMinutes: 50 }), makeBlock({ plannedMinutes: 45 })];
    expect(agendaMinutes(blocks)).toBe(95);
    expect(agendaAgainstPlan({ blocks, plannedMinutes: 90 })).toEqual({ words: 'Agenda 95 min of 90 planned: 5 min over', over: 5 });
    expect(agendaAgainstPlan({ blocks, plannedMinutes: 120 })).toEqual({ words: 'Agenda 95 min of 120 planned: 25 min to spare', over: -25 });
    expect(agendaAgainstPlan({ blocks, plannedMinutes: 95 }).words).toBe('Agenda 95 min of 95 planned: it fits exactly');
    expect(agendaAgainstPlan({ blocks: [], plannedMinutes: 60 }).words).toBe('Agenda 0 min of 60 planned: 60 min to spare');
  });
});
