import { describe, expect, it } from 'vitest';
import { attentionCount, attentionOf, isOverdue, isUntestedTestFirst, type AttentionInput, type AttentionSectionId } from '../../../renderer/src/domain/attention';
import { revisitFlags } from '../../../renderer/src/domain/revisit/flags';
import type { ScopeChange } from '../../../renderer/src/domain/scope/model';
import { fn, metric, readings } from './metrics/factories';
import { action, DECIDED, matrix, records, roadmapItem } from './revisit/factories';
import { makeItem } from './uncertainty/items-factory';

const NOW = new Date(2026, 10, 29, 12).getTime();
const DAY = 86_400_000;

function input(overrides: Partial<AttentionInput> = {}): AttentionInput {
  return { ...records(), functions: [], scopeChanges: [], ...overrides };
}

function scopeChange(overrides: Partial<ScopeChange>): ScopeChange {
  return {
    id: 's1',
    programId: 'p1',
    title: 'Add voice',
    description: '',
    requestedBy: 'Kim',
    requestedFunction: 'Product',
    requestedOn: '2026-11-02',
    reason: 'users',
    kind: 'expand',
    impactRoadmap: '',
    impactCost: '',
    roadmapItemIds: [],
    metricIds: [],
    uncertaintyIds: [],
    effects: [],
    decision: 'pending',
    rationale: '',
    decidedOn: '',
    appliedAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

function lines(data: AttentionInput, id: AttentionSectionId, staleAfterDays = 30) {
  return attentionOf(data, revisitFlags(data, []), NOW, staleAfterDays).find((s) => s.id === id)!.lines;
}

describe('attentionOf', () => {
  it('has nothing to say about an empty program', () => {
    const sections = attentionOf(input(), [], NOW, 30);
    expect(sections.map((s) => s.id)).toEqual(['revisit', 'metrics', 'uncertainty', 'signoff', 'matrices', 'actions', 'scope', 'roadmap']);
    expect(attentionCount(sections)).toBe(0);
  });

  it('lists standing revisit flags with their reason, and leaves reviewed ones out', () => {
    const u = makeItem({ title: 'Users accept 2 s', status: 'invalidated', history: [{ at: NOW - DAY, impact: 4, uncertainty: 4, status: 'invalidated' }] });
    const r = roadmapItem({ title: 'Hybrid retrieval', uncertaintyIds: [u.id] });
    const a = action({ title: 'Measure', source: { kind: 'uncertainty', id: u.id } });
    const data = input({ uncertaintyItems: [u], roadmapItems: [r], actions: [a] });
    const flags = revisitFlags(data, []);
    const reviewed = flags.map((f) => (f.target.id === r.id ? { ...f, review: { id: 'x' } as never } : f));
    const revisit = attentionOf(data, reviewed, NOW, 30)[0]!.lines;
    expect(revisit.map((l) => [l.kind, l.title])).toEqual([['action', 'Measure']]);
    expect(revisit[0]!.detail).toMatch(/^Comes from "Users accept 2 s", found false on /);
    expect(revisit[0]!.flag?.cause.id).toBe(u.id);
  });

  it('lists breached metrics before those at risk, with the status reason', () => {
    const guardrail = { op: 'lte' as const, value: 100 };
    const breached = metric({ name: 'Latency', guardrail, readings: readings([80, 120]) });
    const atRisk = metric({ name: 'Cost', guardrail, readings: readings([60, 75, 90]) });
    const fine = metric({ name: 'Fine', guardrail, readings: readings([50, 50, 50]) });
    const found = lines(input({ metrics: [atRisk, breached, fine] }), 'metrics');
    expect(found.map((l) => l.title)).toEqual(['Latency', 'Cost']);
    expect(found[0]!.detail).toMatch(/^Guardrail breached: The latest reading/);
    expect(found[1]!.detail).toMatch(/^At risk: Heading for the guardrail/);
  });

  it('lists stale items and untested "test first" items, once each with every reason', () => {
    const stale = makeItem({ title: 'Stale', reviewDate: '2026-11-01', createdAt: NOW - 60 * DAY, impact: 2, uncertainty: 2, history: [{ at: 0, impact: 2, uncertainty: 2, status: 'open' }] });
    const untested = makeItem({ title: 'Untested', impact: 4.5, uncertainty: 4, createdAt: NOW - DAY });
    const both = makeItem({ title: 'Both', impact: 4, uncertainty: 5, reviewDate: '2026-11-01', createdAt: NOW - DAY });
    const tested = makeItem({ title: 'Tested', impact: 4, uncertainty: 4, createdAt: NOW - DAY, evidence: [{ id: 'e', date: '2026-11-28', learned: 'x', source: '', effect: '' }] });
    const unplaced = makeItem({ title: 'Unplaced', createdAt: NOW - DAY });
    const settled = makeItem({ title: 'Settled', status: 'validated', reviewDate: '2026-11-01' });
    expect(isUntestedTestFirst(untested)).toBe(true);
    expect(isUntestedTestFirst(tested)).toBe(false);
    expect(isUntestedTestFirst(unplaced)).toBe(false);
    const found = lines(input({ uncertaintyItems: [stale, untested, both, tested, unplaced, settled] }), 'uncertainty');
    expect(found.map((l) => l.title)).toEqual(['Stale', 'Untested', 'Both']);
    expect(found[0]!.detail).toMatch(/^Stale: Review was due 2026-11-01; No evidence for \d+ days\.$/);
    expect(found[2]!.detail).toBe('Test first, with no evidence yet. Stale: Review was due 2026-11-01.');
  });

  it('lists metrics awaiting sign-off and objections', () => {
    const functions = [fn('eng', 'Engineering'), fn('prod', 'Product')];
    const pending = metric({ name: 'Pending', version: 2, signoffs: [{ functionId: 'eng', functionName: 'Engineering', state: 'agree', reason: '', by: '', at: 1 }] });
    const objected = metric({ name: 'Objected', signoffs: [{ functionId: 'prod', functionName: 'Product', state: 'object', reason: 'Wrong window', by: '', at: 1 }] });
    const agreed = metric({ name: 'Agreed', signoffs: functions.map((f) => ({ functionId: f.id, functionName: f.name, state: 'agree' as const, reason: '', by: '', at: 1 })) });
    const found = lines(input({ functions, metrics: [pending, objected, agreed] }), 'signoff');
    expect(found.map((l) => [l.title, l.detail])).toEqual([
      ['Pending', 'Version 2 awaits sign-off: 1 of 2 required functions agree.'],
      ['Objected', 'Product objects: Wrong window'],
    ]);
  });

  it('lists open matrices, overdue actions (earliest first), pending scope changes and slipping or unsure roadmap items', () => {
    const open = matrix({ question: 'Which model?' });
    const decided = matrix({ question: 'Decided', decision: DECIDED });
    const late = action({ title: 'Late', due: '2026-11-20', owner: 'Sam' });
    const later = action({ title: 'Later', due: '2026-11-25', status: 'in-progress' });
    const today = action({ title: 'Today', due: '2026-11-29' });
    const done = action({ title: 'Done', due: '2026-11-01', status: 'done' });
    expect(isOverdue(late, '2026-11-29')).toBe(true);
    expect(isOverdue(today, '2026-11-29')).toBe(false);
    const slipped = roadmapItem({
      title: 'Slipped',
      latest: '2026-12-22',
      earliest: '2026-12-01',
      confidence: 'high',
      forecastAt: Date.UTC(2026, 10, 1),
      history: [{ at: Date.UTC(2026, 9, 2), horizon: 'now', earliest: '2026-11-20', latest: '2026-12-01', confidence: 'high' }],
    });
    const slippedUnsure = { ...slipped, id: 'slipped-unsure', title: 'Slipped and unsure', confidence: 'low' as const, createdAt: slipped.createdAt + 1 };
    const slippedLow = {
      ...slippedUnsure,
      id: 'slipped-low',
      title: 'Slipped, always unsure',
      history: [{ ...slipped.history[0]!, confidence: 'low' as const }],
      createdAt: slipped.createdAt + 2,
    };
    const unsure = roadmapItem({ title: 'Unsure', confidence: 20 });
    const sure = roadmapItem({ title: 'Sure', confidence: 'high' });
    const finished = roadmapItem({ title: 'Finished', confidence: 'low', status: 'done' });
    const data = input({
      matrices: [open, decided],
      actions: [later, done, late, today],
      scopeChanges: [scopeChange({}), scopeChange({ id: 's2', title: 'Decided', decision: 'accepted' })],
      roadmapItems: [slipped, slippedUnsure, slippedLow, unsure, sure, finished],
    });
    expect(lines(data, 'matrices').map((l) => [l.title, l.detail])).toEqual([['Which model?', 'Open, with 0 options and 0 criteria.']]);
    expect(lines(data, 'actions').map((l) => [l.title, l.detail])).toEqual([
      ['Late', 'Was due Nov 20, 2026; Sam owns it.'],
      ['Later', 'Was due Nov 25, 2026.'],
    ]);
    expect(lines(data, 'scope').map((l) => [l.title, l.detail])).toEqual([['Add voice', 'Pending, asked by Kim on Nov 2, 2026.']]);
    expect(lines(data, 'roadmap').map((l) => [l.title, l.detail])).toEqual([
      ['Slipped', 'Slipped 3 weeks since Oct 2.'],
      ['Unsure', 'Confidence is only 20%.'],
      ['Slipped and unsure', 'Slipped 3 weeks, confidence fell from high to low since Oct 2.'],
      ['Slipped, always unsure', 'Slipped 3 weeks since Oct 2; confidence is low.'],
    ]);
  });
});
