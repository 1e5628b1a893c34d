import type { ParticipantRound } from '../../../electron/room/protocol';

// A participant's dots in a voting round before they cast them: how many on each candidate,
// within the round's limits (dots per voter in all, at most so many on one candidate).

export type Dots = Record<string, number>;

export function dotsUsed(dots: Dots): number {
  return Object.values(dots).reduce((sum, n) => sum + n, 0);
}

export function dotsLeft(round: Pick<ParticipantRound, 'dotsPerVoter'>, dots: Dots): number {
  return round.dotsPerVoter - dotsUsed(dots);
}

/** Whether one more dot may go on the candidate. */
export function canAdd(round: Pick<ParticipantRound, 'dotsPerVoter' | 'maxPerCandidate'>, dots: Dots, candidateId: string): boolean {
  return dotsLeft(round, dots) > 0 && (dots[candidateId] ?? 0) < round.maxPerCandidate;
}

/** The dots with `change` (+1 or -1) on a candidate, or the same dots when the limits refuse it. */
export function changeDots(round: Pick<ParticipantRound, 'dotsPerVoter' | 'maxPerCandidate'>, dots: Dots, candidateId: string, change: 1 | -1): Dots {
  const now = dots[candidateId] ?? 0;
  if (change === 1 ? !canAdd(round, dots, candidateId) : now === 0) return dots;
  return { ...dots, [candidateId]: now + change };
}

/** The ballot's list: every candidate with at least one dot, in the round's order. */
export function ballotDots(round: Pick<ParticipantRound, 'candidates'>, dots: Dots): { candidateId: string; dots: number }[] {
  return round.candidates.filter((c) => (dots[c.id] ?? 0) > 0).map((c) => ({ candidateId: c.id, dots: dots[c.id]! }));
}
