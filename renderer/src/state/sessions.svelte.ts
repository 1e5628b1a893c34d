import { carryOffer, lastSession } from '../domain/sessions/carry';
import {
  checkBlockPatch,
  checkParticipantPatch,
  checkSessionPatch,
  type BlockPatch,
  type ParticipantPatch,
  type SessionPatch,
} from '../domain/sessions/edits';
import { SESSION_FILTERS, sessionsInOrder, type SessionFilter } from '../domain/sessions/list';
import type { AgendaBlock, Participant, Session } from '../domain/sessions/model';
import type { Program } from '../domain/program';
import { andList, plural, quoted } from '../domain/words';
import { SessionsRepository, type NewBlock, type NewSession, type PlanningChoices, type SessionBelongings } from '../storage/sessions-repo';

export type { NewBlock, NewSession };
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { oneOf, preference } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { routeHref } from './routes';
import { useServices, type Services } from './services';
import {
  BLOCK_TEXT_FIELDS,
  blockTextKind,
  PARTICIPANT_TEXT_FIELDS,
  participantTextKind,
  SESSION_TEXT_FIELDS,
  sessionTextKind,
  type BlockTextField,
  type ParticipantTextField,
  type SessionTextField,
} from './sessions-replay';
import { DraftGroup, journaledDraft } from './text-draft.svelte';
import { Writes } from './writes';

export function sessionHref(programId: string, sessionId?: string): string {
  return routeHref({ name: 'program', programId, area: 'sessions', ...(sessionId ? { recordId: sessionId } : {}) });
}

/** What a session's deletion takes with it, in words for the confirmation ('' for nothing). */
export function belongingsWords(b: SessionBelongings): string {
  const counts: [number, string, string][] = [
    [b.captures, 'capture', 'captures'],
    [b.submissions, 'item submitted from the room', 'items submitted from the room'],
    [b.votes, 'voting round', 'voting rounds'],
    [b.snapshots, 'snapshot of the program', 'snapshots of the program'],
  ];
  const parts = counts.filter(([n]) => n > 0);
  if (!parts.length) return '';
  const one = parts.length === 1 && parts[0]![0] === 1;
  return `Its ${andList(parts.map(([n, single, many]) => plural(n, single, many)))} ${one ? 'goes' : 'go'} with it; records it captured into the areas stay there.`;
}

/**
 * The session a page shows, read by its id: the page follows that row alone, as soon as it
 * changes (a start, a pause), whatever the list around it holds.
 */
export class OpenSession {
  private readonly live: Live<Session | undefined>;

  constructor(id: () => string, services: Services = useServices()) {
    const repo = new SessionsRepository(services.editor);
    this.live = new Live(() => repo.watchSession(id()));
  }

  get session(): Session | undefined {
    return this.live.value;
  }
  get loaded(): boolean {
    return this.live.loaded;
  }
  get problem(): ReadProblem | undefined {
    return readProblem(this.live.error);
  }
}

/**
 * The program's sessions: the list (upcoming first, then those held, newest first), planning
 * them, and every write to a session's plan and agenda, each one undoable.
 */
export class SessionsState {
  private readonly repo: SessionsRepository;
  private readonly writes: Writes;
  private readonly sessionsLive: Live<Session[]>;
  private readonly choicesLive: Live<PlanningChoices>;

  /** Which sessions the list shows, remembered on this computer. */
  readonly filter = preference<SessionFilter>('keel.sessions.show', oneOf(SESSION_FILTERS), 'all');

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new SessionsRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.sessionsLive = new Live(() => this.repo.watchSessions(this.program().id));
    this.choicesLive = new Live(() => this.repo.watchPlanningChoices(this.program().id));
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.sessionsLive.loaded;
  }
  get problem() {
    return readProblem(this.sessionsLive.error);
  }
  get sessions(): Session[] {
    return this.sessionsLive.value ?? [];
  }
  /** The program's functions, offered for a participant's function (free text is allowed too). */
  get functions(): string[] {
    return this.choicesLive.value?.functions ?? [];
  }
  /** The program's matrices, for a trade-off block. */
  get matrices(): { id: string; label: string }[] {
    return this.choicesLive.value?.matrices ?? [];
  }

  ordered = $derived(sessionsInOrder(this.sessions));
  running = $derived(this.sessions.find((s) => s.status === 'running'));
  /** The last closed session's unfinished blocks no session has carried on yet: offered first when planning. */
  offer = $derived(carryOffer(this.sessions));
  /** The session made last: a new one can copy its agenda. */
  last = $derived(lastSession(this.sessions));

  session(id: string): Session | undefined {
    return this.sessions.find((s) => s.id === id);
  }

  planSession(input: NewSession): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.planSession(this.programId, input), { success: (s) => `Planned ${quoted(s.title)}.`, undo: true });
  }

  updateSession(session: Session, patch: SessionPatch): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.updateSession(session.id, patch));
  }

  /** Deletes a session after a confirmation; one that was run says what goes with it (captures, votes, snapshots). */
  async deleteSession(session: Session): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.belongings(session.id), 'check what the session holds');
    if (!found.ok) return found;
    const held = session.status !== 'planned';
    const goes = belongingsWords(found.value);
    const ok = await confirm({
      title: `Delete ${quoted(session.title)}?`,
      message: [
        held ? `This session was ${session.status === 'running' ? 'started and is running now' : 'held'}: deleting it deletes its record, not just its plan.` : '',
        goes,
        'Undo brings it all back.',
      ]
        .filter(Boolean)
        .join(' '),
      confirmLabel: held ? 'Delete session and its record' : 'Delete session',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteSession(session.id), { success: `Deleted ${quoted(session.title)}.`, undo: true });
  }

  // --- People ---

  addParticipant(session: Session, name: string, fn: string): Promise<Result<Participant>> {
    return this.writes.run(() => this.repo.addParticipant(session.id, { name, function: fn }));
  }

  updateParticipant(session: Session, participant: Participant, patch: ParticipantPatch): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.updateParticipant(session.id, participant.id, patch));
  }

  removeParticipant(session: Session, participant: Participant): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.removeParticipant(session.id, participant.id), { success: `Removed ${quoted(participant.name)}.`, undo: true });
  }

  // --- The agenda ---

  addBlock(session: Session, input: NewBlock): Promise<Result<AgendaBlock>> {
    return this.writes.run(() => this.repo.addBlock(session.id, input));
  }

  updateBlock(session: Session, block: AgendaBlock, patch: BlockPatch): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.updateBlock(session.id, block.id, patch));
  }

  removeBlock(session: Session, block: AgendaBlock): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.removeBlock(session.id, block.id), { success: `Removed ${quoted(block.title)} from the agenda.`, undo: true });
  }

  moveBlock(session: Session, block: AgendaBlock, toIndex: number): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.moveBlock(session.id, block.id, toIndex));
  }

  // --- Text typed into the plan: saved as typed, never lost ---

  sessionDrafts(session: Session): DraftGroup<SessionTextField> {
    const { id } = session;
    return new DraftGroup(SESSION_TEXT_FIELDS, (field) => {
      const kind = sessionTextKind(field);
      return journaledDraft(
        kind,
        id,
        session[field],
        async (text) => (await this.writes.run(() => this.repo.updateSession(id, { [field]: text }, `${kind}:${id}`))).ok,
        (text) => checkSessionPatch({ [field]: text }),
      );
    });
  }

  participantDrafts(session: Session, participant: Participant): DraftGroup<ParticipantTextField> {
    const path = `${session.id}/${participant.id}`;
    return new DraftGroup(PARTICIPANT_TEXT_FIELDS, (field) => {
      const kind = participantTextKind(field);
      return journaledDraft(
        kind,
        path,
        participant[field],
        async (text) => (await this.writes.run(() => this.repo.updateParticipant(session.id, participant.id, { [field]: text }, `${kind}:${path}`))).ok,
        (text) => checkParticipantPatch({ [field]: text }),
      );
    });
  }

  blockDrafts(session: Session, block: AgendaBlock): DraftGroup<BlockTextField> {
    const path = `${session.id}/${block.id}`;
    return new DraftGroup(BLOCK_TEXT_FIELDS, (field) => {
      const kind = blockTextKind(field);
      return journaledDraft(
        kind,
        path,
        block[field],
        async (text) => (await this.writes.run(() => this.repo.updateBlock(session.id, block.id, { [field]: text }, `${kind}:${path}`))).ok,
        (text) => checkBlockPatch({ [field]: text }),
      );
    });
  }

}
