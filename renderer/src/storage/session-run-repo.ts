import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import { capture, type CapturedRecord } from '../domain/sessions/capture';
import type { BlockOutcome, Capture, CaptureKind, Session } from '../domain/sessions/model';
import { currentBlock, endSession, extendBlock, finishBlock, nextBlock, pauseBlock, resumeBlock, startBlock } from '../domain/sessions/timer';
import { quoted } from '../domain/words';
import type { KeelDB } from './db';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';
import { keepSnapshot } from './session-snapshots';

/**
 * Running a session: starting it, its blocks' timers, what the room captures, and ending it.
 * Every write is one undoable edit that stores moments (when a block started, was paused,
 * ended), never a ticking counter: the time shown is worked out from them (domain/sessions/timer.ts).
 */
export class SessionRunRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  // Dexie operations chained with then(), not nested async functions: inside an edit Dexie follows
  // its transaction across native awaits only so deep (see storage/editor.ts).
  private session(id: string): Promise<Session> {
    return this.db.sessions.get(id).then((session) => {
      if (!session) throw new InvalidInputError('That session no longer exists.');
      return session;
    });
  }

  private running(id: string): Promise<Session> {
    return this.session(id).then((session) => {
      if (session.status !== 'running') throw new InvalidInputError(session.status === 'closed' ? 'This session has ended.' : 'This session has not started.');
      return session;
    });
  }

  /** Stores the session as the timer left it, and marks the program edited. */
  private async store(tx: EditTransaction, next: Session, at: number): Promise<Session> {
    const { id: _id, ...fields } = next;
    const stored = await tx.update<Session>('sessions', next.id, { ...fields, updatedAt: at });
    await tx.update<Program>('programs', next.programId, { updatedAt: at });
    return stored;
  }

  /** One timer step on a running session, in one edit. */
  private step(sessionId: string, label: (session: Session) => string, change: (session: Session, at: number) => Session): Promise<Session> {
    // The label names the block, known only once the session is read: read it first, then edit.
    return this.session(sessionId).then((found) =>
      this.editor.edit(label(found), async (tx) => {
        const session = await this.running(sessionId);
        const at = this.now();
        return this.store(tx, change(session, at), at);
      }),
    );
  }

  /** Starts a planned session: its first unfinished block starts at once; the program as it stands is kept. */
  async start(sessionId: string): Promise<Session> {
    const found = await this.session(sessionId);
    return this.editor.edit(`Start session ${quoted(found.title)}`, async (tx) => {
      const session = await this.session(sessionId);
      if (session.status !== 'planned') throw new InvalidInputError(session.status === 'running' ? 'This session is already running.' : 'This session has ended.');
      const first = nextBlock({ ...session, currentBlockId: '' });
      if (!first) throw new InvalidInputError('Add a block to the agenda before starting.');
      const at = this.now();
      const begun = startBlock(session, first.id, at);
      const snapshot = await keepSnapshot(tx, this.db, session, 'start', at);
      return this.store(tx, { ...begun, startSnapshotId: snapshot.id }, at);
    });
  }

  /** Goes to a block: it starts (or runs on), and the block that was running ends as done. */
  goTo(sessionId: string, blockId: string): Promise<Session> {
    return this.step(
      sessionId,
      (s) => `Go to ${quoted(s.blocks.find((b) => b.id === blockId)?.title ?? 'block')}`,
      (s, at) => {
        if (!s.blocks.some((b) => b.id === blockId)) throw new InvalidInputError('That block is no longer on the agenda.');
        return startBlock(s, blockId, at);
      },
    );
  }

  pause(sessionId: string): Promise<Session> {
    return this.step(sessionId, (s) => `Pause ${blockName(s)}`, (s, at) => pauseBlock(s, at));
  }

  resume(sessionId: string): Promise<Session> {
    return this.step(sessionId, (s) => `Resume ${blockName(s)}`, (s, at) => resumeBlock(s, at));
  }

  /** Adds minutes to the current block (+1, +5). */
  extend(sessionId: string, minutes: number): Promise<Session> {
    return this.step(
      sessionId,
      (s) => `Add ${minutes} min to ${blockName(s)}`,
      (s) => {
        if (!currentBlock(s)) throw new InvalidInputError('No block is running.');
        return extendBlock(s, minutes);
      },
    );
  }

  /** Ends the current block (done: next; skipped: it stays unfinished) and starts the next. */
  finish(sessionId: string, outcome: BlockOutcome): Promise<Session> {
    return this.step(
      sessionId,
      (s) => `${outcome === 'done' ? 'Finish' : 'Skip'} ${blockName(s)}`,
      (s, at) => {
        if (!currentBlock(s)) throw new InvalidInputError('No block is running.');
        return finishBlock(s, outcome, at);
      },
    );
  }

  /**
   * Ends the session: the current block closes as done, unfinished blocks stay unfinished (the
   * next session is offered them), and the program as it stands is kept.
   */
  async end(sessionId: string): Promise<Session> {
    const found = await this.session(sessionId);
    return this.editor.edit(`End session ${quoted(found.title)}`, async (tx) => {
      const session = await this.running(sessionId);
      const at = this.now();
      const snapshot = await keepSnapshot(tx, this.db, session, 'end', at);
      return this.store(tx, { ...endSession(session, at), endSnapshotId: snapshot.id }, at);
    });
  }

  /**
   * Records what the room said: the record in its area (an uncertainty item, a draft decision, a
   * pending scope change, an open action) and the capture row, in one edit.
   */
  async capture(sessionId: string, kind: CaptureKind, text: string): Promise<{ capture: Capture; record: CapturedRecord | null }> {
    const found = await this.session(sessionId);
    return this.editor.edit(`Capture ${quoted(text.trim())}`, async (tx) => {
      const session = await this.running(found.id);
      return writeCapture(this.db, tx, { programId: session.programId, sessionId, blockId: session.currentBlockId }, kind, text, this.now());
    });
  }

  /** Marks a parking-lot topic dealt with (or not). */
  setCaptureDone(captureId: string, done: boolean): Promise<Capture> {
    return this.editor.edit(done ? 'Mark topic dealt with' : 'Mark topic not dealt with', async (tx) => {
      const found = await this.db.captures.get(captureId);
      if (!found) throw new InvalidInputError('That capture no longer exists.');
      return tx.update<Capture>('captures', captureId, { done });
    });
  }
}

/**
 * Writes a capture inside an edit: the record in its area (if its kind makes one) and the capture
 * row, with the program marked edited. The capture bar and accepting a participant's submission
 * (submissions-repo.ts) both write through here, so what they make is the same.
 */
export async function writeCapture(
  db: KeelDB,
  tx: EditTransaction,
  where: { programId: string; sessionId: string; blockId: string },
  kind: CaptureKind,
  text: string,
  at: number,
): Promise<{ capture: Capture; record: CapturedRecord | null }> {
  const { programId } = where;
  const layers = await db.layers.where({ programId }).toArray();
  const decisions = await db.decisions.where({ programId }).toArray();
  const made = valid(capture(kind, text, { ...where, layers, decisions, at, makeId: newId }));
  if (made.record) await tx.insert(made.record.table, [made.record.row]);
  await tx.insert('captures', [made.capture]);
  await tx.update<Program>('programs', programId, { updatedAt: at });
  return made;
}

function blockName(session: Session): string {
  const block = currentBlock(session);
  return block ? quoted(block.title) : 'block';
}
