import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMetricDraft } from '../../renderer/src/domain/metrics/model';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';
import RevisitFlags from '../../renderer/src/views/plan/RevisitFlags.svelte';
import { readings } from '../unit/domain/metrics/factories';
import { DECIDED, decision, matrix, roadmapItem } from '../unit/domain/revisit/factories';

let services: Services;
let programId: string;

beforeEach(async () => {
  localStorage.clear();
  services = createServices(`keel-flags-${crypto.randomUUID()}`);
  await services.db.open();
  programId = (await new ProgramRepository(services.editor).create({ name: 'Plan' })).id;
});

afterEach(() => services.db.close());

/** A decided matrix weighing a metric past its guardrail, a decision record of it, and a roadmap item from that decision. */
async function seed() {
  const latency = { ...emptyMetricDraft('Latency p95'), id: 'm-latency', programId, version: 1, signoffs: [], versions: [], createdAt: 1, updatedAt: 1 };
  await services.db.metrics.add({ ...latency, guardrail: { op: 'lte', value: 2000 }, readings: readings([1500, 2400]) });
  const m = matrix({ programId, question: 'Which retriever?', decision: DECIDED, criteria: [{ id: 'c1', name: 'Latency', metricId: 'm-latency', direction: 'cost' }] });
  const d = decision({ programId, number: 7, title: 'Hybrid retrieval', metricIds: ['m-latency'], matrixId: m.id });
  const r = roadmapItem({ programId, title: 'Ship hybrid retrieval', decisionIds: [d.id] });
  await services.db.matrices.add(m);
  await services.db.decisions.add(d);
  await services.db.roadmapItems.add(r);
  return { m, d, r };
}

describe('RevisitFlags', () => {
  it('shows nothing on a record nothing failed under', async () => {
    const { container } = render(RevisitFlags, { props: { programId, kind: 'roadmapItem', id: 'nothing' }, context: servicesContext(services) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent?.trim()).toBe('');
  });

  it('shows the chain back to the cause, each record a link', async () => {
    const { r, d } = await seed();
    render(RevisitFlags, { props: { programId, kind: 'roadmapItem', id: r.id }, context: servicesContext(services) });
    const region = await screen.findByRole('region', { name: 'Revisit flags' }, { timeout: 5000 });
    await waitFor(() => expect(region).toHaveTextContent('Comes from ADR-0007, which rests on "Latency p95", past its guardrail since Mar 2, 2026.'));
    expect(screen.getByRole('link', { name: 'ADR-0007' })).toHaveAttribute('href', `#/programs/${programId}/decisions/${d.id}`);
    expect(screen.getByRole('link', { name: '"Latency p95"' })).toHaveAttribute('href', `#/programs/${programId}/metrics/m-latency`);
  });

  it("clears a decided matrix's flag with a note, and keeps the review as history", async () => {
    const { m } = await seed();
    render(RevisitFlags, { props: { programId, kind: 'matrix', id: m.id }, context: servicesContext(services) });
    const region = await screen.findByRole('region', { name: 'Revisit flags' }, { timeout: 5000 });
    // Flagged once for the metric, by the shortest chain (its own criterion), not again through its decision record.
    await waitFor(() => expect(region).toHaveTextContent('Revisit: something this rests on failed Weighs "Latency p95", past its guardrail since Mar 2, 2026.'));

    await fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    expect(await screen.findByText('Say what you looked at and what you decided: a review needs a note.')).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('textbox', { name: 'What did you look at, and what did you decide?' }), { target: { value: 'The guardrail moves to 2.5 s.' } });
    await fireEvent.input(screen.getByRole('textbox', { name: /Reviewed by/ }), { target: { value: 'Sam' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));

    const history = await screen.findByRole('button', { name: /Show earlier reviews \(1\)/ }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Mark reviewed…' })).toBeNull();
    await fireEvent.click(history);
    expect(screen.getByRole('list', { name: 'Earlier reviews' })).toHaveTextContent(/Sam, on Latency p95:\s*The guardrail moves to 2\.5 s\./);
    expect(await services.db.revisitReviews.count()).toBe(1);
  });
});
