import type { Program } from '../domain/program';
import type { Session, VoteRound } from '../domain/sessions/model';
import { ProgramRepository } from '../storage/programs-repo';
import { SessionsRepository } from '../storage/sessions-repo';
import { Clock } from './clock.svelte';
import { Live } from './live.svelte';
import { PresenterChannel, PresenterChoiceSchema, type PresenterChoice, type PresenterMessage, type PresenterView } from './presenter-channel';
import { presenterFrame, roundToPresent } from './presenter-frame';
import { preference, type Preference } from './preferences.svelte';
import { readProblem } from './result';
import { useServices, type Services } from './services';

// The presenter window's end (PresenterWindow): it follows the stored session and the
// facilitator's choice, and notices when the facilitator's window goes. The facilitator's end
// is in presenter-link.svelte.ts.

export const DEFAULT_CHOICE: PresenterChoice = { view: 'timer', blank: false };

/**
 * What the presenter shows for a session, remembered on this computer (not in the session: it
 * is how this room's screen is used, not part of the program, and switching the screen is not
 * an edit to undo). A preference crosses windows through the storage event, and survives a
 * reload of either window.
 */
export function presenterChoice(sessionId: string): Preference<PresenterChoice> {
  return preference(`keel.presenter.${sessionId}`, (stored) => {
    const parsed = PresenterChoiceSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }, DEFAULT_CHOICE);
}

/** How often the facilitator's window says it is there, and how long the presenter waits before saying it is not. */
export const PING_EVERY_MS = 2_000;
export const FACILITATOR_GONE_AFTER_MS = 7_000;

/** The facilitator's window, as the presenter knows it. */
export type FacilitatorPresence = 'waiting' | 'here' | 'closed' | 'absent';

/**
 * The presenter window's end: the session, its votes and the program, live; the time, ticking
 * every second; the facilitator's choice; and whether the facilitator's window is still there.
 */
export class PresenterState {
  private readonly sessionLive: Live<Session | undefined>;
  private readonly votesLive: Live<VoteRound[]>;
  private readonly programLive: Live<Program | undefined>;
  private readonly clock = new Clock(1_000);
  readonly choice: Preference<PresenterChoice>;
  private heardAt = $state<number | undefined>(undefined);
  private closedAt = $state<number | undefined>(undefined);
  private readonly openedAt = Date.now();

  constructor(
    readonly programId: string,
    readonly sessionId: string,
    services: Services = useServices(),
  ) {
    const sessions = new SessionsRepository(services.editor);
    const programs = new ProgramRepository(services.editor);
    this.sessionLive = new Live(() => sessions.watchSession(sessionId));
    this.votesLive = new Live(() => sessions.watchVotes(sessionId));
    this.programLive = new Live(() => programs.watch(programId));
    this.choice = presenterChoice(sessionId);
    $effect(() => {
      const channel = new PresenterChannel(sessionId, (message) => this.hear(message));
      channel.post({ type: 'hello', sessionId });
      return () => channel.close();
    });
  }

  private hear(message: PresenterMessage): void {
    if (message.type === 'ping') {
      this.heardAt = Date.now();
      this.closedAt = undefined;
    } else if (message.type === 'closing') {
      this.closedAt = Date.now();
    } else if (message.type === 'show') {
      // Shown at once; the stored choice arrives with the storage event and says the same.
      this.choice.value = message.choice;
    }
  }

  get now(): number {
    return this.clock.now;
  }

  get loaded(): boolean {
    return this.sessionLive.loaded && this.programLive.loaded;
  }

  get problem() {
    return readProblem(this.sessionLive.error ?? this.programLive.error ?? this.votesLive.error);
  }

  session = $derived.by(() => {
    const session = this.sessionLive.value;
    return session && session.programId === this.programId ? session : undefined;
  });
  program = $derived.by(() => (this.programLive.value?.deletedAt === null ? this.programLive.value : undefined));
  frame = $derived(this.session ? presenterFrame(this.session, this.clock.now) : undefined);
  view: PresenterView = $derived.by(() => this.choice.value.view);
  blank = $derived.by(() => this.choice.value.blank);
  round = $derived.by(() => roundToPresent(this.votesLive.value ?? [], this.session?.currentBlockId));

  presence: FacilitatorPresence = $derived.by(() => {
    const now = this.clock.now;
    if (this.closedAt !== undefined) return 'closed';
    if (this.heardAt !== undefined) return now - this.heardAt > FACILITATOR_GONE_AFTER_MS ? 'closed' : 'here';
    return now - this.openedAt > FACILITATOR_GONE_AFTER_MS ? 'absent' : 'waiting';
  });
}
