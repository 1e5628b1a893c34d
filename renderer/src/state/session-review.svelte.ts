import { carriedTo, lastClosedSession } from '../domain/sessions/carry';
import { diffStates, type Change } from '../domain/sessions/diff';
import type { Capture, Session, VoteRound } from '../domain/sessions/model';
import type { ProgramState } from '../domain/sessions/snapshot';
import { summarize, type SessionSummary } from '../domain/sessions/summary';
import { formatDateTime } from '../domain/time';
import type { Program } from '../domain/program';
import { SessionReviewRepository } from '../storage/session-review-repo';
import { SessionsRepository } from '../storage/sessions-repo';
import { Live } from './live.svelte';
import { preference, type Parse, type Preference } from './preferences.svelte';
import { readProblem, type ReadProblem } from './result';
import { useServices, type Services } from './services';

// Looking back on sessions: what changed since the last one, a closed session's summary, any two
// moments compared, and where the map's items were when the last session closed (its trails).
// Read only: looking back never writes.

/** A moment to compare: a session's start or close (its kept snapshot), or now. */
export interface Moment {
  key: string;
  label: string;
  /** The kept snapshot; null for now. */
  snapshotId: string | null;
}

export const NOW: Moment = { key: 'now', label: 'Now', snapshotId: null };

/** Every moment kept by the program's sessions, the latest first, then now. */
export function moments(sessions: readonly Session[]): Moment[] {
  const kept = sessions.flatMap((s) => [
    ...(s.startSnapshotId && s.startedAt !== null ? [{ key: `${s.id}:start`, label: `${s.title || 'Untitled session'}: start (${formatDateTime(s.startedAt)})`, snapshotId: s.startSnapshotId, at: s.startedAt }] : []),
    ...(s.endSnapshotId && s.endedAt !== null ? [{ key: `${s.id}:end`, label: `${s.title || 'Untitled session'}: close (${formatDateTime(s.endedAt)})`, snapshotId: s.endSnapshotId, at: s.endedAt }] : []),
  ]);
  return [NOW, ...kept.sort((a, b) => b.at - a.at).map(({ key, label, snapshotId }) => ({ key, label, snapshotId }))];
}

/** The changes between two moments, live: a snapshot stays as kept, now follows every edit. */
class Comparison {
  private readonly before: Live<ProgramState | undefined>;
  private readonly after: Live<ProgramState | undefined>;

  constructor(repo: SessionReviewRepository, programId: () => string, before: () => string | null, after: () => string | null) {
    this.before = new Live(() => repo.watchState(programId(), before()));
    this.after = new Live(() => repo.watchState(programId(), after()));
  }

  readonly loaded = $derived.by(() => this.before.loaded && this.after.loaded);
  readonly problem: ReadProblem | undefined = $derived.by(() => readProblem(this.before.error ?? this.after.error));
  /** Whether a moment's snapshot is not there (a file that lost it, or a session closed without one). */
  readonly missing = $derived.by(() => this.loaded && !this.problem && (this.before.value === undefined || this.after.value === undefined));
  readonly changes: Change[] = $derived.by(() => this.before.value && this.after.value ? diffStates(this.before.value, this.after.value) : []);
}

/** "Since last session": the last closed session's close compared with now. */
export class SinceLastState {
  private readonly sessions: Live<Session[]>;
  private readonly comparison: Comparison;

  constructor(
    private readonly program: () => Program,
    private readonly session: () => Session | undefined,
    services: Services = useServices(),
  ) {
    const repo = new SessionReviewRepository(services.db);
    const sessions = new SessionsRepository(services.editor);
    this.sessions = new Live(() => sessions.watchSessions(this.program().id));
    this.comparison = new Comparison(
      repo,
      () => this.program().id,
      () => this.last?.endSnapshotId ?? '',
      () => null,
    );
  }

  /** The session compared with now; undefined while there is none. */
  readonly last: Session | undefined = $derived.by(() => (this.sessions.value ? lastClosedSession(this.sessions.value, this.session()) : undefined));
  readonly loaded = $derived.by(() => this.sessions.loaded && (this.last === undefined || this.comparison.loaded));
  readonly problem: ReadProblem | undefined = $derived.by(() => readProblem(this.sessions.error) ?? (this.last ? this.comparison.problem : undefined));
  /** The last session's closing snapshot is not there. */
  readonly missing = $derived.by(() => this.last !== undefined && this.comparison.missing);
  readonly changes: Change[] = $derived.by(() => this.last ? this.comparison.changes : []);
}

const momentKey: Parse<{ from: string; to: string }> = (stored) => {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { from, to } = stored as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' ? { from: from.slice(0, 200), to: to.slice(0, 200) } : undefined;
};

/** A closed session's page: its summary, and any two moments compared. */
export class SessionReviewState {
  private readonly sessions: Live<Session[]>;
  private readonly captures: Live<Capture[]>;
  private readonly votes: Live<VoteRound[]>;
  private readonly held: Comparison;
  private readonly compared: Comparison;
  /** The two moments compared, remembered per session on this computer: the session's close against now at first. */
  private readonly choice: Preference<{ from: string; to: string }>;

  constructor(
    private readonly program: () => Program,
    private readonly session: () => Session,
    services: Services = useServices(),
  ) {
    const repo = new SessionReviewRepository(services.db);
    const sessions = new SessionsRepository(services.editor);
    this.sessions = new Live(() => sessions.watchSessions(this.program().id));
    this.captures = new Live(() => sessions.watchCaptures(this.session().id));
    this.votes = new Live(() => sessions.watchVotes(this.session().id));
    this.held = new Comparison(
      repo,
      () => this.program().id,
      () => this.session().startSnapshotId,
      () => this.session().endSnapshotId,
    );
    const id = this.session().id;
    this.choice = preference(`keel.session-review.compare.${id}`, momentKey, { from: `${id}:end`, to: NOW.key });
    this.compared = new Comparison(
      repo,
      () => this.program().id,
      () => this.moment(this.from).snapshotId,
      () => this.moment(this.to).snapshotId,
    );
  }

  readonly moments: Moment[] = $derived.by(() => moments(this.sessions.value ?? []));

  /** The sessions that carried on one of this session's blocks: none while it waits for the next. */
  carriedTo(blockId: string): Session[] {
    return carriedTo(this.sessions.value ?? [], this.session().id, blockId);
  }

  private moment(key: string): Moment {
    return this.moments.find((m) => m.key === key) ?? NOW;
  }

  /** The earlier moment compared (a key of `moments`). */
  get from(): string {
    return this.moments.some((m) => m.key === this.choice.value.from) ? this.choice.value.from : NOW.key;
  }
  set from(key: string) {
    this.choice.set({ ...this.choice.value, from: key });
  }
  get to(): string {
    return this.moments.some((m) => m.key === this.choice.value.to) ? this.choice.value.to : NOW.key;
  }
  set to(key: string) {
    this.choice.set({ ...this.choice.value, to: key });
  }

  readonly loaded = $derived.by(() => this.sessions.loaded && this.captures.loaded && this.votes.loaded && this.held.loaded);
  readonly problem: ReadProblem | undefined = $derived.by(() => readProblem(this.sessions.error ?? this.captures.error ?? this.votes.error) ?? this.held.problem);
  /** The session's start or closing snapshot is not there: the summary lacks what changed. */
  readonly heldMissing = $derived.by(() => this.held.missing);

  readonly summary: SessionSummary | undefined = $derived.by(() => {
    if (!this.loaded || this.problem) return undefined;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup local to this computation
    const titles = new Map((this.sessions.value ?? []).map((s) => [s.id, s.title]));
    return summarize(this.session(), this.captures.value ?? [], this.votes.value ?? [], this.held.changes, (id) => titles.get(id));
  });

  readonly comparedLoaded = $derived.by(() => this.compared.loaded);
  readonly comparedProblem = $derived.by(() => this.compared.problem);
  readonly comparedMissing = $derived.by(() => this.compared.missing);
  readonly comparedChanges: Change[] = $derived.by(() => this.compared.changes);
}

/**
 * Where the map's items were when the last session closed, for the map's trails. The map makes
 * one only while it shows its trails (a snapshot is read only when asked for).
 */
export class MapTrailsState {
  private readonly sessions: Live<Session[]>;
  private readonly positions: Live<{ snapshotId: string; kept: { at: number; items: ProgramState['uncertainty'] } | undefined }>;

  constructor(programId: () => string, services: Services = useServices()) {
    const repo = new SessionReviewRepository(services.db);
    const sessions = new SessionsRepository(services.editor);
    this.sessions = new Live(() => sessions.watchSessions(programId()));
    this.positions = new Live(() => repo.watchPositions(this.wanted));
  }

  /** The session the trails start from; undefined while there is none. */
  readonly last: Session | undefined = $derived.by(() => (this.sessions.value ? lastClosedSession(this.sessions.value) : undefined));
  /** The snapshot to read: the last session's close. */
  private readonly wanted: string = $derived.by(() => this.last?.endSnapshotId ?? '');
  readonly loaded = $derived.by(() => this.sessions.loaded && this.positions.value?.snapshotId === this.wanted);
  readonly problem: ReadProblem | undefined = $derived.by(() => readProblem(this.sessions.error ?? this.positions.error));
  /** When the last session closed, and where each item was then, by id; undefined while there is none. */
  readonly start: { at: number; byId: Map<string, { impact: number; uncertainty: number }> } | undefined = $derived.by(() => {
    const kept = this.positions.value?.snapshotId === this.wanted ? this.positions.value.kept : undefined;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole from each snapshot read, never mutated
    return kept && { at: kept.at, byId: new Map(kept.items.map((i) => [i.id, { impact: i.impact, uncertainty: i.uncertainty }])) };
  });
}
