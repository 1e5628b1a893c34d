import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeLine, changesByArea, diffStates, type Change } from '../../../../renderer/src/domain/sessions/diff';
import type { ProgramState } from '../../../../renderer/src/domain/sessions/snapshot';
import { emptyState, largeState, stateRow } from './state-factory';

/** The one line the diff gives, as the review reads it. */
function onlyLine(before: Partial<ProgramState>, after: Partial<ProgramState>): Change {
  const changes = diffStates(emptyState(before), emptyState(after));
  expect(changes).toHaveLength(1);
  return changes[0]!;
}

describe('diffStates: uncertainty', () => {
  it('tells an item added, with its link', () => {
    const change = onlyLine({}, { uncertainty: [stateRow.uncertainty({ id: 'u1', title: 'Labels are clean' })] });
    expect(changeLine(change)).toBe('Labels are clean: added');
    expect(change).toMatchObject({ area: 'uncertainty', target: { kind: 'uncertainty', id: 'u1' }, kinds: ['added'] });
  });

  it('tells an item removed, by the title it had', () => {
    const change = onlyLine({ uncertainty: [stateRow.uncertainty({ id: 'u1', title: 'Vendor lock-in' })] }, {});
    expect(changeLine(change)).toBe('Vendor lock-in: removed');
    expect(change.kinds).toEqual(['removed']);
  });

  it('tells a move to another quadrant, and by how much', () => {
    const change = onlyLine(
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 2, uncertainty: 4 })] },
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4.5, uncertainty: 4 })] },
    );
    expect(change.sentence).toBe('moved from Watch to Test first (impact 2 → 4.5)');
    expect(change.kinds).toEqual(['quadrant']);
  });

  it('tells a move within a quadrant, and by how much', () => {
    const change = onlyLine(
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4, uncertainty: 4 })] },
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4.5, uncertainty: 3.2 })] },
    );
    expect(change.sentence).toBe('moved within Test first (impact 4 → 4.5, uncertainty 4 → 3.2)');
    expect(change.kinds).toEqual(['moved']);
  });

  it('tells a change of status', () => {
    const change = onlyLine({ uncertainty: [stateRow.uncertainty({ id: 'u1' })] }, { uncertainty: [stateRow.uncertainty({ id: 'u1', status: 'validated' })] });
    expect(change.sentence).toBe('now Validated (was Open)');
    expect(change.kinds).toEqual(['status']);
  });

  it('tells new evidence: how many entries and the latest lesson', () => {
    const change = onlyLine(
      { uncertainty: [stateRow.uncertainty({ id: 'u1', evidence: 1, lastEvidence: 'Pilot was slow' })] },
      { uncertainty: [stateRow.uncertainty({ id: 'u1', evidence: 3, lastEvidence: 'Labels agree 94% of the time' })] },
    );
    expect(change.sentence).toBe('2 new evidence entries, the latest: "Labels agree 94% of the time"');
    expect(change.kinds).toEqual(['evidence']);
  });

  it('tells several changes of one item in one line', () => {
    const change = onlyLine(
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4, uncertainty: 4 })] },
      { uncertainty: [stateRow.uncertainty({ id: 'u1', impact: 4, uncertainty: 2, status: 'invalidated', evidence: 1, lastEvidence: 'It failed' })] },
    );
    expect(change.sentence).toBe('moved from Test first to Plan for it (uncertainty 4 → 2); now Invalidated (was Open); 1 new evidence entry, the latest: "It failed"');
    expect(change.setback).toBe(true);
  });
});

describe('diffStates: metrics', () => {
  it('tells a metric added and one removed', () => {
    const changes = diffStates(emptyState({ metrics: [stateRow.metric({ id: 'm1', name: 'Churn' })] }), emptyState({ metrics: [stateRow.metric({ id: 'm2', name: 'Latency' })] }));
    expect(changes.map(changeLine)).toEqual(['Churn: removed', 'Latency: added']);
    expect(changes.map((c) => c.target)).toEqual([
      { kind: 'metric', id: 'm1' },
      { kind: 'metric', id: 'm2' },
    ]);
  });

  it('tells a new version', () => {
    const change = onlyLine({ metrics: [stateRow.metric({ id: 'm1', version: 2 })] }, { metrics: [stateRow.metric({ id: 'm1', version: 3 })] });
    expect(change.sentence).toBe('changed to version 3 (was 2)');
    expect(change.kinds).toEqual(['version']);
  });

  it('tells which functions signed since', () => {
    const change = onlyLine(
      { metrics: [stateRow.metric({ id: 'm1', agreed: ['f-eng'] })] },
      { metrics: [stateRow.metric({ id: 'm1', agreed: ['f-eng', 'f-prod'] })] },
    );
    expect(change.sentence).toBe('signed by Product');
    expect(change.kinds).toEqual(['signed']);
  });

  it('counts every agreement to a new version as new', () => {
    const change = onlyLine(
      { metrics: [stateRow.metric({ id: 'm1', version: 1, agreed: ['f-eng'] })] },
      { metrics: [stateRow.metric({ id: 'm1', version: 2, agreed: ['f-eng', 'f-prod'] })] },
    );
    expect(change.sentence).toBe('changed to version 2 (was 1); signed by Engineering and Product');
  });

  it('tells a newly breached guardrail with the reading', () => {
    const change = onlyLine(
      { metrics: [stateRow.metric({ id: 'm1' })] },
      { metrics: [stateRow.metric({ id: 'm1', breached: true, latestValue: 0.82, latestDate: '2026-11-03' })] },
    );
    expect(change.sentence).toBe('breached its guardrail (latest reading 0.82 on Nov 3, 2026)');
    expect(change).toMatchObject({ kinds: ['breached'], setback: true });
  });

  it('tells a metric back within its guardrail', () => {
    const change = onlyLine(
      { metrics: [stateRow.metric({ id: 'm1', breached: true, latestValue: 0.82 })] },
      { metrics: [stateRow.metric({ id: 'm1', breached: false, latestValue: 0.95, latestDate: '2026-11-10' })] },
    );
    expect(change.sentence).toBe('back within its guardrail (latest reading 0.95 on Nov 10, 2026)');
    expect(change).toMatchObject({ kinds: ['recovered'], setback: false });
  });

  it('says nothing of a breach that carried on', () => {
    expect(diffStates(emptyState({ metrics: [stateRow.metric({ id: 'm1', breached: true })] }), emptyState({ metrics: [stateRow.metric({ id: 'm1', breached: true, latestValue: 3 })] }))).toEqual([]);
  });
});

describe('diffStates: trade-off matrices', () => {
  it('tells a matrix added', () => {
    const change = onlyLine({}, { matrices: [stateRow.matrix({ id: 'x1', question: 'Build or buy?' })] });
    expect(changeLine(change)).toBe('Build or buy?: added');
    expect(change.target).toEqual({ kind: 'matrix', id: 'x1' });
  });

  it('tells which option a matrix was decided for', () => {
    const change = onlyLine({ matrices: [stateRow.matrix({ id: 'x1' })] }, { matrices: [stateRow.matrix({ id: 'x1', decided: 'Buy a vendor model' })] });
    expect(change.sentence).toBe('decided for "Buy a vendor model"');
    expect(change.kinds).toEqual(['decided']);
  });

  it('tells a decision reopened', () => {
    const change = onlyLine({ matrices: [stateRow.matrix({ id: 'x1', decided: 'Buy' })] }, { matrices: [stateRow.matrix({ id: 'x1', decided: '', reopened: 1 })] });
    expect(change.sentence).toBe('reopened (the decision for "Buy" was withdrawn)');
    expect(change.kinds).toEqual(['reopened']);
  });

  it('tells a decision reopened and made again', () => {
    const change = onlyLine({ matrices: [stateRow.matrix({ id: 'x1', decided: 'Buy' })] }, { matrices: [stateRow.matrix({ id: 'x1', decided: 'Buy', reopened: 1 })] });
    expect(change.sentence).toBe('reopened (the decision for "Buy" was withdrawn); decided for "Buy"');
  });
});

describe('diffStates: roadmap', () => {
  it('tells an item added and one removed', () => {
    const changes = diffStates(emptyState({ roadmap: [stateRow.roadmap({ id: 'r1', title: 'Pilot' })] }), emptyState({ roadmap: [stateRow.roadmap({ id: 'r2', title: 'Rollout' })] }));
    expect(changes.map(changeLine)).toEqual(['Pilot: removed', 'Rollout: added']);
    expect(changes[1]!.target).toEqual({ kind: 'roadmapItem', id: 'r2' });
  });

  it('tells a move to another horizon in the roadmap’s words', () => {
    const change = onlyLine({ roadmap: [stateRow.roadmap({ id: 'r1', horizon: 'now' })] }, { roadmap: [stateRow.roadmap({ id: 'r1', horizon: 'later' })] });
    expect(change.sentence).toBe('moved from Now to Later');
    expect(change.kinds).toEqual(['horizon']);
  });

  it('tells a slip, as a setback', () => {
    const change = onlyLine({ roadmap: [stateRow.roadmap({ id: 'r1', latest: '2026-03-31' })] }, { roadmap: [stateRow.roadmap({ id: 'r1', latest: '2026-04-21' })] });
    expect(change.sentence).toBe('slipped 3 weeks');
    expect(change).toMatchObject({ kinds: ['slipped'], setback: true });
  });

  it('tells an item pulled in', () => {
    const change = onlyLine({ roadmap: [stateRow.roadmap({ id: 'r1', latest: '2026-03-31' })] }, { roadmap: [stateRow.roadmap({ id: 'r1', latest: '2026-03-26' })] });
    expect(change.sentence).toBe('came in 5 days');
    expect(change).toMatchObject({ kinds: ['pulled-in'], setback: false });
  });

  it('tells a change of confidence', () => {
    const change = onlyLine({ roadmap: [stateRow.roadmap({ id: 'r1', confidence: 'high' })] }, { roadmap: [stateRow.roadmap({ id: 'r1', confidence: 30 })] });
    expect(change.sentence).toBe('confidence fell from high to 30%');
    expect(change).toMatchObject({ kinds: ['confidence'], setback: true });
  });

  it('tells a change of status', () => {
    const change = onlyLine({ roadmap: [stateRow.roadmap({ id: 'r1' })] }, { roadmap: [stateRow.roadmap({ id: 'r1', status: 'in-progress' })] });
    expect(change.sentence).toBe('now In progress (was Planned)');
    expect(change.kinds).toEqual(['status']);
  });

  it('tells an item given its first dates without calling it a slip', () => {
    const change = onlyLine(
      { roadmap: [stateRow.roadmap({ id: 'r1', earliest: '', latest: '' })] },
      { roadmap: [stateRow.roadmap({ id: 'r1', earliest: '2026-05-01', latest: '2026-05-31' })] },
    );
    expect(change).toMatchObject({ sentence: 'dated May 1, 2026 to May 31, 2026', kinds: ['dated'], setback: false });
  });
});

describe('diffStates: decisions, scope changes and actions', () => {
  it('tells a decision record added, by its number', () => {
    const change = onlyLine({}, { decisions: [stateRow.decision({ id: 'd1', number: 12, title: 'Use the vendor model' })] });
    expect(changeLine(change)).toBe('ADR-0012 Use the vendor model: added');
    expect(change.target).toEqual({ kind: 'decision', id: 'd1' });
  });

  it('tells a decision record’s change of status', () => {
    const change = onlyLine({ decisions: [stateRow.decision({ id: 'd1' })] }, { decisions: [stateRow.decision({ id: 'd1', status: 'accepted' })] });
    expect(change.sentence).toBe('now Accepted (was Proposed)');
  });

  it('tells a scope change added', () => {
    const change = onlyLine({}, { scope: [stateRow.scope({ id: 's1', title: 'Drop the Spanish launch' })] });
    expect(changeLine(change)).toBe('Drop the Spanish launch: added');
    expect(change.target).toEqual({ kind: 'scope', id: 's1' });
  });

  it('tells a scope change decided', () => {
    const change = onlyLine({ scope: [stateRow.scope({ id: 's1' })] }, { scope: [stateRow.scope({ id: 's1', decision: 'accepted' })] });
    expect(change).toMatchObject({ sentence: 'decided: Accepted', kinds: ['decided'] });
  });

  it('tells an action added', () => {
    const change = onlyLine({}, { actions: [stateRow.action({ id: 'a1', title: 'Book the pilot site' })] });
    expect(changeLine(change)).toBe('Book the pilot site: added');
    expect(change.target).toEqual({ kind: 'action', id: 'a1' });
  });

  it('tells an action done', () => {
    const change = onlyLine({ actions: [stateRow.action({ id: 'a1' })] }, { actions: [stateRow.action({ id: 'a1', status: 'done' })] });
    expect(change).toMatchObject({ sentence: 'done', kinds: ['done'] });
  });

  it('tells an action’s new owner', () => {
    const change = onlyLine({ actions: [stateRow.action({ id: 'a1', owner: 'Ben' })] }, { actions: [stateRow.action({ id: 'a1', owner: 'Ana' })] });
    expect(change).toMatchObject({ sentence: 'owner Ana (was Ben)', kinds: ['owner'] });
  });

  it('tells an action’s new due date, a later one as a setback', () => {
    const change = onlyLine({ actions: [stateRow.action({ id: 'a1', due: '2026-11-28' })] }, { actions: [stateRow.action({ id: 'a1', due: '2026-12-03' })] });
    expect(change).toMatchObject({ sentence: 'due Dec 3, 2026 (was Nov 28, 2026)', kinds: ['due'], setback: true });
  });
});

describe('changesByArea', () => {
  it('groups lines by area in the areas’ order, each area by title', () => {
    const changes = diffStates(
      emptyState(),
      emptyState({
        actions: [stateRow.action({ id: 'a1', title: 'Zed' })],
        uncertainty: [stateRow.uncertainty({ id: 'u2', title: 'beta' }), stateRow.uncertainty({ id: 'u1', title: 'Alpha' })],
      }),
    );
    expect(changesByArea(changes).map((g) => [g.label, g.changes.map((c) => c.title)])).toEqual([
      ['Uncertainty', ['Alpha', 'beta']],
      ['Actions', ['Zed']],
    ]);
  });
});

describe('diffStates: properties', () => {
  // Small states drawn from a few ids, so the same record often appears on both sides.
  const ids = fc.constantFrom('a', 'b', 'c', 'd');
  const uncertaintyRow = fc.record({ id: ids, impact: fc.integer({ min: 1, max: 5 }), uncertainty: fc.integer({ min: 1, max: 5 }), status: fc.constantFrom('open' as const, 'validated' as const), evidence: fc.nat(3) });
  const roadmapRow = fc.record({ id: ids, horizon: fc.constantFrom('now' as const, 'next' as const), latest: fc.constantFrom('2026-03-31', '2026-04-30'), confidence: fc.constantFrom('low' as const, 'high' as const) });
  const actionRow = fc.record({ id: ids, status: fc.constantFrom('open' as const, 'done' as const), owner: fc.constantFrom('', 'Ana') });
  const unique = <T extends { id: string }>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { selector: (r) => r.id, maxLength: 4 });
  const state = fc
    .record({ uncertainty: unique(uncertaintyRow), roadmap: unique(roadmapRow), actions: unique(actionRow), metrics: unique(fc.record({ id: ids, breached: fc.boolean(), agreed: fc.subarray(['f-eng', 'f-prod']) })) })
    .map((s) =>
      emptyState({
        uncertainty: s.uncertainty.map((r) => stateRow.uncertainty({ ...r, lastEvidence: r.evidence ? `Lesson ${r.evidence}` : '' })),
        roadmap: s.roadmap.map((r) => stateRow.roadmap(r)),
        actions: s.actions.map((r) => stateRow.action(r)),
        metrics: s.metrics.map((r) => stateRow.metric(r)),
      }),
    );

  it('finds nothing between a state and itself', () => {
    fc.assert(fc.property(state, (a) => diffStates(a, structuredClone(a)).length === 0));
  });

  it('lists each changed record once, and every record that differs', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const changes = diffStates(a, b);
        const keys = changes.map((c) => `${c.area}/${c.target.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        const rows = (s: ProgramState) =>
          new Map([
            ...s.uncertainty.map((r) => [`uncertainty/${r.id}`, JSON.stringify(r)] as const),
            ...s.roadmap.map((r) => [`roadmap/${r.id}`, JSON.stringify(r)] as const),
            ...s.actions.map((r) => [`actions/${r.id}`, JSON.stringify(r)] as const),
            ...s.metrics.map((r) => [`metrics/${r.id}`, JSON.stringify(r)] as const),
          ]);
        const before = rows(a);
        const after = rows(b);
        const differing = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
        // Every line is about a record that differs; a record that differs only in what the diff
        // does not tell (a reading's value while the breach carries on) may have no line.
        for (const key of keys) expect(differing).toContain(key);
        for (const key of differing) if (!before.has(key) || !after.has(key)) expect(keys).toContain(key);
      }),
    );
  });
});

describe('diffStates: speed', () => {
  it('compares programs of 5,000 uncertainties, 500 metrics, 50 matrices and 500 roadmap items well under 100 ms', () => {
    const counts = { uncertainty: 5000, metrics: 500, matrices: 50, roadmap: 500 };
    const before = largeState(counts);
    const after = largeState(counts);
    // Change a tenth of everything.
    after.uncertainty = after.uncertainty.map((u, i) => (i % 10 ? u : { ...u, impact: u.impact === 5 ? 1 : 5, evidence: u.evidence + 1 }));
    after.roadmap = after.roadmap.map((r, i) => (i % 10 ? r : { ...r, latest: '2026-04-30' }));
    diffStates(before, after);
    const start = performance.now();
    const changes = diffStates(before, after);
    const ms = performance.now() - start;
    expect(changes.length).toBe(550);
    // Generous for a loaded test machine; the bench gives the real figure.
    expect(ms).toBeLessThan(100);
  });
});
