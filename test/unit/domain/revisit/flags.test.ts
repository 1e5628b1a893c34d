import { describe, expect, it } from 'vitest';
import { breachedSince, flagReason, flagSentence, flagsOn, invalidatedSince, revisitFlags, type RevisitFlag } from '../../../../renderer/src/domain/revisit/flags';
import type { RevisitReview } from '../../../../renderer/src/domain/revisit/model';
import { formatDate } from '../../../../renderer/src/domain/time';
import type { ItemHistoryPoint } from '../../../../renderer/src/domain/uncertainty/model';
import { metric, readings } from '../metrics/factories';
import { makeItem } from '../uncertainty/items-factory';
import { action, DECIDED, decision, matrix, records, roadmapItem } from './factories';

const T0 = Date.UTC(2026, 10, 1);
const T1 = Date.UTC(2026, 10, 20);
const T2 = Date.UTC(2026, 10, 22);
const point = (at: number, status: ItemHistoryPoint['status']): ItemHistoryPoint => ({ at, impact: 4, uncertainty: 4, status });

function invalidated(title = 'Users accept 2 s latency', history = [point(T0, 'open'), point(T1, 'invalidated'), point(T2, 'invalidated')]) {
  return makeItem({ title, status: 'invalidated', history });
}

const targets = (flags: readonly RevisitFlag[]) => flags.map((f) => `${f.target.kind}:${f.target.id}`).sort();

function review(flag: RevisitFlag, overrides: Partial<RevisitReview> = {}): RevisitReview {
  return {
    id: `rev-${flag.target.id}`,
    programId: 'p1',
    targetKind: flag.target.kind,
    targetId: flag.target.id,
    causeKind: flag.cause.kind,
    causeId: flag.cause.id,
    causeSince: flag.cause.since,
    note: 'Looked at it',
    by: 'Ana',
    at: T2,
    ...overrides,
  };
}

describe('the causes of revisit flags', () => {
  it('dates an invalidated item from the start of the run of invalidated points that ends its history', () => {
    expect(invalidatedSince(invalidated())).toBe(T1);
    const again = invalidated('x', [point(T0, 'invalidated'), point(T1, 'open'), point(T2, 'invalidated')]);
    expect(invalidatedSince(again)).toBe(T2);
    expect(invalidatedSince(makeItem({ status: 'open', history: [point(T0, 'invalidated')] }))).toBeUndefined();
    // No history to tell: the item's creation, which never moves, so a review keeps holding.
    expect(invalidatedSince(makeItem({ status: 'invalidated', history: [], createdAt: 5 }))).toBe(5);
  });

  it('dates a breached metric from the first of the readings in a row past its guardrail', () => {
    const guardrail = { op: 'lte' as const, value: 2000 };
    expect(breachedSince(metric({ guardrail, readings: readings([1500, 2500, 2600]) }))).toBe('2026-03-02');
    expect(breachedSince(metric({ guardrail, readings: readings([2500, 1500, 2600]) }))).toBe('2026-03-03');
    expect(breachedSince(metric({ guardrail, readings: readings([2500, 1500]) }))).toBeUndefined();
    expect(breachedSince(metric({ guardrail: null, readings: readings([2500]) }))).toBeUndefined();
  });
});

describe('revisitFlags', () => {
  it('flags the roadmap items, accepted decisions and open actions linked to an invalidated assumption, with the reason', () => {
    const u = invalidated();
    const r = roadmapItem({ title: 'Hybrid retrieval', uncertaintyIds: [u.id] });
    const dropped = roadmapItem({ status: 'dropped', uncertaintyIds: [u.id] });
    const d = decision({ uncertaintyIds: [u.id] });
    const draft = decision({ status: 'draft', uncertaintyIds: [u.id] });
    const a = action({ source: { kind: 'uncertainty', id: u.id } });
    const done = action({ status: 'done', source: { kind: 'uncertainty', id: u.id } });
    const flags = revisitFlags(records({ uncertaintyItems: [u], roadmapItems: [r, dropped], decisions: [d, draft], actions: [a, done] }), []);
    expect(targets(flags)).toEqual([`action:${a.id}`, `decision:${d.id}`, `roadmapItem:${r.id}`].sort());
    const onR = flagsOn(flags, 'roadmapItem', r.id)[0]!;
    expect(onR.cause).toMatchObject({ kind: 'uncertainty', id: u.id, since: new Date(T1).toISOString() });
    expect(flagReason(onR)).toBe(`Rests on "Users accept 2 s latency", found false on ${formatDate(T1)}.`);
    expect(flagReason(flagsOn(flags, 'action', a.id)[0]!)).toMatch(/^Comes from "Users accept 2 s latency"/);
  });

  it('flags what rests on a flagged decision once more, with the chain shown', () => {
    const u = invalidated();
    const m = matrix({ decision: DECIDED });
    const d = decision({ number: 3, uncertaintyIds: [u.id], matrixId: m.id });
    const viaItsLink = roadmapItem({ title: 'Hybrid retrieval', decisionIds: [d.id] });
    const viaTheDecision = roadmapItem({ title: 'Reranker' });
    d.roadmapItemIds = [viaTheDecision.id];
    const a = action({ source: { kind: 'decision', id: d.id } });
    const flags = revisitFlags(records({ uncertaintyItems: [u], roadmapItems: [viaItsLink, viaTheDecision], decisions: [d], matrices: [m], actions: [a] }), []);
    expect(targets(flags)).toEqual([`action:${a.id}`, `decision:${d.id}`, `matrix:${m.id}`, `roadmapItem:${viaItsLink.id}`, `roadmapItem:${viaTheDecision.id}`].sort());
    const chained = flagsOn(flags, 'roadmapItem', viaItsLink.id)[0]!;
    expect(chained.chain.map((s) => s.record.id)).toEqual([d.id, u.id]);
    expect(flagSentence(chained)).toBe(`"Hybrid retrieval" comes from ADR-0003, which rests on "Users accept 2 s latency", found false on ${formatDate(T1)}.`);
    expect(flagReason(flagsOn(flags, 'matrix', m.id)[0]!)).toMatch(/^Was decided in ADR-0003, which rests on/);
  });

  it('propagates only through accepted decisions, and only once', () => {
    const u = invalidated();
    const proposed = decision({ status: 'proposed', uncertaintyIds: [u.id] });
    const onProposed = roadmapItem({ decisionIds: [proposed.id] });
    const flagged = roadmapItem({ uncertaintyIds: [u.id] });
    // A decision resting on a flagged roadmap item is not flagged: roadmap items pass nothing on.
    const affecting = decision({ roadmapItemIds: [flagged.id] });
    const onAffecting = roadmapItem({ decisionIds: [affecting.id] });
    const flags = revisitFlags(records({ uncertaintyItems: [u], decisions: [proposed, affecting], roadmapItems: [onProposed, flagged, onAffecting] }), []);
    expect(targets(flags)).toEqual([`roadmapItem:${flagged.id}`]);
  });

  it('ends on a loop of links, flagging each record once by its shortest chain', () => {
    const u = invalidated();
    const r = roadmapItem({ uncertaintyIds: [u.id] });
    const d1 = decision({ uncertaintyIds: [u.id], roadmapItemIds: [r.id] });
    const d2 = decision({ roadmapItemIds: [r.id] });
    // Each links to the other both ways, and the decisions supersede each other (a damaged file).
    r.decisionIds = [d1.id, d2.id];
    d1.supersedes = d2.id;
    d2.supersedes = d1.id;
    d1.supersededBy = d2.id;
    d2.supersededBy = d1.id;
    const flags = revisitFlags(records({ uncertaintyItems: [u], roadmapItems: [r], decisions: [d1, d2] }), []);
    expect(targets(flags)).toEqual([`decision:${d1.id}`, `roadmapItem:${r.id}`].sort());
    expect(flagsOn(flags, 'roadmapItem', r.id)[0]!.chain).toHaveLength(1);
  });

  it('flags a record once per cause when two things it rests on failed', () => {
    const u1 = invalidated('A');
    const u2 = invalidated('B');
    const r = roadmapItem({ uncertaintyIds: [u1.id, u2.id] });
    const flags = revisitFlags(records({ uncertaintyItems: [u1, u2], roadmapItems: [r] }), []);
    expect(flags.map((f) => f.cause.label)).toEqual(['A', 'B']);
  });

  it('clears one flag with a review of that failure, but not the flag of a later failure of the same cause', () => {
    const u = invalidated();
    const r = roadmapItem({ uncertaintyIds: [u.id] });
    const d = decision({ uncertaintyIds: [u.id] });
    const data = records({ uncertaintyItems: [u], roadmapItems: [r], decisions: [d] });
    const before = revisitFlags(data, []);
    const cleared = review(flagsOn(before, 'roadmapItem', r.id)[0]!);
    const after = revisitFlags(data, [cleared]);
    expect(flagsOn(after, 'roadmapItem', r.id)[0]!.review).toEqual(cleared);
    expect(flagsOn(after, 'decision', d.id)[0]!.review).toBeUndefined();

    // Found true again, then false again: a new failure, flagged anew.
    const failedAgain = { ...u, history: [...u.history, point(T2 + 1, 'validated'), point(T2 + 2, 'invalidated')] };
    const later = revisitFlags({ ...data, uncertaintyItems: [failedAgain] }, [cleared]);
    expect(flagsOn(later, 'roadmapItem', r.id)[0]!.review).toBeUndefined();
    expect(flagsOn(later, 'roadmapItem', r.id)[0]!.cause.since).toBe(new Date(T2 + 2).toISOString());
  });

  it("flags what rests on a metric past its guardrail: roadmap items, decisions and decided matrices weighing it", () => {
    const m = metric({ name: 'Latency p95', guardrail: { op: 'lte', value: 2000 }, readings: readings([1500, 2500]) });
    const r = roadmapItem({ metricIds: [m.id] });
    const d = decision({ metricIds: [m.id] });
    const criterion = { id: 'c1', name: 'Latency', metricId: m.id, direction: 'cost' as const };
    const decided = matrix({ decision: DECIDED, criteria: [criterion] });
    const open = matrix({ criteria: [criterion] });
    const a = action({ source: { kind: 'metric', id: m.id } });
    const flags = revisitFlags(records({ metrics: [m], roadmapItems: [r], decisions: [d], matrices: [decided, open], actions: [a] }), []);
    expect(targets(flags)).toEqual([`action:${a.id}`, `decision:${d.id}`, `matrix:${decided.id}`, `roadmapItem:${r.id}`].sort());
    expect(flagReason(flagsOn(flags, 'matrix', decided.id)[0]!)).toMatch(/^Weighs "Latency p95", past its guardrail since Mar 2, 2026\.$/);
    expect(flags.every((f) => f.cause.since === '2026-03-02')).toBe(true);

    const recovered = { ...m, readings: readings([1500, 2500, 1800]) };
    expect(revisitFlags(records({ metrics: [recovered], roadmapItems: [r] }), [])).toEqual([]);
  });

  it('lists standing flags before reviewed ones on a record', () => {
    const u1 = invalidated('A');
    const u2 = invalidated('B');
    const r = roadmapItem({ uncertaintyIds: [u1.id, u2.id] });
    const data = records({ uncertaintyItems: [u1, u2], roadmapItems: [r] });
    const first = revisitFlags(data, []).find((f) => f.cause.id === u1.id)!;
    expect(flagsOn(revisitFlags(data, [review(first)]), 'roadmapItem', r.id).map((f) => f.cause.label)).toEqual(['B', 'A']);
  });
});
