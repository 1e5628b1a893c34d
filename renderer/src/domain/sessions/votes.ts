import { checkOneLine, failed, passed, type Check } from '../check';
import { placeItem, type Placement } from '../roadmap/board';
import type { Horizon, RoadmapItem } from '../roadmap/model';
import { TAG_MAX, TAGS_MAX, type UncertaintyItem } from '../uncertainty/model';
import { andList, plural, quoted, truncate } from '../words';
import {
  CANDIDATES_MAX,
  DOTS_MAX,
  FACILITATOR_VOTER,
  SESSION_TITLE_MAX,
  type Dots,
  type Session,
  type VoteCandidate,
  type VoteMode,
  type VoteReveal,
  type VoteRound,
  type VoteTarget,
} from './model';

// Voting rounds' rules, one place for the setup form, the ballot screen, the repository and the
// file reader: who votes, what a ballot may hold, the totals, when a result may be seen, the
// ranking with its ties, and what applying a result changes.
//
// Nothing of a result is shown before the reveal, in any round (against groupthink). A secret
// round keeps its ballots without names, for good: `voted` says who voted, and each ballot goes in
// at a random place, so neither the names nor the order tie a ballot to a person.

export const VOTE_TARGET_LABELS: Record<VoteTarget, string> = {
  uncertainty: 'Uncertainty items',
  option: 'A matrix’s options',
  roadmapItem: 'Roadmap items',
  parking: 'Parking-lot topics',
};

/** The facilitator's name for a voter id: a participant's name, "Facilitator", or the id when unknown. */
export function voterName(session: Pick<Session, 'participants' | 'facilitator'>, voterId: string): string {
  if (voterId === FACILITATOR_VOTER) return session.facilitator ? `${session.facilitator} (facilitator)` : 'Facilitator';
  return session.participants.find((p) => p.id === voterId)?.name ?? 'A former participant';
}

/** Who votes: the session's participants, and the facilitator only when they choose to ("I vote too"). */
export function votersOf(session: Pick<Session, 'participants'>, facilitatorVotes: boolean): string[] {
  const ids = session.participants.map((p) => p.id);
  return facilitatorVotes ? [...ids, FACILITATOR_VOTER] : ids;
}

export interface RoundSetup {
  title: string;
  target: VoteTarget;
  /** The matrix whose options are voted on; '' for other targets. */
  matrixId: string;
  candidates: VoteCandidate[];
  mode: VoteMode;
  dotsPerVoter: number;
  maxPerCandidate: number;
  secret: boolean;
  reveal: VoteReveal;
  voterIds: string[];
}

export function checkRoundTitle(raw: string): Check<string> {
  return checkOneLine(raw, SESSION_TITLE_MAX, 'round’s title', 'Give the round a title (what is being decided).');
}

function checkDotRule(value: number, what: string, max: number): Check<number> {
  if (!Number.isInteger(value) || value < 1 || value > max) return failed(`Give ${what} as a whole number from 1 to ${max}.`);
  return passed(value);
}

/**
 * A round as it may be set up in `session`: a title, at least two distinct candidates (one is no
 * choice), dots per voter and the most per candidate (never more than a voter has), and voters
 * who are the session's participants or the facilitator. A round needs someone to vote.
 */
export function checkRoundSetup(setup: RoundSetup, session: Pick<Session, 'participants'>): Check<RoundSetup> {
  const title = checkRoundTitle(setup.title);
  if (!title.ok) return title;
  if (setup.candidates.length < 2) return failed('Choose at least two candidates to vote on.');
  if (setup.candidates.length > CANDIDATES_MAX) return failed(`A round has up to ${CANDIDATES_MAX} candidates.`);
  if (new Set(setup.candidates.map((c) => c.id)).size !== setup.candidates.length) return failed('A candidate is listed twice.');
  if ((setup.target === 'option') !== (setup.matrixId !== '')) return failed('Choose the matrix whose options are voted on.');
  const dots = checkDotRule(setup.dotsPerVoter, 'the dots each voter has', DOTS_MAX);
  if (!dots.ok) return dots;
  const most = checkDotRule(setup.maxPerCandidate, 'the most dots on one candidate', dots.value);
  if (!most.ok) return failed(`${most.message.replace(/\.$/, '')}: no more than the dots each voter has.`);
  const people = new Set(session.participants.map((p) => p.id));
  const voters = [...new Set(setup.voterIds)];
  if (voters.some((v) => v !== FACILITATOR_VOTER && !people.has(v))) return failed('Only the session’s participants (and the facilitator) vote.');
  // Totals counted on a wall or by a show of hands need no list of who is in the room.
  if (voters.length === 0 && setup.mode === 'ballots') return failed('Nobody votes: add participants to the session, or tick “I vote too”.');
  return passed({ ...setup, title: title.value, voterIds: voters, candidates: setup.candidates.map((c) => ({ id: c.id, label: truncate(c.label, SESSION_TITLE_MAX, '…') })) });
}

/** A new round from a checked setup: nobody has voted, nothing revealed, nothing applied. */
export function newRound(id: string, programId: string, sessionId: string, blockId: string, setup: RoundSetup, now: number): VoteRound {
  return { id, programId, sessionId, blockId, ...setup, voted: [], ballots: [], tallies: [], revealedAt: null, applied: null, createdAt: now, updatedAt: now };
}

type Rules = Pick<VoteRound, 'candidates' | 'dotsPerVoter' | 'maxPerCandidate'>;

/**
 * What is wrong with one voter's dots, or undefined when they keep the round's rules: only the
 * round's candidates, each once, whole dots from 0 to the most per candidate, and in all no more
 * than the voter has. Fewer is allowed: a voter may leave dots unused.
 */
export function ballotProblem(round: Rules, dots: readonly Dots[]): string | undefined {
  const candidates = new Map(round.candidates.map((c) => [c.id, c.label]));
  const seen = new Set<string>();
  let total = 0;
  for (const d of dots) {
    const label = candidates.get(d.candidateId);
    if (label === undefined) return `dots on ${d.candidateId}, which is not a candidate of the round`;
    if (seen.has(d.candidateId)) return `dots on ${quoted(label)} are given twice`;
    seen.add(d.candidateId);
    if (!Number.isInteger(d.dots) || d.dots < 0) return `dots on ${quoted(label)} must be a whole number`;
    if (d.dots > round.maxPerCandidate) return `${plural(d.dots, 'dot')} on ${quoted(label)}, but a voter puts at most ${round.maxPerCandidate} on one`;
    total += d.dots;
  }
  if (total > round.dotsPerVoter) return `${plural(total, 'dot')} in all, but each voter has ${round.dotsPerVoter}`;
  return undefined;
}

/** The dots as stored: only candidates given dots, in the round's candidate order. */
function cleanDots(round: Pick<VoteRound, 'candidates'>, dots: readonly Dots[]): Dots[] {
  return round.candidates.flatMap((c) => {
    const given = dots.find((d) => d.candidateId === c.id)?.dots ?? 0;
    return given > 0 ? [{ candidateId: c.id, dots: given }] : [];
  });
}

/** Dots a voter has left to give. */
export function dotsLeft(round: Pick<VoteRound, 'dotsPerVoter'>, dots: readonly Dots[]): number {
  return round.dotsPerVoter - dots.reduce((sum, d) => sum + d.dots, 0);
}

/** Whether another dot may go on `candidateId`: the voter has one left and the candidate is under the most. */
export function canAddDot(round: Rules, dots: readonly Dots[], candidateId: string): boolean {
  const on = dots.find((d) => d.candidateId === candidateId)?.dots ?? 0;
  return dotsLeft(round, dots) > 0 && on < round.maxPerCandidate;
}

/** Who has not voted yet, in the order of the round's voters (the order the laptop goes round). */
export function waitingVoters(round: Pick<VoteRound, 'voterIds' | 'voted'>): string[] {
  const voted = new Set(round.voted);
  return round.voterIds.filter((v) => !voted.has(v));
}

/**
 * The fields to store when `voterId` casts `dots`, or the sentence why not. In a secret round the
 * ballot names nobody and goes in at a random place (`random` in [0, 1)); the round reveals itself
 * when the rule is "when everyone has voted" and this was the last voter.
 */
export function castBallot(round: VoteRound, voterId: string, dots: readonly Dots[], now: number, random: () => number): Check<Partial<VoteRound>> {
  if (round.mode !== 'ballots') return failed('This round’s totals are entered by the facilitator.');
  if (round.revealedAt !== null) return failed('This round is revealed: no more votes can be cast.');
  if (!round.voterIds.includes(voterId)) return failed('Only the round’s voters vote.');
  if (round.voted.includes(voterId)) return failed('This voter has voted already.');
  const problem = ballotProblem(round, dots);
  if (problem) return failed(`This ballot cannot be cast: ${problem}.`);
  const ballot = { voterId: round.secret ? '' : voterId, dots: cleanDots(round, dots) };
  const ballots = [...round.ballots];
  ballots.splice(round.secret ? Math.floor(random() * (ballots.length + 1)) : ballots.length, 0, ballot);
  const voted = [...round.voted, voterId];
  const revealNow = round.reveal === 'all-voted' && waitingVoters({ voterIds: round.voterIds, voted }).length === 0;
  return passed({ voted, ballots, ...(revealNow ? { revealedAt: now } : {}) });
}

/** The most dots a candidate, and all candidates together, can get from the round's voters. */
export function possibleDots(round: Pick<VoteRound, 'voterIds' | 'dotsPerVoter' | 'maxPerCandidate'>): { perCandidate: number; total: number } {
  const voters = round.voterIds.length;
  return { perCandidate: voters * round.maxPerCandidate, total: voters * round.dotsPerVoter };
}

/**
 * What is wrong with totals the facilitator entered (from dots on a wall or a show of hands), or
 * undefined: only candidates, whole numbers, none above what the voters could give one candidate,
 * and together no more than all the voters' dots.
 */
export function talliesProblem(round: Pick<VoteRound, 'candidates' | 'voterIds' | 'dotsPerVoter' | 'maxPerCandidate'>, tallies: readonly Dots[]): string | undefined {
  const possible = possibleDots(round);
  const unbounded = ballotProblem({ candidates: round.candidates, dotsPerVoter: Infinity, maxPerCandidate: Infinity }, tallies);
  // With nobody listed, the room was counted as it was: there is nothing to check the counts against.
  if (unbounded || round.voterIds.length === 0) return unbounded;
  const voters = plural(round.voterIds.length, 'voter');
  const over = tallies.find((d) => d.dots > possible.perCandidate);
  if (over) {
    const label = round.candidates.find((c) => c.id === over.candidateId)?.label ?? over.candidateId;
    return `${plural(over.dots, 'dot')} on ${quoted(label)}, but ${voters}, each putting at most ${round.maxPerCandidate} on one, can give it ${possible.perCandidate} at most`;
  }
  const total = tallies.reduce((sum, d) => sum + d.dots, 0);
  if (total > possible.total) return `${plural(total, 'dot')} in all, but ${voters} with ${round.dotsPerVoter} each have ${possible.total} in all`;
  return undefined;
}

/** The fields to store for entered totals, or why not; the round reveals itself when its rule is "when everyone has voted". */
export function enterTallies(round: VoteRound, tallies: readonly Dots[], now: number): Check<Partial<VoteRound>> {
  if (round.mode !== 'tally') return failed('In this round each participant casts a ballot.');
  if (round.revealedAt !== null) return failed('This round is revealed: its totals are final.');
  const problem = talliesProblem(round, tallies);
  if (problem) return failed(`These totals cannot be right: ${problem}.`);
  const cleaned = cleanDots(round, tallies);
  if (cleaned.length === 0) return failed('Enter at least one candidate’s dots.');
  return passed({ tallies: cleaned, ...(round.reveal === 'all-voted' ? { revealedAt: now } : {}) });
}

/** The fields to store when the facilitator reveals the result, or why not. */
export function revealRound(round: VoteRound, now: number): Check<Partial<VoteRound>> {
  if (round.revealedAt !== null) return failed('This round is revealed already.');
  if (round.mode === 'tally' && round.tallies.length === 0) return failed('Enter the totals before revealing them.');
  if (round.mode === 'ballots' && round.voted.length === 0) return failed('Nobody has voted yet.');
  return passed({ revealedAt: now });
}

/** Each candidate's dots: the ballots added up, or the entered totals. */
export function totals(round: Pick<VoteRound, 'candidates' | 'mode' | 'ballots' | 'tallies'>): Map<string, number> {
  const sums = new Map(round.candidates.map((c) => [c.id, 0]));
  const add = (dots: readonly Dots[]) => dots.forEach((d) => sums.has(d.candidateId) && sums.set(d.candidateId, sums.get(d.candidateId)! + d.dots));
  if (round.mode === 'tally') add(round.tallies);
  else round.ballots.forEach((b) => add(b.dots));
  return sums;
}

export interface RankedCandidate {
  id: string;
  label: string;
  dots: number;
  /** 1 for the most dots; tied candidates share a rank (1, 1, 3). */
  rank: number;
  /** Whether another candidate has the same dots. */
  tied: boolean;
}

/**
 * The result, most dots first (ties keep the round's candidate order and share a rank), or
 * undefined before the reveal: nothing of a result, not even a count, is given out before it.
 */
export function revealedRanking(round: VoteRound): RankedCandidate[] | undefined {
  if (round.revealedAt === null) return undefined;
  const sums = totals(round);
  const sorted = round.candidates.map((c, index) => ({ ...c, dots: sums.get(c.id) ?? 0, index })).sort((a, b) => b.dots - a.dots || a.index - b.index);
  const counts = new Map<number, number>();
  for (const c of sorted) counts.set(c.dots, (counts.get(c.dots) ?? 0) + 1);
  return sorted.map((c) => ({ id: c.id, label: c.label, dots: c.dots, rank: sorted.findIndex((o) => o.dots === c.dots) + 1, tied: counts.get(c.dots)! > 1 }));
}

/** Who gave what, for a named round once revealed; undefined for a secret round or before the reveal. */
export function namedBallots(round: VoteRound): { voterId: string; dots: Dots[] }[] | undefined {
  if (round.secret || round.revealedAt === null) return undefined;
  return round.ballots.map((b) => ({ voterId: b.voterId, dots: b.dots }));
}

/** The result as one sentence, for screen readers and for anyone who cannot tell the bars apart. */
export function describeRanking(ranking: readonly RankedCandidate[]): string {
  if (ranking.length === 0) return 'No candidates.';
  const places = ranking.map((c) => `${c.tied ? `tied ${ordinal(c.rank)}` : ordinal(c.rank)}: ${c.label}, ${plural(c.dots, 'dot')}`);
  return `${places.join('; ')}.`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

// --- Applying a result ---

/** The tag "test first" marks the uncertainty items to test first; the map's tag filter finds them. */
export const TEST_FIRST_TAG = 'test first';

/** The ways a result changes the program; a matrix's options and parking-lot topics have none (a vote on them is not a decision). */
export const APPLY_KINDS = ['test-first', 'tag', 'roadmap-top', 'roadmap-now'] as const;
export type ApplyKind = (typeof APPLY_KINDS)[number];
export const APPLY_KIND_LABELS: Record<ApplyKind, string> = {
  'test-first': 'Tag them “test first”',
  tag: 'Tag them',
  'roadmap-top': 'Move them to the top of their horizon',
  'roadmap-now': 'Move them to Now',
};

export function applyKindsFor(target: VoteTarget): ApplyKind[] {
  if (target === 'uncertainty') return ['test-first', 'tag'];
  if (target === 'roadmapItem') return ['roadmap-top', 'roadmap-now'];
  return [];
}

export interface ApplyChoice {
  kind: ApplyKind;
  /** How many of the top candidates (ties at the edge come in too). */
  top: number;
  /** The tag, for 'tag'. */
  tag: string;
}

/**
 * The top `n` candidates with at least one dot, in vote order. A tie across the edge takes in
 * everyone tied: of candidates with 5, 4, 4 and 2 dots, the top 2 are three.
 */
export function topCandidates(ranking: readonly RankedCandidate[], n: number): RankedCandidate[] {
  const scored = ranking.filter((c) => c.dots > 0);
  const edge = scored[n - 1];
  if (!edge) return scored;
  return scored.filter((c) => c.rank <= edge.rank);
}

export function checkApplyTag(raw: string): Check<string> {
  return checkOneLine(raw, TAG_MAX, 'tag', 'Type the tag to give them.');
}

/**
 * Whether the round's result may be applied now, as `choice`, and to which candidates (in vote
 * order), or the sentence why not: revealed first, applied once, a way its target has, and at
 * least one candidate with dots.
 */
export function checkApply(round: VoteRound, choice: ApplyChoice): Check<{ winners: RankedCandidate[]; tag: string }> {
  if (round.applied) return failed(`This result was applied already (${round.applied.how}). Undo that first to apply it another way.`);
  const ranking = revealedRanking(round);
  if (!ranking) return failed('Reveal the result before applying it.');
  if (!applyKindsFor(round.target).includes(choice.kind)) return failed(`A vote on ${VOTE_TARGET_LABELS[round.target].toLowerCase()} is not applied to the program: its result is kept with the session.`);
  if (!Number.isInteger(choice.top) || choice.top < 1 || choice.top > round.candidates.length) return failed(`Choose how many of the top candidates, from 1 to ${round.candidates.length}.`);
  const tag = choice.kind === 'tag' ? checkApplyTag(choice.tag) : choice.kind === 'test-first' ? passed(TEST_FIRST_TAG) : passed('');
  if (!tag.ok) return tag;
  const winners = topCandidates(ranking, choice.top);
  if (winners.length === 0) return failed('No candidate got a dot: there is nothing to apply.');
  return passed({ winners, tag: tag.value });
}

/** The items' tags with `tag` added where missing (case aside), or why an item cannot take another. */
export function taggedItems(items: readonly Pick<UncertaintyItem, 'id' | 'title' | 'tags'>[], tag: string): Check<{ id: string; tags: string[] }[]> {
  const changes: { id: string; tags: string[] }[] = [];
  for (const item of items) {
    if (item.tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) continue;
    if (item.tags.length >= TAGS_MAX) return failed(`${quoted(item.title)} has ${TAGS_MAX} tags already: remove one first.`);
    changes.push({ id: item.id, tags: [...item.tags, tag] });
  }
  return passed(changes);
}

/**
 * Where the winners go on the roadmap, in vote order: to the top of their own horizon, or to the
 * top of Now. Every item whose horizon or order changes is listed once with its final place.
 */
export function votedPlacement(items: readonly RoadmapItem[], winnerIds: readonly string[], toNow: boolean): Placement {
  let working = items.map((i) => ({ ...i }));
  const present = winnerIds.filter((id) => working.some((i) => i.id === id));
  present.forEach((id, index) => {
    const item = working.find((i) => i.id === id)!;
    // Winners already placed stay above: the index counts the winners in the same horizon before this one.
    const horizon: Horizon = toNow ? 'now' : item.horizon;
    const above = present.slice(0, index).filter((w) => working.find((i) => i.id === w)!.horizon === horizon).length;
    for (const change of placeItem(working, id, { horizon, index: above })) {
      working = working.map((i) => (i.id === change.id ? { ...i, horizon: change.horizon, order: change.order } : i));
    }
  });
  return working.flatMap((after) => {
    const before = items.find((i) => i.id === after.id)!;
    return before.horizon !== after.horizon || before.order !== after.order ? [{ id: after.id, horizon: after.horizon, order: after.order }] : [];
  });
}

/** The longest `applied.how` a file may hold. */
export const APPLIED_HOW_MAX = 500;

/** What applying did, as kept in `applied.how` and said in the toast. */
export function describeApply(kind: ApplyKind, labels: readonly string[], tag: string): string {
  const names = labels.length > 5 ? plural(labels.length, 'item') : andList(labels.map(quoted));
  const how = kind === 'roadmap-top' ? `moved ${names} to the top of their horizon` : kind === 'roadmap-now' ? `moved ${names} to Now` : `tagged ${names} ${quoted(tag)}`;
  return truncate(how, APPLIED_HOW_MAX, '…');
}

/** How far a round has got, before its reveal: "2 of 3 voters voted", or whether the totals are in. */
export function roundProgress(round: VoteRound): string {
  if (round.mode === 'tally') return round.tallies.length ? 'Totals entered' : 'Waiting for the totals';
  return `${round.voted.length} of ${plural(round.voterIds.length, 'voter')} voted`;
}
