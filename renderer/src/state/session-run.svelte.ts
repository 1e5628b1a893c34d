import type { CapturedRecord } from '../domain/sessions/capture';
import { CAPTURE_KINDS, type AgendaBlock, type BlockOutcome, type Capture, type CaptureKind, type Session } from '../domain/sessions/model';
import {
  agendaLeftMs,
  blockElapsedMs,
  blockRemainingMs,
  blockState,
  currentBlock,
  isOverrun,
  isTimeUp,
  sessionTimeLeftMs,
  unfinishedAtEnd,
} from '../domain/sessions/timer';
import { andList, plural, quoted } from '../domain/words';
import { SessionRunRepository } from '../storage/session-run-repo';
import { SessionsRepository } from '../storage/sessions-repo';
import { Clock } from './clock.svelte';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { flag, formDraft, oneOf, preference, text } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { routeHref, type ProgramArea } from './routes';
import { useServices, type Services } from './services';
import { Writes } from './writes';

/** Whether the facilitator wants a chime when a block's time is up, remembered on this computer. */
export const chimePreference = () => preference('keel.sessions.chime', flag, false);

/** The area each captured record opens in. */
const CAPTURE_AREAS: Partial<Record<CaptureKind, ProgramArea>> = { uncertainty: 'uncertainty', decision: 'decisions', scope: 'scope', action: 'actions' };

/** Where a capture's record opens; undefined for a note or a parking-lot topic. */
export function captureHref(capture: Pick<Capture, 'programId' | 'kind' | 'recordId'>): string | undefined {
  const area = CAPTURE_AREAS[capture.kind];
  return area && capture.recordId ? routeHref({ name: 'program', programId: capture.programId, area, recordId: capture.recordId }) : undefined;
}

const CAPTURED_WORDS: Record<CaptureKind, string> = {
  uncertainty: 'on the uncertainty map',
  decision: 'as a draft in the decision log',
  scope: 'as a pending scope change',
  action: 'as an open action',
  note: 'as a note',
  parking: 'in the parking lot',
};

/**
 * Running a session: starting it (Prepare's Start button calls `start`), moving through its
 * blocks, capturing, and ending it. Every write is one edit with Undo offered.
 */
export class SessionRunState {
  private readonly repo: SessionRunRepository;
  private readonly writes: Writes;

  constructor(services: Services = useServices()) {
    this.repo = new SessionRunRepository(services.editor);
    this.writes = new Writes(services.editor);
  }

  /** Starts the session: its first unfinished block's countdown runs at once. */
  start(session: Session): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.start(session.id), { success: `Started ${quoted(session.title)}.`, undo: true });
  }

  goTo(session: Session, block: AgendaBlock): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.goTo(session.id, block.id));
  }

  pause(session: Session): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.pause(session.id));
  }

  resume(session: Session): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.resume(session.id));
  }

  /** Pauses a running block, resumes a paused one. */
  togglePause(session: Session): Promise<Result<Session>> | undefined {
    const block = currentBlock(session);
    if (!block) return undefined;
    return blockState(block) === 'paused' ? this.resume(session) : this.pause(session);
  }

  extend(session: Session, minutes: number): Promise<Result<Session>> {
    return this.writes.run(() => this.repo.extend(session.id, minutes));
  }

  /** Ends the current block (done, or skipped: it stays unfinished and is carried over) and starts the next. */
  finish(session: Session, outcome: BlockOutcome): Promise<Result<Session>> | undefined {
    const block = currentBlock(session);
    if (!block) return undefined;
    return this.writes.run(() => this.repo.finish(session.id, outcome), {
      success: outcome === 'skipped' ? `Skipped ${quoted(block.title)}: it stays on the list to carry over.` : undefined,
      undo: true,
    });
  }

  /** Ends the session after a confirmation that names the blocks carried over to the next one. */
  async end(session: Session): Promise<Result<Session> | undefined> {
    const carried = unfinishedAtEnd(session);
    const current = currentBlock(session);
    const ok = await confirm({
      title: `End ${quoted(session.title)}?`,
      message: [
        current ? `${quoted(current.title)} closes as done.` : '',
        carried.length
          ? `${plural(carried.length, 'block')} ${carried.length === 1 ? 'is' : 'are'} unfinished and will be carried over to the next session: ${andList(carried.map((b) => quoted(b.title)))}.`
          : 'Every block is done.',
        'The program as it stands now is kept with the session. Undo reopens it.',
      ]
        .filter(Boolean)
        .join(' '),
      confirmLabel: 'End session',
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.end(session.id), {
      success: carried.length ? `Ended ${quoted(session.title)}; ${plural(carried.length, 'block')} carried over.` : `Ended ${quoted(session.title)}.`,
      undo: true,
    });
  }

  /** Records a line from the capture bar in its area (or with the session), with Undo of both. */
  capture(session: Session, kind: CaptureKind, line: string): Promise<Result<{ capture: Capture; record: CapturedRecord | null }>> {
    return this.writes.run(() => this.repo.capture(session.id, kind, line), {
      success: ({ capture }) => `Captured ${quoted(capture.text)} ${CAPTURED_WORDS[kind]}.`,
      undo: true,
    });
  }

  setCaptureDone(capture: Capture, done: boolean): Promise<Result<Capture>> {
    return this.writes.run(() => this.repo.setCaptureDone(capture.id, done));
  }
}

/**
 * Says when a block's time runs out while this window watches: true once per block end, not when
 * a reload finds the block already over, and again only after more time was added and ran out.
 */
export class TimeUpWatch {
  private seen: { id: string; up: boolean } | undefined;

  /** Takes the block shown now and whether its time is up; true at the moment it runs out. */
  ranOut(id: string, up: boolean): boolean {
    const rose = this.seen !== undefined && this.seen.id === id && !this.seen.up && up;
    this.seen = { id, up };
    return rose;
  }
}

const MINUTE = 60_000;
const minutes = (ms: number) => Math.ceil(Math.max(0, ms) / MINUTE);

/**
 * What the run view shows, worked out each tick from the stored session and the time now: the
 * countdown, time up, the session's time left and whether the agenda still fits, and the captures.
 */
export class RunView {
  private readonly clock = new Clock(500);
  private readonly capturesLive: Live<Capture[]>;
  readonly chime = chimePreference();
  /** The capture bar's kind and text, kept until recorded (a reload loses nothing typed). */
  readonly captureKind;
  readonly captureText;

  constructor(
    private readonly session: () => Session,
    services: Services = useServices(),
  ) {
    const reads = new SessionsRepository(services.editor);
    this.capturesLive = new Live(() => reads.watchCaptures(this.session().id));
    const id = this.session().id;
    this.captureKind = formDraft<CaptureKind>('capture-kind', id, oneOf(CAPTURE_KINDS), 'uncertainty');
    this.captureText = formDraft('capture', id, text(5000), '');
  }

  get now(): number {
    return this.clock.now;
  }
  get captures(): Capture[] {
    return this.capturesLive.value ?? [];
  }
  get capturesLoaded(): boolean {
    return this.capturesLive.loaded;
  }
  get capturesProblem(): ReadProblem | undefined {
    return readProblem(this.capturesLive.error);
  }

  current = $derived.by(() => currentBlock(this.session()));
  state = $derived(this.current ? blockState(this.current) : undefined);
  remainingMs = $derived(this.current ? blockRemainingMs(this.current, this.now) : 0);
  timeUp = $derived(this.current ? isTimeUp(this.current, this.now) : false);
  overrun = $derived(this.current ? isOverrun(this.current, this.now) : false);
  sessionLeftMs = $derived.by(() => sessionTimeLeftMs(this.session(), this.now));
  agendaNeedsMs = $derived.by(() => agendaLeftMs(this.session(), this.now));

  /** "Agenda needs 35 min, 28 left": whether what is left of the agenda fits the time left. */
  fit = $derived.by(() => {
    const needs = minutes(this.agendaNeedsMs);
    const left = minutes(this.sessionLeftMs);
    return { fits: needs <= left, sentence: `Agenda needs ${needs} min, ${left} left` };
  });

  /** Minutes a block actually ran so far (rounded), for planned against actual. */
  actualMinutes(block: AgendaBlock): number {
    return Math.round(blockElapsedMs(block, this.now) / MINUTE);
  }
}
