import { parseDay } from '../dates';
import { formatDay } from '../time';
import { newId } from '../ids';
import { UNSTARTED, blocksToCarry, carriedBlocks } from './timer';
import type { AgendaBlock, Session } from './model';

// What the next session starts from: the unfinished blocks of the last closed session (offered
// first, never dropped silently) and, if wanted, a copy of the last session's agenda. A carried
// block remembers where it came from, and the closed session can say where each of its blocks went.

/**
 * The closed session that ended last, or undefined when none has closed. Given `before` (a
 * session under way or under review, which is not its own last session), the last one closed
 * by the time it started: where "since last session" starts from.
 */
export function lastClosedSession(sessions: readonly Session[], before?: Session): Session | undefined {
  const limit = before?.startedAt ?? Infinity;
  return sessions
    .filter((s) => s.status === 'closed' && s.endedAt !== null && s.id !== before?.id && s.endedAt <= limit)
    .sort((a, b) => b.endedAt! - a.endedAt! || b.createdAt - a.createdAt)[0];
}

/**
 * "The last session's agenda": the last session made that was held (or is running), other than
 * `except`; a session only planned stands in only while none has been held.
 */
export function lastSession(sessions: readonly Session[], except = ''): Session | undefined {
  const others = sessions.filter((s) => s.id !== except);
  const held = others.filter((s) => s.status !== 'planned');
  return (held.length ? held : others).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))[0];
}

/** The sessions that carried on a block of `sessionId` (usually one; none while it waits). */
export function carriedTo(sessions: readonly Session[], sessionId: string, blockId: string): Session[] {
  return sessions.filter((s) => s.blocks.some((b) => b.carriedFrom?.sessionId === sessionId && b.carriedFrom.blockId === blockId));
}

/**
 * For a closed session's review: each block it left unfinished and the sessions that carried it
 * on (none yet: it is still offered to the next session).
 */
export function whereCarried(sessions: readonly Session[], session: Session): { block: AgendaBlock; to: Session[] }[] {
  return blocksToCarry(session).map((block) => ({ block, to: carriedTo(sessions, session.id, block.id) }));
}

/** What the next session is offered to carry on: the last closed session's unfinished blocks that no session has taken yet. */
export function carryOffer(sessions: readonly Session[]): { from: Session; blocks: AgendaBlock[] } | undefined {
  const from = lastClosedSession(sessions);
  if (!from) return undefined;
  const blocks = blocksToCarry(from).filter((b) => carriedTo(sessions, from.id, b.id).length === 0);
  return blocks.length ? { from, blocks } : undefined;
}

/** "Nov 12 · Kick-off", or the title alone for a session with no date. */
export function sessionLabel(session: Pick<Session, 'date' | 'title'>): string {
  const day = parseDay(session.date);
  return day === null ? session.title : `${formatDay(day)} · ${session.title}`;
}

/** Where a carried block came from, in words: "carried from Nov 12 · Kick-off"; undefined for a block that was not carried. */
export function carriedFromWords(sessions: readonly Session[], block: AgendaBlock): string | undefined {
  if (!block.carriedFrom) return undefined;
  const { sessionId } = block.carriedFrom;
  const from = sessions.find((s) => s.id === sessionId);
  return from ? `carried from ${sessionLabel(from)}` : 'carried from an earlier session';
}

/**
 * A new session's agenda: the chosen carried blocks first (each remembering its origin), then the
 * rest (a template's blocks, or a copy of the last session's agenda).
 */
export function plannedAgenda(carry: { from: Session; blocks: readonly AgendaBlock[] } | undefined, rest: readonly AgendaBlock[], makeId: () => string = newId): AgendaBlock[] {
  const carried = carry ? carriedBlocks(carry.from, carry.blocks, makeId) : [];
  // A re-planning session starts with what changed since the last one, before what it carries on;
  // a planned block the carried ones already stand for (a second retro) is left out.
  const same = (a: AgendaBlock, b: AgendaBlock) => a.method === b.method && a.title.toLowerCase() === b.title.toLowerCase();
  const planned = rest.filter((b) => !carried.some((c) => same(b, c)));
  const opening = planned.filter((b) => b.method === 'since-last');
  return [...opening, ...carried, ...planned.filter((b) => b.method !== 'since-last')];
}

/**
 * Copies of a session's agenda for a new one, with fresh timers and no origin; blocks in `except`
 * (those being carried on from it) are left out so they are not planned twice.
 */
export function copiedAgenda(from: Session, except: ReadonlySet<string> = new Set(), makeId: () => string = newId): AgendaBlock[] {
  return from.blocks.filter((b) => !except.has(b.id)).map((b) => ({ ...b, id: makeId(), ...UNSTARTED, carriedFrom: null }));
}
