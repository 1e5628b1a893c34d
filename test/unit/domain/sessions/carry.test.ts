import { describe, expect, it } from 'vitest';
import { carriedFromWords, carriedTo, carryOffer, copiedAgenda, lastClosedSession, lastSession, plannedAgenda, sessionLabel, whereCarried } from '../../../../renderer/src/domain/sessions/carry';
import { sessionsInOrder } from '../../../../renderer/src/domain/sessions/list';
import { newBlock } from '../../../../renderer/src/domain/sessions/edits';
import { UNSTARTED } from '../../../../renderer/src/domain/sessions/timer';
import { closedSession, makeBlock, makeSession, ranBlock } from './factories';

let n = 0;
const ids = () => `new-${++n}`;

describe('carrying unfinished blocks to the next session', () => {
  const done = ranBlock(1_000, 10, 'done', { title: 'Intro' });
  const skipped = ranBlock(2_000, 1, 'skipped', { title: 'Metrics' });
  const never = makeBlock({ title: 'Roadmap', notes: 'Bring the forecast', outputs: 'Ranges' });
  const held = closedSession([done, skipped, never], { title: 'Kick-off', date: '2026-11-12', endedAt: 50_000 });

  it('offers the last closed session’s unfinished blocks (skipped or never started), in agenda order', () => {
    const older = closedSession([makeBlock()], { endedAt: 10_000 });
    const planned = makeSession();
    expect(lastClosedSession([older, held, planned])).toBe(held);
    expect(carryOffer([older, held, planned])).toEqual({ from: held, blocks: [skipped, never] });
    expect(carryOffer([planned])).toBeUndefined();
    expect(carryOffer([closedSession([done])])).toBeUndefined();
  });

  it('copies them with fresh timers and a note of where they came from', () => {
    const [a, b] = plannedAgenda({ from: held, blocks: [skipped, never] }, [], ids);
    expect(a).toEqual({ ...skipped, id: a!.id, ...UNSTARTED, carriedFrom: { sessionId: held.id, blockId: skipped.id } });
    expect(b).toMatchObject({ title: 'Roadmap', notes: 'Bring the forecast', outputs: 'Ranges', startedAt: null, carriedFrom: { sessionId: held.id, blockId: never.id } });
  });

  it('puts carried blocks first, then the rest of the agenda', () => {
    const rest = [makeBlock({ title: 'Since last session' })];
    expect(plannedAgenda({ from: held, blocks: [never] }, rest, ids).map((b) => b.title)).toEqual(['Roadmap', 'Since last session']);
    expect(plannedAgenda(undefined, rest, ids)).toEqual(rest);
  });

  it('a block once carried is not offered again, and the closed session can say where each went', () => {
    const next = makeSession({ title: 'Follow-up', blocks: plannedAgenda({ from: held, blocks: [never] }, [], ids) });
    const all = [held, next];
    expect(carriedTo(all, held.id, never.id)).toEqual([next]);
    expect(carriedTo(all, held.id, skipped.id)).toEqual([]);
    expect(carriedTo(all, held.id, done.id)).toEqual([]);
    expect(carryOffer(all)).toEqual({ from: held, blocks: [skipped] });
    expect(carriedFromWords(all, next.blocks[0]!)).toBe('carried from Nov 12 · Kick-off');
    expect(carriedFromWords([next], next.blocks[0]!)).toBe('carried from an earlier session');
    expect(carriedFromWords(all, never)).toBeUndefined();
    expect(whereCarried(all, held)).toEqual([
      { block: skipped, to: [] },
      { block: never, to: [next] },
    ]);
  });

  it('copies the last agenda fresh, leaving out the blocks being carried from it', () => {
    const copy = copiedAgenda(held, new Set([never.id]), ids);
    expect(copy.map((b) => b.title)).toEqual(['Intro', 'Metrics']);
    expect(copy.every((b) => b.startedAt === null && b.endedAt === null && b.outcome === null && b.carriedFrom === null)).toBe(true);
    expect(copy.map((b) => b.id)).not.toContain(done.id);
  });

  it('names a session by its day and title, or its title alone', () => {
    expect(sessionLabel(held)).toBe('Nov 12 · Kick-off');
    expect(sessionLabel({ title: 'Ad hoc', date: '' })).toBe('Ad hoc');
  });

  it('the last session is the last one held; one only planned stands in while none was held', () => {
    const a = makeSession({ createdAt: 1 });
    const b = makeSession({ createdAt: 3 });
    const c = makeSession({ createdAt: 2, status: 'closed' });
    expect(lastSession([a, b, c])).toBe(c);
    expect(lastSession([a, b, c], c.id)).toBe(b);
    expect(lastSession([a, b])).toBe(b);
    expect(lastSession([])).toBeUndefined();
  });

  it('a new agenda opens with "since last session", then the carried blocks, and plans no second copy of a carried block', () => {
    const from = makeSession({ status: 'closed', blocks: [newBlock({ title: 'Retro', plannedMinutes: 5, method: 'retro' }), newBlock({ title: 'Map', plannedMinutes: 20, method: 'uncertainty' })] });
    const rest = [
      newBlock({ title: 'Since last session', plannedMinutes: 15, method: 'since-last' }),
      newBlock({ title: 'Roadmap review', plannedMinutes: 25, method: 'roadmap' }),
      newBlock({ title: 'Retro', plannedMinutes: 5, method: 'retro' }),
    ];
    const agenda = plannedAgenda({ from, blocks: from.blocks }, rest);
    expect(agenda.map((b) => [b.title, b.carriedFrom !== null])).toEqual([
      ['Since last session', false],
      ['Retro', true],
      ['Map', true],
      ['Roadmap review', false],
    ]);
  });
});

describe('the sessions list', () => {
  it('shows the running one, then upcoming by date (undated last), then those held, newest first', () => {
    const later = makeSession({ title: 'Later', date: '2026-12-01' });
    const undated = makeSession({ title: 'Undated' });
    const soon = makeSession({ title: 'Soon', date: '2026-11-20' });
    const running = makeSession({ title: 'Now', date: '2026-11-30', status: 'running', startedAt: 1 });
    const old = closedSession([], { title: 'Old', endedAt: 100 });
    const recent = closedSession([], { title: 'Recent', endedAt: 200 });
    const { upcoming, closed } = sessionsInOrder([later, old, undated, soon, recent, running]);
    expect(upcoming.map((s) => s.title)).toEqual(['Now', 'Soon', 'Later', 'Undated']);
    expect(closed.map((s) => s.title)).toEqual(['Recent', 'Old']);
  });
});
