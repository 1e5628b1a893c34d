import { liveQuery, type Observable } from 'dexie';
import type { Check } from '../domain/check';
import { newId } from '../domain/ids';
import type { Program } from '../domain/program';
import {
  addBlock,
  addParticipant,
  checkBlockPatch,
  checkParticipantPatch,
  checkSessionPatch,
  moveBlock,
  newBlock,
  newSession,
  removeBlock,
  updateBlock,
  type BlockPatch,
  type ParticipantPatch,
  type SessionPatch,
} from '../domain/sessions/edits';
import { BLOCKS_MAX, type AgendaBlock, type BlockMethod, type Capture, type Participant, type Session, type VoteRound } from '../domain/sessions/model';
import type { EditTransaction, Editor } from './editor';
import { InvalidInputError, valid } from './errors';

/** A session as it is planned: its details and agenda (blocks from a template, a copy, or carried on). */
/** Where a record was captured: the session, the block that was running (if any) and when. */
export interface CapturedIn {
  session: Session;
  block: AgendaBlock | undefined;
  at: number;
}

export interface NewSession {
  title: string;
  date?: string;
  plannedMinutes?: number;
  template?: string;
  blocks?: AgendaBlock[];
  /** The people in the room (copied from the last session: each gets an id of its own here). */
  participants?: readonly Pick<Participant, 'name' | 'function'>[];
}

export interface NewBlock {
  title: string;
  plannedMinutes: number;
  method: BlockMethod;
  matrixId?: string;
  outputs?: string;
  notes?: string;
}

/** What the planning forms offer: the program's functions (for participants) and matrices (for a trade-off block). */
export interface PlanningChoices {
  functions: string[];
  matrices: { id: string; label: string }[];
}

/** What goes when a session is deleted: said in the confirmation. */
export interface SessionBelongings {
  captures: number;
  /** Items participants submitted from their devices (room mode). */
  submissions: number;
  votes: number;
  snapshots: number;
}

/**
 * The program's planning sessions: reading them (every part of a session reads through here)
 * and planning them. Running a session, voting and looking back have repositories of their own
 * (session-run-repo.ts, votes-repo.ts); every write is one undoable edit.
 */
export class SessionsRepository {
  constructor(
    protected readonly editor: Editor,
    protected readonly now: () => number = Date.now,
  ) {}

  protected get db() {
    return this.editor.db;
  }

  watchSessions(programId: string): Observable<Session[]> {
    return liveQuery(() => this.sessionsOf(programId));
  }

  /** A program's sessions, read once. */
  sessionsOf(programId: string): Promise<Session[]> {
    return this.db.sessions.where({ programId }).toArray();
  }

  /** One session; undefined when it is not there (deleted, or a link from elsewhere). */
  watchSession(id: string): Observable<Session | undefined> {
    return liveQuery(() => this.db.sessions.get(id));
  }

  /** What the session captured, oldest first. */
  watchCaptures(sessionId: string): Observable<Capture[]> {
    return liveQuery(async () => (await this.db.captures.where({ sessionId }).toArray()).sort((a, b) => a.at - b.at));
  }

  /**
   * Where a record was captured from a session's capture bar: the session and the block that was
   * running, or undefined for a record made elsewhere (or whose session is gone).
   */
  watchCapturedIn(programId: string, recordId: string): Observable<CapturedIn | undefined> {
    return liveQuery(async () => {
      const capture = (await this.db.captures.where({ programId }).toArray()).find((c) => c.recordId === recordId);
      const session = capture ? await this.db.sessions.get(capture.sessionId) : undefined;
      if (!capture || !session) return undefined;
      return { session, block: session.blocks.find((b) => b.id === capture.blockId), at: capture.at };
    });
  }

  /** The session's voting rounds, oldest first. */
  watchVotes(sessionId: string): Observable<VoteRound[]> {
    return liveQuery(async () => (await this.db.votes.where({ sessionId }).toArray()).sort((a, b) => a.createdAt - b.createdAt));
  }

  watchPlanningChoices(programId: string): Observable<PlanningChoices> {
    return liveQuery(async () => {
      const functions = (await this.db.functions.where({ programId }).sortBy('order')).map((f) => f.name);
      const matrices = (await this.db.matrices.where({ programId }).toArray()).map((m) => ({ id: m.id, label: m.question })).sort((a, b) => a.label.localeCompare(b.label));
      return { functions, matrices };
    });
  }

  // --- Planning ---

  protected touchProgram(tx: EditTransaction, programId: string): Promise<Program> {
    return tx.update<Program>('programs', programId, { updatedAt: this.now() });
  }

  /** Refuses a trade-off block's matrix that is not one of the program's. */
  private async checkMatrices(programId: string, blocks: readonly Pick<AgendaBlock, 'matrixId'>[]): Promise<void> {
    for (const { matrixId } of blocks) {
      if (!matrixId) continue;
      const matrix = await this.db.matrices.get(matrixId);
      if (!matrix || matrix.programId !== programId) throw new InvalidInputError('That trade-off matrix no longer exists.');
    }
  }

  /** An edit of one session that needs nothing but the session: `change` says what to store, or why not. */
  private change(label: string, id: string, change: (session: Session) => Check<Partial<Session>>, coalesceKey?: string): Promise<Session> {
    return this.editor.edit(
      label,
      async (tx) => {
        const session = await this.db.sessions.get(id);
        if (!session) throw new InvalidInputError('That session no longer exists.');
        const patch = valid(change(session));
        if (patch.blocks) await this.checkMatrices(session.programId, patch.blocks);
        const next = await tx.update<Session>('sessions', id, { ...patch, updatedAt: this.now() });
        await this.touchProgram(tx, session.programId);
        return next;
      },
      coalesceKey ? { coalesceKey } : {},
    );
  }

  /** Plans a new session with its agenda: one undo step. */
  async planSession(programId: string, input: NewSession): Promise<Session> {
    const details = valid(checkSessionPatch({ title: input.title, date: input.date ?? '', plannedMinutes: input.plannedMinutes ?? 90 }));
    const blocks = (input.blocks ?? []).map((b) => ({ ...b, ...valid(checkBlockPatch(b)), matrixId: b.method === 'tradeoff' ? b.matrixId : '' }));
    if (blocks.length > BLOCKS_MAX) throw new InvalidInputError(`An agenda has at most ${BLOCKS_MAX} blocks.`);
    const participants = (input.participants ?? []).map((p) => ({ id: newId(), ...valid(checkParticipantPatch({ name: p.name, function: p.function })) }) as Participant);
    const session = newSession(programId, { ...details, blocks, participants, template: input.template ?? '' }, this.now());
    return this.editor.edit(`Plan session "${session.title}"`, async (tx) => {
      if (!(await this.db.programs.get(programId))) throw new InvalidInputError('That program no longer exists.');
      await this.checkMatrices(programId, blocks);
      await tx.insert('sessions', [session]);
      await this.touchProgram(tx, programId);
      return session;
    });
  }

  async updateSession(id: string, patch: SessionPatch, coalesceKey?: string): Promise<Session> {
    const checked = valid(checkSessionPatch(patch));
    return this.change('Edit session', id, () => ({ ok: true, value: checked }), coalesceKey);
  }

  async addParticipant(id: string, input: { name: string; function?: string }): Promise<Participant> {
    const checked = valid(checkParticipantPatch({ name: input.name, function: input.function ?? '' }));
    const participant: Participant = { id: newId(), name: checked.name ?? '', function: checked.function ?? '' };
    await this.change(`Add participant "${participant.name}"`, id, (session) => {
      const participants = addParticipant(session, participant);
      return participants.ok ? { ok: true, value: { participants: participants.value } } : participants;
    });
    return participant;
  }

  async updateParticipant(id: string, participantId: string, patch: ParticipantPatch, coalesceKey?: string): Promise<Session> {
    const checked = valid(checkParticipantPatch(patch));
    return this.change(
      'Edit participant',
      id,
      (session) =>
        session.participants.some((p) => p.id === participantId)
          ? { ok: true, value: { participants: session.participants.map((p) => (p.id === participantId ? { ...p, ...checked } : p)) } }
          : { ok: false, message: 'That participant is no longer on the list.' },
      coalesceKey,
    );
  }

  /** Takes a participant off the list; one who is a voter in one of the session's rounds stays (the round names them). */
  async removeParticipant(id: string, participantId: string): Promise<Session> {
    return this.editor.edit('Remove participant', async (tx) => {
      const session = await this.db.sessions.get(id);
      if (!session) throw new InvalidInputError('That session no longer exists.');
      const person = session.participants.find((p) => p.id === participantId);
      if (!person) throw new InvalidInputError('That participant is no longer on the list.');
      const rounds = await this.db.votes.where({ sessionId: id }).toArray();
      if (rounds.some((r) => r.voterIds.includes(participantId))) throw new InvalidInputError(`${person.name} votes in a round of this session, so they stay on the list.`);
      const next = await tx.update<Session>('sessions', id, { participants: session.participants.filter((p) => p.id !== participantId), updatedAt: this.now() });
      await this.touchProgram(tx, session.programId);
      return next;
    });
  }

  async addBlock(id: string, input: NewBlock): Promise<AgendaBlock> {
    const checked = valid(checkBlockPatch(input));
    const block = newBlock({ ...input, ...checked, matrixId: input.method === 'tradeoff' ? (input.matrixId ?? '') : '' });
    await this.change(`Add block "${block.title}"`, id, (session) => {
      const blocks = addBlock(session, block);
      return blocks.ok ? { ok: true, value: { blocks: blocks.value } } : blocks;
    });
    return block;
  }

  async updateBlock(id: string, blockId: string, patch: BlockPatch, coalesceKey?: string): Promise<Session> {
    const label = patch.plannedMinutes !== undefined ? 'Change block minutes' : patch.method !== undefined ? 'Change block method' : 'Edit block';
    return this.change(
      label,
      id,
      (session) => {
        const blocks = updateBlock(session, blockId, patch);
        return blocks.ok ? { ok: true, value: { blocks: blocks.value } } : blocks;
      },
      coalesceKey,
    );
  }

  async removeBlock(id: string, blockId: string): Promise<Session> {
    return this.change('Remove block', id, (session) => {
      const blocks = removeBlock(session, blockId);
      return blocks.ok ? { ok: true, value: { blocks: blocks.value } } : blocks;
    });
  }

  async moveBlock(id: string, blockId: string, toIndex: number): Promise<Session> {
    return this.change('Reorder agenda', id, (session) => {
      const blocks = moveBlock(session, blockId, toIndex);
      return blocks.ok ? { ok: true, value: { blocks: blocks.value } } : blocks;
    });
  }

  /** What a session's deletion takes with it: its captures, participants' submissions, voting rounds and snapshots. */
  async belongings(id: string): Promise<SessionBelongings> {
    const [captures, submissions, votes, snapshots] = await Promise.all([
      this.db.captures.where({ sessionId: id }).count(),
      this.db.submissions.where({ sessionId: id }).count(),
      this.db.votes.where({ sessionId: id }).count(),
      this.db.snapshots.where({ sessionId: id }).count(),
    ]);
    return { captures, submissions, votes, snapshots };
  }

  /**
   * Deletes a session with what it captured, what participants submitted, its voting rounds and its snapshots (the records a
   * capture made in an area stay there). Undo brings them all back.
   */
  async deleteSession(id: string): Promise<void> {
    return this.editor.edit('Delete session', async (tx) => {
      const session = await this.db.sessions.get(id);
      if (!session) throw new InvalidInputError('That session no longer exists.');
      for (const table of ['captures', 'submissions', 'votes', 'snapshots'] as const) {
        const ids = (await this.db.table(table).where({ sessionId: id }).primaryKeys()) as string[];
        await tx.remove(table, ids);
      }
      await tx.remove('sessions', [id]);
      await this.touchProgram(tx, session.programId);
    });
  }
}
