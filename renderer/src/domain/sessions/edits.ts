import { checkLongText, checkOneLine, failed, passed, type Check } from '../check';
import { isDay } from '../dates';
import { newId } from '../ids';
import { UNSTARTED } from './timer';
import {
  BLOCK_METHODS,
  BLOCK_MINUTES_MAX,
  BLOCKS_MAX,
  PARTICIPANTS_MAX,
  SESSION_MINUTES_MAX,
  SESSION_PERSON_MAX,
  SESSION_TEXT_MAX,
  SESSION_TITLE_MAX,
  type AgendaBlock,
  type BlockMethod,
  type Participant,
  type Session,
} from './model';

// The sessions' rules for what may be stored: forms, repositories and the file format share them.

export function checkSessionTitle(raw: string): Check<string> {
  return checkOneLine(raw, SESSION_TITLE_MAX, 'title', 'Give the session a title.');
}

export function checkBlockTitle(raw: string): Check<string> {
  return checkOneLine(raw, SESSION_TITLE_MAX, 'block title', 'Give the block a title.');
}

/** A block's planned length: any whole number of minutes, from 1 to a day. */
export function checkBlockMinutes(minutes: number): Check<number> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > BLOCK_MINUTES_MAX) return failed(`Give the block a whole number of minutes, from 1 to ${BLOCK_MINUTES_MAX}.`);
  return passed(minutes);
}

/** A session's planned length in minutes, from 1 to a week. */
export function checkSessionMinutes(minutes: number): Check<number> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > SESSION_MINUTES_MAX) return failed(`Give the session a whole number of minutes, from 1 to ${SESSION_MINUTES_MAX}.`);
  return passed(minutes);
}

/** A block as planned: nothing run yet. */
export function newBlock(input: { title: string; plannedMinutes: number; method: BlockMethod; matrixId?: string; outputs?: string; notes?: string }): AgendaBlock {
  return {
    id: newId(),
    title: input.title,
    plannedMinutes: input.plannedMinutes,
    method: input.method,
    matrixId: input.matrixId ?? '',
    outputs: input.outputs ?? '',
    notes: input.notes ?? '',
    ...UNSTARTED,
    carriedFrom: null,
  };
}

/** A session as planned, not started. */
export function newSession(programId: string, input: Partial<Pick<Session, 'title' | 'date' | 'plannedMinutes' | 'place' | 'facilitator' | 'participants' | 'goals' | 'blocks' | 'template'>>, now: number): Session {
  return {
    id: newId(),
    programId,
    title: input.title ?? '',
    date: input.date ?? '',
    plannedMinutes: input.plannedMinutes ?? 90,
    place: input.place ?? '',
    facilitator: input.facilitator ?? '',
    participants: input.participants ?? [],
    goals: input.goals ?? '',
    blocks: input.blocks ?? [],
    status: 'planned',
    currentBlockId: '',
    startedAt: null,
    endedAt: null,
    startSnapshotId: '',
    endSnapshotId: '',
    template: input.template ?? '',
    createdAt: now,
    updatedAt: now,
  };
}

// --- A session's details and people ---

export type SessionPatch = Partial<Pick<Session, 'title' | 'date' | 'plannedMinutes' | 'place' | 'facilitator' | 'goals'>>;

/** A session's edit, cleaned, or the sentence saying what is wrong with it. */
export function checkSessionPatch(patch: SessionPatch): Check<SessionPatch> {
  const out: SessionPatch = { ...patch };
  if (patch.title !== undefined) {
    const title = checkSessionTitle(patch.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  for (const field of ['place', 'facilitator'] as const) {
    if (patch[field] === undefined) continue;
    const checked = checkOneLine(patch[field], SESSION_PERSON_MAX, field);
    if (!checked.ok) return checked;
    out[field] = checked.value;
  }
  if (patch.goals !== undefined) {
    const goals = checkLongText(patch.goals, SESSION_TEXT_MAX, 'goals');
    if (!goals.ok) return goals;
    out.goals = goals.value;
  }
  if (patch.date !== undefined && patch.date !== '' && !isDay(patch.date)) return failed('Give the session’s date as a date.');
  if (patch.plannedMinutes !== undefined) {
    const minutes = checkSessionMinutes(patch.plannedMinutes);
    if (!minutes.ok) return minutes;
  }
  return passed(out);
}

export function checkParticipantName(raw: string): Check<string> {
  return checkOneLine(raw, SESSION_PERSON_MAX, 'name', 'Give the participant a name.');
}

export function checkParticipantFunction(raw: string): Check<string> {
  return checkOneLine(raw, SESSION_PERSON_MAX, 'function');
}

export type ParticipantPatch = Partial<Pick<Participant, 'name' | 'function'>>;

export function checkParticipantPatch(patch: ParticipantPatch): Check<ParticipantPatch> {
  const out: ParticipantPatch = { ...patch };
  if (patch.name !== undefined) {
    const name = checkParticipantName(patch.name);
    if (!name.ok) return name;
    out.name = name.value;
  }
  if (patch.function !== undefined) {
    const fn = checkParticipantFunction(patch.function);
    if (!fn.ok) return fn;
    out.function = fn.value;
  }
  return passed(out);
}

/** The participants with one more, refused when the list is full. */
export function addParticipant(session: Session, participant: Participant): Check<Participant[]> {
  if (session.participants.length >= PARTICIPANTS_MAX) return failed(`A session has at most ${PARTICIPANTS_MAX} participants.`);
  return passed([...session.participants, participant]);
}

// --- The agenda ---

export type BlockPatch = Partial<Pick<AgendaBlock, 'title' | 'plannedMinutes' | 'method' | 'matrixId' | 'outputs' | 'notes'>>;

/** A block's edit, cleaned, or the sentence saying what is wrong with it (on its own: see updateBlock for the agenda's rules). */
export function checkBlockPatch(patch: BlockPatch): Check<BlockPatch> {
  const out: BlockPatch = { ...patch };
  if (patch.title !== undefined) {
    const title = checkBlockTitle(patch.title);
    if (!title.ok) return title;
    out.title = title.value;
  }
  if (patch.plannedMinutes !== undefined) {
    const minutes = checkBlockMinutes(patch.plannedMinutes);
    if (!minutes.ok) return minutes;
  }
  if (patch.method !== undefined && !(BLOCK_METHODS as readonly string[]).includes(patch.method)) return failed('Choose how the block is run.');
  for (const field of ['outputs', 'notes'] as const) {
    if (patch[field] === undefined) continue;
    const checked = checkLongText(patch[field], SESSION_TEXT_MAX, field === 'outputs' ? 'expected outputs' : 'notes');
    if (!checked.ok) return checked;
    out[field] = checked.value;
  }
  return passed(out);
}

/** Whether the agenda may change: a closed session's agenda is what happened, kept as it was. */
export function checkAgendaOpen(session: Session): Check<Session> {
  return session.status === 'closed' ? failed('This session is closed: its agenda is kept as it was run.') : passed(session);
}

/** The agenda with a new block at the end. */
export function addBlock(session: Session, block: AgendaBlock): Check<AgendaBlock[]> {
  const open = checkAgendaOpen(session);
  if (!open.ok) return open;
  if (session.blocks.length >= BLOCKS_MAX) return failed(`An agenda has at most ${BLOCKS_MAX} blocks.`);
  return passed([...session.blocks, block]);
}

/**
 * The agenda with one block changed. A block that has ended keeps its planned minutes and method
 * (planned against actual is what it was); a trade-off block alone names a matrix, so choosing
 * another method lets the matrix go.
 */
export function updateBlock(session: Session, blockId: string, patch: BlockPatch): Check<AgendaBlock[]> {
  const open = checkAgendaOpen(session);
  if (!open.ok) return open;
  const block = session.blocks.find((b) => b.id === blockId);
  if (!block) return failed('That block is no longer on the agenda.');
  const checked = checkBlockPatch(patch);
  if (!checked.ok) return checked;
  const changes = checked.value;
  const ended = block.endedAt !== null;
  if (ended && ((changes.plannedMinutes ?? block.plannedMinutes) !== block.plannedMinutes || (changes.method ?? block.method) !== block.method)) {
    return failed('This block has ended: its planned minutes and method stay as they were run.');
  }
  const method = changes.method ?? block.method;
  const next: AgendaBlock = { ...block, ...changes };
  if (method !== 'tradeoff') next.matrixId = '';
  return passed(session.blocks.map((b) => (b.id === blockId ? next : b)));
}

/** The agenda without a block; one that has started (or ended) stays, as part of what happened. */
export function removeBlock(session: Session, blockId: string): Check<AgendaBlock[]> {
  const open = checkAgendaOpen(session);
  if (!open.ok) return open;
  const block = session.blocks.find((b) => b.id === blockId);
  if (!block) return failed('That block is no longer on the agenda.');
  if (block.startedAt !== null) return failed(`"${block.title}" has ${block.endedAt !== null ? 'ended' : 'started'}: only blocks not yet started can be removed.`);
  return passed(session.blocks.filter((b) => b.id !== blockId));
}

/** The agenda with one block moved to `toIndex` (kept within it). Moving never touches a block's timer. */
export function moveBlock(session: Session, blockId: string, toIndex: number): Check<AgendaBlock[]> {
  const open = checkAgendaOpen(session);
  if (!open.ok) return open;
  const from = session.blocks.findIndex((b) => b.id === blockId);
  if (from < 0) return failed('That block is no longer on the agenda.');
  const blocks = [...session.blocks];
  const [moving] = blocks.splice(from, 1);
  blocks.splice(Math.max(0, Math.min(blocks.length, toIndex)), 0, moving!);
  return passed(blocks);
}

/** The minutes the agenda plans, block by block. */
export function agendaMinutes(blocks: readonly Pick<AgendaBlock, 'plannedMinutes'>[]): number {
  return blocks.reduce((sum, b) => sum + b.plannedMinutes, 0);
}

/** The agenda against the session's planned length: "Agenda 95 min of 90 planned: 5 min over". */
export function agendaAgainstPlan(session: Pick<Session, 'blocks' | 'plannedMinutes'>): { words: string; over: number } {
  const total = agendaMinutes(session.blocks);
  const over = total - session.plannedMinutes;
  const start = `Agenda ${total} min of ${session.plannedMinutes} planned`;
  if (over > 0) return { words: `${start}: ${over} min over`, over };
  if (over < 0) return { words: `${start}: ${-over} min to spare`, over };
  return { words: `${start}: it fits exactly`, over };
}
