import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import { newBlock, newSession } from '../../../renderer/src/domain/sessions/edits';
import type { Session } from '../../../renderer/src/domain/sessions/model';
import type { SessionSnapshot } from '../../../renderer/src/domain/sessions/snapshot';
import { endSession, startBlock } from '../../../renderer/src/domain/sessions/timer';
import { readProgramState } from '../../../renderer/src/storage/session-snapshots';
import { UncertaintyRepository } from '../../../renderer/src/storage/uncertainty-repo';
import { lastClosedSession } from '../../../renderer/src/domain/sessions/carry';
import { MapTrailsState, SessionReviewState, SinceLastState } from '../../../renderer/src/state/session-review.svelte';
import type { Services } from '../../../renderer/src/state/services';
import { mounted, until, withProgram } from './harness.svelte';

let services: Services;
let program: Program;
const destroyers: (() => void)[] = [];

function mount<T>(make: () => T): T {
  const { value, destroy } = mounted(make);
  destroyers.push(destroy);
  return value;
}

beforeEach(async () => {
  ({ services, program } = await withProgram());
});

afterEach(() => {
  for (const destroy of destroyers.splice(0)) destroy();
  services.db.close();
});

/** A snapshot of the program now, as a session keeps it (the Run part keeps them in its edits). */
async function snapshotNow(session: Session, moment: SessionSnapshot['moment'], at: number): Promise<SessionSnapshot> {
  const snapshot: SessionSnapshot = { id: crypto.randomUUID(), programId: program.id, sessionId: session.id, moment, at, state: await readProgramState(services.db, program.id) };
  await services.db.snapshots.add(snapshot);
  return snapshot;
}

/** Holds a session: keeps its start snapshot, runs `during`, then closes it keeping the end snapshot. */
async function holdSession(title: string, startedAt: number, during: () => Promise<void> = async () => {}): Promise<Session> {
  let session = newSession(program.id, { title, blocks: [newBlock({ title: 'Review', plannedMinutes: 30, method: 'uncertainty' })] }, startedAt);
  session = startBlock(session, session.blocks[0]!.id, startedAt);
  session = { ...session, startSnapshotId: (await snapshotNow(session, 'start', startedAt)).id };
  await services.db.sessions.add(session);
  await during();
  const endedAt = startedAt + 30 * 60_000;
  session = { ...endSession(session, endedAt), endSnapshotId: (await snapshotNow(session, 'end', endedAt)).id };
  await services.db.sessions.put(session);
  return session;
}

async function layerId(): Promise<string> {
  return (await services.db.layers.where({ programId: program.id }).first())!.id;
}

describe('lastClosedSession', () => {
  it('takes the latest closed session that ended before the given one started, never the session itself', async () => {
    const first = await holdSession('First', Date.UTC(2026, 9, 1));
    const second = await holdSession('Second', Date.UTC(2026, 10, 1));
    const running = { ...newSession(program.id, { title: 'Third' }, 0), status: 'running' as const, startedAt: Date.UTC(2026, 10, 20) };
    expect(lastClosedSession([first, second, running])?.title).toBe('Second');
    expect(lastClosedSession([first, second, running], running)?.title).toBe('Second');
    expect(lastClosedSession([first, second], second)?.title).toBe('First');
    expect(lastClosedSession([first], first)).toBeUndefined();
  });
});

describe('SinceLastState', () => {
  it('says there is no closed session yet', async () => {
    const since = mount(() => new SinceLastState(() => program, () => undefined, services));
    await until(() => since.loaded);
    expect(since.last).toBeUndefined();
    expect(since.changes).toEqual([]);
  });

  it('compares the last session’s close with now, following every edit', async () => {
    const repo = new UncertaintyRepository(services.editor);
    const [item] = await repo.addItems(program.id, [{ title: 'Labels are clean', layerId: await layerId(), kind: 'assumption', impact: 2, uncertainty: 4 }]);
    await holdSession('Kick-off', Date.UTC(2026, 10, 1));
    const since = mount(() => new SinceLastState(() => program, () => undefined, services));
    await until(() => since.loaded && since.last !== undefined);
    expect(since.last?.title).toBe('Kick-off');
    expect(since.changes).toEqual([]);
    await repo.moveItem(item!.id, 4.5, 4);
    await until(() => since.changes.length === 1);
    expect(`${since.changes[0]!.title}: ${since.changes[0]!.sentence}`).toBe('Labels are clean: moved from Watch to Test first (impact 2 → 4.5)');
    expect(since.changes[0]!.target).toEqual({ kind: 'uncertainty', id: item!.id });
  });
});

describe('SessionReviewState', () => {
  it('summarises what changed during the session and compares any two moments, remembering the choice', async () => {
    const repo = new UncertaintyRepository(services.editor);
    const layer = await layerId();
    const session = await holdSession('Kick-off', Date.UTC(2026, 10, 1), async () => {
      await repo.addItems(program.id, [{ title: 'Vendor lock-in', layerId: layer, kind: 'risk' }]);
    });
    const review = mount(() => new SessionReviewState(() => program, () => session, services));
    await until(() => review.summary !== undefined);
    expect(review.summary!.changed.map((c) => `${c.title}: ${c.sentence}`)).toEqual(['Vendor lock-in: added']);
    expect(review.summary!.blocks.map((b) => b.result)).toEqual(['done']);
    expect(review.moments.map((m) => m.key)).toEqual(['now', `${session.id}:end`, `${session.id}:start`]);
    // At first: the session's close against now (nothing since).
    expect([review.from, review.to]).toEqual([`${session.id}:end`, 'now']);
    await until(() => review.comparedLoaded);
    expect(review.comparedChanges).toEqual([]);
    review.from = `${session.id}:start`;
    await until(() => review.comparedChanges.length === 1);
    expect(review.comparedChanges[0]!.title).toBe('Vendor lock-in');
    const again = mount(() => new SessionReviewState(() => program, () => session, services));
    await until(() => again.loaded);
    expect(again.from).toBe(`${session.id}:start`);
  });
});

describe('MapTrailsState', () => {
  it('reads where the items were when the last session closed', async () => {
    const repo = new UncertaintyRepository(services.editor);
    const [item] = await repo.addItems(program.id, [{ title: 'Labels are clean', layerId: await layerId(), kind: 'assumption', impact: 2, uncertainty: 4 }]);
    const trails = mount(() => new MapTrailsState(() => program.id, services));
    await until(() => trails.loaded);
    expect([trails.last, trails.start]).toEqual([undefined, undefined]);
    const session = await holdSession('Kick-off', Date.UTC(2026, 10, 1));
    await until(() => trails.start !== undefined);
    expect(trails.last?.id).toBe(session.id);
    expect(trails.start!.at).toBe(session.endedAt);
    expect(trails.start!.byId.get(item!.id)).toEqual({ impact: 2, uncertainty: 4 });
  });
});
