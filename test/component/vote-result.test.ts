import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { VoteRound } from '../../renderer/src/domain/sessions/model';
import VoteResult from '../../renderer/src/views/sessions/votes/VoteResult.svelte';

const session = { facilitator: 'Mo', participants: [{ id: 'ana', name: 'Ana', function: '' }, { id: 'ben', name: 'Ben', function: '' }] };

function round(overrides: Partial<VoteRound> = {}): VoteRound {
  return {
    id: 'r',
    programId: 'p',
    sessionId: 's',
    blockId: '',
    title: 'Which first',
    target: 'roadmapItem',
    matrixId: '',
    candidates: [
      { id: 'a', label: 'Voice' },
      { id: 'b', label: 'Hybrid retrieval' },
      { id: 'c', label: 'FAQ bot' },
    ],
    mode: 'ballots',
    dotsPerVoter: 3,
    maxPerCandidate: 3,
    secret: false,
    reveal: 'facilitator',
    voterIds: ['ana', 'ben', 'facilitator'],
    voted: ['ana', 'facilitator'],
    ballots: [
      { voterId: 'ana', dots: [{ candidateId: 'b', dots: 3 }] },
      { voterId: 'facilitator', dots: [{ candidateId: 'a', dots: 1 }, { candidateId: 'b', dots: 1 }] },
    ],
    tallies: [],
    revealedAt: null,
    applied: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

describe('VoteResult', () => {
  it('before the reveal says only how many voted: no candidate, no count', () => {
    render(VoteResult, { props: { round: round(), session } });
    const region = screen.getByRole('region', { name: 'Result of Which first' });
    expect(region).toHaveTextContent('Hidden until the reveal. 2 of 3 voters voted.');
    for (const label of ['Voice', 'Hybrid retrieval', 'FAQ bot']) expect(region).not.toHaveTextContent(label);
    expect(within(region).queryByRole('list')).toBeNull();
  });

  it('once revealed ranks with numbers and a sentence, and a named round tells who gave what on demand', async () => {
    render(VoteResult, { props: { round: round({ revealedAt: 2 }), session } });
    const region = screen.getByRole('region', { name: 'Result of Which first' });
    const rows = within(region).getAllByRole('listitem').filter((li) => li.closest('ol'));
    expect(rows.map((li) => [...li.children].map((c) => c.textContent).join('|'))).toEqual(['1|Hybrid retrieval||4 dots', '2|Voice||1 dot', '3|FAQ bot||0 dots']);
    expect(region).toHaveTextContent('1st: Hybrid retrieval, 4 dots; 2nd: Voice, 1 dot; 3rd: FAQ bot, 0 dots.');
    const who = within(region).getByText('Who gave what');
    await fireEvent.click(who);
    expect(who.closest('details')).toHaveTextContent('Ana: Hybrid retrieval (3 dots)');
    expect(who.closest('details')).toHaveTextContent('Mo (facilitator): Voice (1 dot), Hybrid retrieval (1 dot)');
  });

  it('never tells who gave what in a secret round', () => {
    render(VoteResult, { props: { round: round({ secret: true, revealedAt: 2, ballots: round().ballots.map((b) => ({ ...b, voterId: '' })) }), session } });
    expect(screen.queryByText('Who gave what')).toBeNull();
    expect(screen.getByRole('region')).not.toHaveTextContent(/Ana|Mo/);
  });
});
