import type { Program } from '../domain/program';
import { VOTE_MODES, VOTE_REVEALS, VOTE_TARGETS, type Dots, type Session, type VoteCandidate, type VoteRound, type VoteTarget } from '../domain/sessions/model';
import { checkApply, type ApplyChoice, type RoundSetup } from '../domain/sessions/votes';
import { quoted } from '../domain/words';
import { VotesRepository, type CandidateSources } from '../storage/votes-repo';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { fields, finite, flag, formDraft, oneOf, text, type Parse, type Preference } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { routeHref } from './routes';
import { useServices, type Services } from './services';
import { Writes } from './writes';

/** The setup form as the facilitator fills it in: kept on this computer until the round is set up. */
export type SetupDraft = {
  title: string;
  target: VoteTarget;
  matrixId: string;
  /** Candidates ticked; empty with `all` for every candidate. */
  picked: string[];
  all: boolean;
  mode: 'ballots' | 'tally';
  dotsPerVoter: number;
  maxPerCandidate: number;
  secret: boolean;
  reveal: 'facilitator' | 'all-voted';
  /** "I vote too": the facilitator votes in this round. */
  facilitatorVotes: boolean;
};

export const EMPTY_SETUP: SetupDraft = {
  title: '',
  target: 'uncertainty',
  matrixId: '',
  picked: [],
  all: true,
  mode: 'ballots',
  dotsPerVoter: 3,
  maxPerCandidate: 2,
  secret: true,
  reveal: 'facilitator',
  facilitatorVotes: false,
};

const ids: Parse<string[]> = (stored) => (Array.isArray(stored) && stored.every((s) => typeof s === 'string') ? (stored as string[]).slice(0, 1000) : undefined);
const whole: Parse<number> = (stored) => {
  const n = finite(stored);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
};
const parseSetup = fields<SetupDraft>({
  title: text(400),
  target: oneOf(VOTE_TARGETS),
  matrixId: text(100),
  picked: ids,
  all: flag,
  mode: oneOf(VOTE_MODES),
  dotsPerVoter: whole,
  maxPerCandidate: whole,
  secret: flag,
  reveal: oneOf(VOTE_REVEALS),
  facilitatorVotes: flag,
});

const NO_SOURCES: CandidateSources = { uncertainty: [], roadmapItem: [], matrices: [], parking: [] };

/** The candidates a target offers: a matrix's options for 'option', the other lists as they are. */
export function candidatesFor(sources: CandidateSources, target: VoteTarget, matrixId: string): VoteCandidate[] {
  if (target === 'option') return sources.matrices.find((m) => m.id === matrixId)?.options ?? [];
  return sources[target];
}

/**
 * A session's voting rounds as one block shows them, and every write: setting a round up,
 * casting ballots, entering totals, revealing, applying a result and deleting a round. A ballot
 * being filled in is never stored (nor journaled) before it is cast: it is secret until then.
 */
export class VotesState {
  private readonly repo: VotesRepository;
  private readonly writes: Writes;
  private readonly roundsLive: Live<VoteRound[]>;
  private readonly sourcesLive: Live<CandidateSources>;
  /** The setup form, kept until the round is set up (a reload or another block loses nothing). */
  readonly setup: Preference<Partial<SetupDraft>>;

  constructor(
    private readonly program: () => Program,
    private readonly session: () => Session,
    private readonly blockId: () => string,
    services: Services = useServices(),
  ) {
    this.repo = new VotesRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.roundsLive = new Live(() => this.repo.watchVotes(this.session().id));
    this.sourcesLive = new Live(() => this.repo.watchCandidateSources(this.program().id, this.session().id));
    this.setup = formDraft('vote-setup', this.session().id, parseSetup, {} as Partial<SetupDraft>);
  }

  get loaded(): boolean {
    return this.roundsLive.loaded;
  }
  get problem(): ReadProblem | undefined {
    return readProblem(this.roundsLive.error ?? this.sourcesLive.error);
  }
  get sources(): CandidateSources {
    return this.sourcesLive.value ?? NO_SOURCES;
  }
  get rounds(): VoteRound[] {
    return this.roundsLive.value ?? [];
  }
  /** The rounds set up in this block, oldest first. */
  blockRounds = $derived(this.rounds.filter((r) => r.blockId === this.blockId()));
  /** The session's rounds from its other blocks. */
  otherRounds = $derived(this.rounds.filter((r) => r.blockId !== this.blockId()));

  /** The setup form with every field filled (what was kept, over the defaults). */
  get draft(): SetupDraft {
    return { ...EMPTY_SETUP, ...this.setup.value };
  }
  changeDraft(patch: Partial<SetupDraft>): void {
    this.setup.set({ ...this.setup.value, ...patch });
  }
  clearDraft(): void {
    this.setup.set({});
  }

  matrixHref(matrixId: string): string {
    return routeHref({ name: 'program', programId: this.program().id, area: 'tradeoffs', recordId: matrixId });
  }

  addRound(setup: RoundSetup): Promise<Result<VoteRound>> {
    return this.writes.run(() => this.repo.addRound(this.session().id, this.blockId(), setup), {
      success: (round) => `Set up the vote ${quoted(round.title)}.`,
      undo: true,
    });
  }

  /** Casts one voter's ballot. No toast, and no Undo offered: the next voter is about to take the laptop. */
  castBallot(round: VoteRound, voterId: string, dots: readonly Dots[]): Promise<Result<VoteRound>> {
    return this.writes.run(() => this.repo.castBallot(round.id, voterId, dots));
  }

  enterTallies(round: VoteRound, tallies: readonly Dots[]): Promise<Result<VoteRound>> {
    return this.writes.run(() => this.repo.enterTallies(round.id, tallies), {
      success: (next) => (next.revealedAt === null ? 'Totals entered: they stay hidden until you reveal them.' : 'Totals entered and revealed.'),
      undo: true,
    });
  }

  reveal(round: VoteRound): Promise<Result<VoteRound>> {
    return this.writes.run(() => this.repo.reveal(round.id), { success: `Revealed ${quoted(round.title)}.`, undo: true });
  }

  /** What applying would be refused for, before trying: the form shows it beside the button. */
  applyProblem(round: VoteRound, choice: ApplyChoice): string | undefined {
    const checked = checkApply(round, choice);
    return checked.ok ? undefined : checked.message;
  }

  applyResult(round: VoteRound, choice: ApplyChoice): Promise<Result<VoteRound>> {
    return this.writes.run(() => this.repo.applyResult(round.id, choice), {
      success: (next) => `Applied the vote: ${next.applied?.how ?? ''}.`,
      undo: true,
    });
  }

  async deleteRound(round: VoteRound): Promise<Result<void> | undefined> {
    const ok = await confirm({
      title: `Delete the vote ${quoted(round.title)}?`,
      message: `${round.voted.length || round.tallies.length ? 'Its ballots and result go with it. ' : ''}Undo brings it back.`,
      confirmLabel: 'Delete vote',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteRound(round.id), { success: `Deleted the vote ${quoted(round.title)}.`, undo: true });
  }
}
