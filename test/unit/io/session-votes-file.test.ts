import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';

// Voting rounds in the file: a round's ballots and totals must keep its own rules, and a round
// comes back from an export as it went in (a secret round's ballots still nameless).

const BASE = readFileSync(new URL('../../fixtures/hostile/vote-base.keel.json', import.meta.url), 'utf8');
type Round = Record<string, unknown> & { ballots: { voterId: string; dots: { candidateId: string; dots: number }[] }[] };

function withRound(change: (round: Round) => void): string {
  const file = JSON.parse(BASE);
  change(file.data.votes[0]);
  return JSON.stringify(file);
}

function refusal(text: string): string {
  const parsed = parseKeelFile(text);
  if (parsed.ok) throw new Error('accepted');
  return JSON.stringify(parsed.error);
}

describe('voting rounds in a file', () => {
  it('round-trip: exported and read again, a round is the same, its secret ballots still nameless', () => {
    const first = parseKeelFile(BASE);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const again = parseKeelFile(serializeProgram(first.snapshot, '9.9.9', new Date()));
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.file.data.votes).toEqual(first.file.data.votes);
    expect(again.file.data.votes[0]!.ballots.map((b) => b.voterId)).toEqual(['', '']);
  });

  it('refuses ballots that break the round’s rules, naming the field', () => {
    expect(refusal(withRound((r) => (r.ballots[0]!.dots[0]!.dots = 3)))).toContain('data.votes.0.ballots.0.dots: 3 dots on \\"A risk deleted since\\", but a voter puts at most 2 on one');
    expect(refusal(withRound((r) => r.ballots[0]!.dots.push({ candidateId: 'a1b2c3d4-0000-4000-8000-000000000999', dots: 1 })))).toContain('data.votes.0.ballots.0.dots: dots on a1b2c3d4-0000-4000-8000-000000000999, which is not a candidate');
    expect(refusal(withRound((r) => r.ballots.pop()))).toContain('data.votes.0.ballots: 1 ballots for 2 voters who voted');
    expect(refusal(withRound((r) => (r.ballots[0]!.voterId = 'a1b2c3d4-0000-4000-8000-000000000703')))).toContain('data.votes.0.ballots.0.voterId: a secret ballot names nobody');
    expect(refusal(withRound((r) => (r.tallies = [{ candidateId: r.ballots[0]!.dots[0]!.candidateId, dots: 1 }])))).toContain('data.votes.0.tallies: totals are entered only in a tally round');
    expect(refusal(withRound((r) => (r.applied = { at: '2026-11-26T10:00:00.000Z', how: 'tagged' })))).toContain('data.votes.0.applied: a result is applied only once revealed');
    expect(refusal(withRound((r) => (r.voted = [...(r.voted as string[]), (r.voted as string[])[0]])))).toContain('data.votes.0.voted.2');
    expect(refusal(withRound((r) => (r.maxPerCandidate = 4)))).toContain('data.votes.0.maxPerCandidate: more than the 3 dots each voter has');
  });

  it('checks a tally round’s totals against what its voters could give', () => {
    const tally = (dots: number) =>
      withRound((r) => {
        r.mode = 'tally';
        r.tallies = [{ candidateId: r.ballots[0]!.dots[0]!.candidateId, dots }];
        r.ballots = [];
        r.voted = [];
      });
    expect(parseKeelFile(tally(6)).ok).toBe(true);
    expect(refusal(tally(7))).toContain('data.votes.0.tallies: 7 dots on \\"A risk deleted since\\", but 3 voters, each putting at most 2 on one, can give it 6 at most');
  });
});
