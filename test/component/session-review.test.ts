import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { newBlock, newSession } from '../../renderer/src/domain/sessions/edits';
import type { Session } from '../../renderer/src/domain/sessions/model';
import type { SessionSnapshot } from '../../renderer/src/domain/sessions/snapshot';
import { endSession, finishBlock, startBlock } from '../../renderer/src/domain/sessions/timer';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import { readProgramState } from '../../renderer/src/storage/session-snapshots';
import { UncertaintyRepository } from '../../renderer/src/storage/uncertainty-repo';
import SessionReview from '../../renderer/src/views/sessions/review/SessionReview.svelte';
import SinceLast from '../../renderer/src/views/sessions/review/SinceLast.svelte';

let services: Services;
let program: Program;
let items: UncertaintyRepository;

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-review-${crypto.randomUUID()}`);
  await services.db.open();
  program = await new ProgramRepository(services.editor).create({ name: 'Plan' });
  items = new UncertaintyRepository(services.editor);
});

afterEach(() => services.db.close());

async function keep(session: Session, moment: SessionSnapshot['moment'], at: number): Promise<string> {
  const snapshot: SessionSnapshot = { id: crypto.randomUUID(), programId: program.id, sessionId: session.id, moment, at, state: await readProgramState(services.db, program.id) };
  await services.db.snapshots.add(snapshot);
  return snapshot.id;
}

/** A session held on Nov 12, 2026: its first block done in 25 minutes, the second skipped; `during` runs while it is held. */
async function held(during: () => Promise<void> = async () => {}): Promise<Session> {
  const t0 = Date.UTC(2026, 10, 12, 9);
  let session = newSession(program.id, { title: 'Kick-off', blocks: [newBlock({ title: 'Map the risks', plannedMinutes: 20, method: 'uncertainty' }), newBlock({ title: 'Retro', plannedMinutes: 10, method: 'retro' })] }, t0);
  session = startBlock(session, session.blocks[0]!.id, t0);
  const startSnapshotId = await keep(session, 'start', t0);
  await during();
  session = finishBlock(session, 'done', t0 + 25 * 60_000);
  session = finishBlock(session, 'skipped', t0 + 27 * 60_000);
  session = endSession(session, t0 + 30 * 60_000);
  session = { ...session, startSnapshotId, endSnapshotId: await keep(session, 'end', t0 + 30 * 60_000) };
  await services.db.sessions.add(session);
  return session;
}

async function layerId() {
  return (await services.db.layers.where({ programId: program.id }).first())!.id;
}

describe('SinceLast', () => {
  it('says there is no closed session yet', async () => {
    render(SinceLast, { props: { program }, context: servicesContext(services) });
    expect(await screen.findByRole('heading', { name: 'No closed session yet' })).toBeInTheDocument();
  });

  it('says nothing changed since the last session, then lists a change with a link to its record', async () => {
    const [item] = await items.addItems(program.id, [{ title: 'Labels are clean', layerId: await layerId(), kind: 'assumption', impact: 2, uncertainty: 4 }]);
    await held();
    render(SinceLast, { props: { program }, context: servicesContext(services) });
    expect(await screen.findByRole('heading', { name: /^Nothing changed since Kick-off on Nov 12, 2026$/ })).toBeInTheDocument();
    await items.moveItem(item!.id, 4, 4);
    const uncertainty = await screen.findByRole('region', { name: /Uncertainty/ });
    const line = within(uncertainty).getByRole('listitem');
    expect(line).toHaveTextContent('Labels are clean moved from Watch to Test first (impact 2 → 4)');
    expect(within(line).getByRole('link', { name: 'Labels are clean' })).toHaveAttribute('href', `#/programs/${program.id}/uncertainty/${item!.id}`);
    expect(screen.getByText(/1 change since/)).toBeInTheDocument();
  });
});

describe('SessionReview', () => {
  it('shows the agenda held, what carries over, what changed during the session, and compares two moments', async () => {
    const layer = await layerId();
    const session = await held(async () => {
      await items.addItems(program.id, [{ title: 'Vendor lock-in', layerId: layer, kind: 'risk' }]);
    });
    render(SessionReview, { props: { program, session }, context: servicesContext(services) });
    expect(await screen.findByText('1 of 2 blocks done, 1 to carry over; 0 captures; 0 decisions; 1 other change; 0 votes.')).toBeInTheDocument();
    const rows = within(screen.getByRole('table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows).toEqual([
      'Block | Method | Planned | Held | Result',
      'Map the risks | Review uncertainties | 20 min | 25 min (5 over) | Done',
      'Retro | Retro | 10 min | 2 min | Skipped',
      'Total |  | 30 min | 27 min | ',
    ]);
    expect(within(screen.getByRole('region', { name: 'Carried over' })).getByRole('listitem')).toHaveTextContent('Retro skipped, 10 min planned');
    expect(within(screen.getByRole('region', { name: 'Changed' })).getByRole('listitem')).toHaveTextContent('Vendor lock-in added');

    // What changed since: the session's close against now at first (nothing), then from its start.
    const compare = screen.getByRole('region', { name: 'What changed since' });
    await waitFor(() => expect(within(compare).getByText('Nothing changed between these two moments.')).toBeInTheDocument());
    await fireEvent.change(within(compare).getByRole('combobox', { name: 'From' }), { target: { value: `${session.id}:start` } });
    await waitFor(() => expect(within(compare).getByRole('listitem')).toHaveTextContent('Vendor lock-in added'));
  });
});
