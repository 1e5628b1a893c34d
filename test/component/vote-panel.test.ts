import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import type { Session } from '../../renderer/src/domain/sessions/model';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import { UncertaintyRepository } from '../../renderer/src/storage/uncertainty-repo';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import VotePanel from '../../renderer/src/views/sessions/votes/VotePanel.svelte';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

let services: Services;
let program: Program;
let session: Session;
const LABELS = ['Labels are noisy', 'Latency budget', 'Vendor lock-in'];

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-votes-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Plan' });
  const layerId = (await services.db.layers.where({ programId: program.id }).first())!.id;
  await new UncertaintyRepository(services.editor).addItems(program.id, LABELS.map((title) => ({ title, layerId, kind: 'risk' as const })));
  const block = newBlock({ title: 'What to test', plannedMinutes: 20, method: 'uncertainty' });
  session = {
    ...newSession(program.id, {
      title: 'Kick-off',
      participants: [
        { id: 'ana', name: 'Ana', function: 'Engineering' },
        { id: 'ben', name: 'Ben', function: 'Product' },
        { id: 'cy', name: 'Cy', function: 'Leadership' },
      ],
      blocks: [block],
    }, 1),
    status: 'running',
    startedAt: 1,
    currentBlockId: block.id,
  };
  await services.db.sessions.add(session);
});

afterEach(() => services.db.close());

function panel() {
  return render(VotePanel, { props: { program, session, blockId: session.currentBlockId }, context: servicesContext(services) });
}

async function setUpRound(totals = false) {
  await fireEvent.click(await screen.findByRole('button', { name: 'New vote' }));
  const form = await screen.findByRole('dialog', { name: 'New vote' });
  await waitFor(() => expect(within(form).getByText('Candidates (3 of 3)')).toBeInTheDocument());
  await fireEvent.input(within(form).getByLabelText('What is being decided'), { target: { value: 'What to test first' } });
  if (totals) await fireEvent.click(within(form).getByRole('radio', { name: /^Totals:/ }));
  await fireEvent.click(within(form).getByRole('button', { name: 'Set up the vote' }));
  return screen.findByRole('article', { name: 'What to test first' });
}

/** Gives `voter` a ballot and casts it; the dots are pressed on the named candidates. */
async function vote(box: HTMLElement, voter: string, plus: string[]) {
  expect(within(box).getByRole('heading', { name: `Pass the laptop to ${voter}` })).toBeInTheDocument();
  await fireEvent.click(within(box).getByRole('button', { name: `I am ${voter}: open my ballot` }));
  for (const label of plus) await fireEvent.click(within(box).getByRole('button', { name: `One dot more on ${label}` }));
  await fireEvent.click(within(box).getByRole('button', { name: 'Cast my vote' }));
  await within(box).findByRole('heading', { name: 'Vote cast.' });
}

describe('VotePanel', () => {
  it('passes a secret ballot round: each screen blanks after a vote, and nothing of the result shows before the reveal', async () => {
    panel();
    const card = await setUpRound();
    expect(within(card).getByText(/Secret ballots on this laptop · 3 dots each, at most 2 on one/)).toBeInTheDocument();
    await fireEvent.click(within(card).getByRole('button', { name: 'Open the ballot box' }));
    const box = document.querySelector<HTMLElement>('dialog.ballot-box')!;

    await fireEvent.click(within(box).getByRole('button', { name: 'I am Ana: open my ballot' }));
    expect(within(box).getByText('3 dots left')).toBeInTheDocument();
    // Keys on a row: + adds, − takes away; the most per candidate holds.
    const row = within(box).getByRole('group', { name: 'Labels are noisy' });
    for (const key of ['+', '+', '+', 'ArrowRight']) await fireEvent.keyDown(row, { key });
    expect(within(row).getByLabelText('Dots on Labels are noisy')).toHaveTextContent('2');
    expect(within(box).getByRole('button', { name: 'One dot more on Labels are noisy' })).toBeDisabled();
    await fireEvent.keyDown(row, { key: '-' });
    await fireEvent.click(within(box).getByRole('button', { name: 'One dot more on Latency budget' }));
    await fireEvent.click(within(box).getByRole('button', { name: 'One dot more on Latency budget' }));
    expect(within(box).getByText('0 dots left')).toBeInTheDocument();
    expect(within(box).getByRole('button', { name: 'One dot more on Vendor lock-in' })).toBeDisabled();
    await fireEvent.click(within(box).getByRole('button', { name: 'Cast my vote' }));

    // The blank screen: nothing of the ballot, no candidate, no count.
    await within(box).findByRole('heading', { name: 'Vote cast.' });
    expect(box).toHaveTextContent('Pass the laptop to the next person.');
    for (const label of LABELS) expect(box).not.toHaveTextContent(label);
    expect(box.querySelectorAll('output')).toHaveLength(0);

    await fireEvent.click(within(box).getByRole('button', { name: 'Next voter' }));
    await vote(box, 'Ben', ['Vendor lock-in']);
    await fireEvent.click(within(box).getByRole('button', { name: 'Next voter' }));
    await vote(box, 'Cy', ['Labels are noisy', 'Vendor lock-in']);
    await fireEvent.click(within(box).getByRole('button', { name: 'Done' }));
    expect(within(box).getByRole('heading', { name: 'Everyone has voted' })).toBeInTheDocument();
    await fireEvent.click(within(box).getByRole('button', { name: 'Close the ballot box' }));

    // Before the reveal: who voted and how many, never a count per candidate.
    await waitFor(() => expect(card).toHaveTextContent('3 of 3 voters voted.'));
    expect(card).toHaveTextContent('Voted: Ana, Ben and Cy.');
    expect(card).not.toHaveTextContent(/\bdots?\b(?! each)/);
    expect(within(card).queryByRole('list')).toBeNull();

    await fireEvent.click(within(card).getByRole('button', { name: 'Reveal the result' }));
    const result = await within(card).findByRole('region', { name: 'Result of What to test first' });
    const rows = within(result).getAllByRole('listitem').map((li) => [...li.children].map((cell) => cell.textContent).join(' | '));
    expect(rows).toEqual(['=1 | Labels are noisytied |  | 2 dots', '=1 | Latency budgettied |  | 2 dots', '=1 | Vendor lock-intied |  | 2 dots']);
    expect(result).toHaveTextContent('tied 1st: Labels are noisy, 2 dots; tied 1st: Latency budget, 2 dots; tied 1st: Vendor lock-in, 2 dots.');
    // A secret round never says who gave what.
    expect(within(result).queryByText('Who gave what')).toBeNull();
  });

  it('a ballot dropped with "Not now" leaves nothing stored, and the same voter is offered again', async () => {
    panel();
    const card = await setUpRound();
    await fireEvent.click(within(card).getByRole('button', { name: 'Open the ballot box' }));
    const box = document.querySelector<HTMLElement>('dialog.ballot-box')!;
    await fireEvent.click(within(box).getByRole('button', { name: 'I am Ana: open my ballot' }));
    await fireEvent.click(within(box).getByRole('button', { name: 'One dot more on Latency budget' }));
    await fireEvent.click(within(box).getByRole('button', { name: 'Not now' }));
    expect(within(box).getByRole('heading', { name: 'Pass the laptop to Ana' })).toBeInTheDocument();
    const round = (await services.db.votes.toArray())[0]!;
    expect(round.voted).toEqual([]);
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/Latency budget/);
  });

  it('takes totals counted on the wall, refuses more than the voters could give, and keeps them hidden until the reveal', async () => {
    panel();
    const card = await setUpRound(true);
    const field = (label: string) => within(card).getByRole('spinbutton', { name: label });
    await fireEvent.input(field('Labels are noisy'), { target: { value: '7' } });
    await fireEvent.click(within(card).getByRole('button', { name: 'Save the totals' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('These totals cannot be right: 7 dots on "Labels are noisy", but 3 voters, each putting at most 2 on one, can give it 6 at most.');
    expect(await services.db.votes.toArray()).toMatchObject([{ tallies: [] }]);
    await fireEvent.input(field('Labels are noisy'), { target: { value: '5' } });
    await fireEvent.input(field('Vendor lock-in'), { target: { value: '3' } });
    await fireEvent.click(within(card).getByRole('button', { name: 'Save the totals' }));
    await waitFor(() => expect(card).toHaveTextContent('Totals entered. Hidden until you reveal them.'));
    expect(card).not.toHaveTextContent('Labels are noisy');
    await fireEvent.click(within(card).getByRole('button', { name: 'Reveal the result' }));
    const result = await within(card).findByRole('region', { name: 'Result of What to test first' });
    expect(result).toHaveTextContent('1st: Labels are noisy, 5 dots; 2nd: Vendor lock-in, 3 dots; 3rd: Latency budget, 0 dots.');
  });
});
