import { newBlock, newSession } from '../../../../renderer/src/domain/sessions/edits';
import type { AgendaBlock, BlockMethod, Session } from '../../../../renderer/src/domain/sessions/model';

let counter = 0;

/** A block as planned, with a readable id. */
export function makeBlock(extra: Partial<AgendaBlock> & { method?: BlockMethod } = {}): AgendaBlock {
  counter++;
  return { ...newBlock({ title: `Block ${counter}`, plannedMinutes: 10, method: extra.method ?? 'free' }), id: `b${counter}`, ...extra };
}

/** A session of program "p"; `blocks` default to none. */
export function makeSession(extra: Partial<Session> = {}): Session {
  counter++;
  return { ...newSession('p', { title: `Session ${counter}` }, 1_000 + counter), id: `s${counter}`, ...extra };
}

/** A block that ran from `start` for `minutes` and ended (done or skipped). */
export function ranBlock(start: number, minutes: number, outcome: 'done' | 'skipped' = 'done', extra: Partial<AgendaBlock> = {}): AgendaBlock {
  return makeBlock({ startedAt: start, endedAt: start + minutes * 60_000, outcome, ...extra });
}

/** A closed session with the given blocks. */
export function closedSession(blocks: AgendaBlock[], extra: Partial<Session> = {}): Session {
  return makeSession({ status: 'closed', startedAt: 1, endedAt: 2, blocks, ...extra });
}
