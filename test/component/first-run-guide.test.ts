import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import type { ProgramsState } from '../../renderer/src/state/programs.svelte';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import GuidePanel from '../../renderer/src/views/guide/GuidePanel.svelte';
import { metric } from '../unit/domain/metrics/factories';
import { makeSession } from '../unit/domain/sessions/factories';
import { makeItem } from '../unit/domain/uncertainty/items-factory';

// The guide's panel ticks its steps off from the database as records arrive, and offers the
// next step's button; a program's list is all it needs of the programs' state.

let services: Services;
let program: Program;

beforeEach(async () => {
  localStorage.clear();
  location.hash = '';
  services = createServices(`keel-guide-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Claims assistant' });
});

afterEach(() => services.db.close());

function renderPanel(programs: Program[]) {
  const state = { all: programs } as unknown as ProgramsState;
  return render(GuidePanel, { props: { programs: state, onclose: () => {} }, context: servicesContext(services) });
}

const status = () => screen.getByRole('status');
const stepItem = (title: RegExp) => screen.getAllByRole('listitem').find((li) => within(li).queryByRole('heading', { name: title }))!;

describe('the first-workshop guide', () => {
  it('with no program, offers only the first step and the sample', () => {
    renderPanel([]);
    expect(status()).toHaveTextContent('0 of 4 done');
    expect(within(stepItem(/Create a program/)).getByRole('button', { name: 'Create a program' })).toBeInTheDocument();
    for (const later of [/Map 3 uncertainties/, /Agree a metric/, /Plan a session/]) expect(stepItem(later)).toHaveTextContent('After step 1.');
    expect(screen.getByRole('button', { name: 'Explore the sample program' })).toBeInTheDocument();
  });

  it('ticks each step off as the records arrive, in any order', async () => {
    renderPanel([program]);
    await waitFor(() => expect(status()).toHaveTextContent('1 of 4 done, in “Claims assistant”'));
    expect(stepItem(/Map 3 uncertainties/)).toHaveAttribute('aria-current', 'step');

    // A session first: step 4 ticks, step 2 stays next.
    await services.db.sessions.add({ ...makeSession(), programId: program.id });
    await waitFor(() => expect(status()).toHaveTextContent('2 of 4 done'));
    expect(within(stepItem(/Plan a session/)).getByRole('heading')).toHaveTextContent('(done)');
    expect(stepItem(/Map 3 uncertainties/)).toHaveAttribute('aria-current', 'step');

    // Two uncertainties are not yet "a few".
    await services.db.uncertaintyItems.bulkAdd([makeItem({ id: 'i1', programId: program.id }), makeItem({ id: 'i2', programId: program.id })]);
    await waitFor(() => expect(stepItem(/Map 3 uncertainties/)).toHaveTextContent('2 uncertainties so far.'));
    expect(within(stepItem(/Map 3 uncertainties/)).getByRole('button', { name: 'Add more uncertainties' })).toBeInTheDocument();
    await services.db.uncertaintyItems.add(makeItem({ id: 'i3', programId: program.id }));
    await waitFor(() => expect(status()).toHaveTextContent('3 of 4 done'));

    // A metric signed by some functions only: the guide offers it for sign-off, not as done.
    const functions = await services.db.functions.where({ programId: program.id }).toArray();
    const sign = (f: (typeof functions)[number]) => ({ functionId: f.id, functionName: f.name, state: 'agree' as const, reason: '', by: 'Ana', at: 1 });
    await services.db.metrics.add(metric({ id: 'm1', programId: program.id, signoffs: functions.slice(1).map(sign) }));
    await waitFor(() => expect(within(stepItem(/Agree a metric/)).getByRole('button', { name: 'Sign off a metric' })).toBeInTheDocument());
    expect(status()).toHaveTextContent('3 of 4 done');
    await services.db.metrics.update('m1', { signoffs: functions.map(sign) });
    await waitFor(() => expect(status()).toHaveTextContent('4 of 4 done'));
    expect(screen.getByText(/Ready: open the session from Sessions/)).toBeInTheDocument();
  });

  it('goes to the area of the step, for the program it follows', async () => {
    renderPanel([program]);
    await waitFor(() => expect(status()).toHaveTextContent('1 of 4 done'));
    await fireEvent.click(within(stepItem(/Map 3 uncertainties/)).getByRole('button', { name: 'Add uncertainties' }));
    expect(location.hash).toBe(`#/programs/${program.id}/uncertainty`);
  });
});

describe('when the guide shows', () => {
  it('opens by itself only on a first run: no programs, never shown; then stays as the user leaves it', async () => {
    const { guideVisibility, showGuideOnFirstRun, closeGuide, openGuide, guideFocus } = await import('../../renderer/src/state/guide-visibility.svelte');
    guideVisibility.clear();
    showGuideOnFirstRun(2);
    expect(guideVisibility.value).toBe('new');
    showGuideOnFirstRun(0);
    expect(guideVisibility.value).toBe('open');
    expect(guideFocus.requests).toBe(0);
    closeGuide();
    showGuideOnFirstRun(0);
    expect(guideVisibility.value).toBe('closed');
    expect(localStorage.getItem('keel.guide')).toBe('"closed"');
    openGuide(true);
    expect(guideVisibility.value).toBe('open');
    expect(guideFocus.requests).toBe(1);
  });
});
