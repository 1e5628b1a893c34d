import { checkOneLine, failed, passed, type Check } from '../check';
import { newId } from '../ids';
import { UNSTARTED } from './timer';
import { BLOCK_MINUTES_MAX, SESSION_MINUTES_MAX, SESSION_TITLE_MAX, type AgendaBlock, type BlockMethod, type Session } from './model';

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
