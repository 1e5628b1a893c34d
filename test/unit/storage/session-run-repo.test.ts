import { beforeEach, describe, expect, it } from 'vitest';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import { blockRemainingMs, blocksToCarry, currentBlock } from '../../../renderer/src/domain/sessions/timer';
import { InvalidInputError } from '../../../renderer/src/storage/errors';
import { SessionRunRepository } from '../../../renderer/src/storage/session-run-repo';
import { freshStore } from '../factories';

const MIN = 60_000;
let store: Awaited<ReturnType<typeof freshStore>>;
let repo: SessionRunRepository;
let programId: string;
let session: Session;

beforeEach(async () => {
  store = await freshStore();
  repo = new SessionRunRepository(store.editor, store.clock.now);
  programId = (await store.programs.create({ name: 'Run' })).id;
  const blocks = [
    newBlock({ title: 'Review risks', plannedMinutes: 10, method: 'uncertainty' }),
    newBlock({ title: 'Decide', plannedMinutes: 20, method: 'tradeoff' }),
    newBlock({ title: 'Retro', plannedMinutes: 15, method: 'retro' }),
  ];
  session = newSession(programId, { title: 'Kick-off', plannedMinutes: 60, blocks }, store.clock.now());
  await store.db.sessions.add(session);
});

const stored = async () => (await store.db.sessions.get(session.id))!;
const snapshots = () => store.db.snapshots.where({ sessionId: session.id }).toArray();

describe('SessionRunRepository', () => {
  it('starts a session in one undoable edit: the first block runs and the start snapshot is kept', async () => {
    const started = await repo.start(session.id);
    expect(started).toMatchObject({ status: 'running', currentBlockId: session.blocks[0]!.id, startedAt: store.clock.now() });
    const [kept] = await snapshots();
    expect(kept).toMatchObject({ moment: 'start', id: started.startSnapshotId });
    expect(kept!.state.layers.length).toBeGreaterThan(0);
    await expect(repo.start(session.id)).rejects.toThrow('This session is already running.');
    expect(await store.editor.undo()).toBe('Start session "Kick-off"');
    expect(await stored()).toMatchObject({ status: 'planned', currentBlockId: '', startSnapshotId: '', startedAt: null });
    expect(await snapshots()).toEqual([]);
  });

  it('keeps only moments: pause, resume and +5 each one undo step, the time worked out from them', async () => {
    await repo.start(session.id);
    store.clock.advance(2 * MIN);
    await repo.pause(session.id);
    store.clock.advance(3 * MIN);
    await repo.resume(session.id);
    await repo.extend(session.id, 5);
    store.clock.advance(MIN);
    const block = currentBlock(await stored())!;
    expect(block).toMatchObject({ pausedMs: 3 * MIN, extraMinutes: 5, pausedAt: null });
    expect(blockRemainingMs(block, store.clock.now())).toBe(12 * MIN);
    expect(await store.editor.undo()).toBe('Add 5 min to "Review risks"');
    expect(currentBlock(await stored())!.extraMinutes).toBe(0);
    expect(await store.editor.undo()).toBe('Resume "Review risks"');
    expect(currentBlock(await stored())!.pausedAt).not.toBeNull();
  });

  it('skip and next end the block and start the next at once; goTo jumps', async () => {
    await repo.start(session.id);
    store.clock.advance(MIN);
    await repo.finish(session.id, 'skipped');
    let now = await stored();
    expect(now.blocks[0]!.outcome).toBe('skipped');
    expect(now.currentBlockId).toBe(session.blocks[1]!.id);
    await repo.finish(session.id, 'done');
    now = await stored();
    expect(now.blocks[1]!.outcome).toBe('done');
    expect(now.currentBlockId).toBe(session.blocks[2]!.id);
    expect(await store.editor.undo()).toBe('Finish "Decide"');
    await repo.goTo(session.id, session.blocks[2]!.id);
    expect((await stored()).currentBlockId).toBe(session.blocks[2]!.id);
    await expect(repo.goTo(session.id, 'gone')).rejects.toThrow(InvalidInputError);
  });

  it('ends the session closing the current block, keeping the end snapshot; unfinished blocks carry over; one undo reopens it', async () => {
    await repo.start(session.id);
    await repo.finish(session.id, 'done');
    store.clock.advance(5 * MIN);
    const ended = await repo.end(session.id);
    expect(ended).toMatchObject({ status: 'closed', currentBlockId: '', endedAt: store.clock.now() });
    expect(ended.blocks.map((b) => b.outcome)).toEqual(['done', 'done', null]);
    expect(blocksToCarry(ended).map((b) => b.title)).toEqual(['Retro']);
    expect((await snapshots()).map((s) => s.moment).sort()).toEqual(['end', 'start']);
    expect(ended.endSnapshotId).toBe((await snapshots()).find((s) => s.moment === 'end')!.id);
    await expect(repo.pause(session.id)).rejects.toThrow('This session has ended.');
    expect(await store.editor.undo()).toBe('End session "Kick-off"');
    expect(await stored()).toMatchObject({ status: 'running', endSnapshotId: '', currentBlockId: session.blocks[1]!.id });
    expect((await snapshots()).map((s) => s.moment)).toEqual(['start']);
  });

  it('captures a record in its area and the capture row in one edit; one undo removes both', async () => {
    await repo.start(session.id);
    const item = await repo.capture(session.id, 'uncertainty', 'Users may not trust the bot');
    expect(item.capture).toMatchObject({ kind: 'uncertainty', blockId: session.blocks[0]!.id, recordId: item.record!.row.id, text: 'Users may not trust the bot' });
    expect(await store.db.uncertaintyItems.get(item.record!.row.id)).toMatchObject({ status: 'open', kind: 'unknown', impact: 3, uncertainty: 3 });
    const decision = await repo.capture(session.id, 'decision', 'Pilot in one region');
    expect(await store.db.decisions.get(decision.capture.recordId)).toMatchObject({ status: 'draft', number: 1 });
    const scope = await repo.capture(session.id, 'scope', 'Drop SMS');
    expect(await store.db.scopeChanges.get(scope.capture.recordId)).toMatchObject({ decision: 'pending' });
    const action = await repo.capture(session.id, 'action', 'Ask legal');
    expect(await store.db.actions.get(action.capture.recordId)).toMatchObject({ status: 'open', title: 'Ask legal' });
    const note = await repo.capture(session.id, 'parking', 'Pricing model');
    expect(note.record).toBeNull();
    expect(note.capture.recordId).toBe('');
    expect(await store.db.captures.where({ sessionId: session.id }).count()).toBe(5);

    await repo.setCaptureDone(note.capture.id, true);
    expect((await store.db.captures.get(note.capture.id))!.done).toBe(true);
    await store.editor.undo();
    await store.editor.undo();
    await store.editor.undo();
    expect(await store.db.actions.get(action.capture.recordId)).toBeUndefined();
    expect(await store.db.captures.get(action.capture.id)).toBeUndefined();
    expect(await store.db.captures.get(scope.capture.id)).toBeDefined();
  });

  it('refuses a capture the area would refuse, and writes nothing', async () => {
    await repo.start(session.id);
    await expect(repo.capture(session.id, 'action', '   ')).rejects.toThrow('Say what is to be done.');
    expect(await store.db.captures.count()).toBe(0);
    await store.db.layers.where({ programId }).delete();
    await expect(repo.capture(session.id, 'uncertainty', 'Latency')).rejects.toThrow(/no layer/);
    expect(await store.db.captures.count()).toBe(0);
  });
});
