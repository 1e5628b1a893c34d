import fc from 'fast-check';
import { day, line, score, text, time } from './primitives';
import { sessionsArb } from './session-arbitraries';
import { checkFunctionName, checkMetricName } from '../../../renderer/src/domain/metrics/edits';
import { checkProgramName, PROGRAM_NAME_MAX, type Program } from '../../../renderer/src/domain/program';
import { checkCriterionName, checkDeciders, checkOptionTitle, checkQuestion } from '../../../renderer/src/domain/tradeoffs/edits';
import { checkItemTitle, checkLayerName } from '../../../renderer/src/domain/uncertainty/edits';
import { checkRoadmapTitle } from '../../../renderer/src/domain/roadmap/edits';
import { checkDecisionTitle } from '../../../renderer/src/domain/decisions/edits';
import { checkScopeTitle } from '../../../renderer/src/domain/scope/edits';
import { checkActionTitle } from '../../../renderer/src/domain/actions/edits';
import { CONFIDENCE_LEVELS, HORIZONS, ROADMAP_STATUSES, type RoadmapItem } from '../../../renderer/src/domain/roadmap/model';
import { DECISION_STATUSES, type DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { buildMatrixBasis, type MatrixBasis } from '../../../renderer/src/domain/decisions/basis';
import { resolveMatrix } from '../../../renderer/src/domain/tradeoffs/matrix';
import { SCOPE_DECISIONS, SCOPE_KINDS, SCOPE_REASONS, type ScopeChange, type ScopeEffect } from '../../../renderer/src/domain/scope/model';
import { ACTION_SOURCES, ACTION_STATUSES, type Action } from '../../../renderer/src/domain/actions/model';
import { REVISIT_TARGETS, type RevisitReview } from '../../../renderer/src/domain/revisit/model';
import type { ProgramSnapshot, OwnedRow } from '../../../renderer/src/domain/snapshot';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  type Layer,
  type UncertaintyItem,
} from '../../../renderer/src/domain/uncertainty/model';
import {
  DIRECTIONS,
  GUARDRAIL_OPS,
  METRIC_CATEGORIES,
  type Metric,
  type MetricContract,
  type ProgramFunction,
  type Signoff,
} from '../../../renderer/src/domain/metrics/model';
import { SAATY_SCALE } from '../../../renderer/src/domain/tradeoffs/ahp';
import {
  CONFIDENCES,
  SCALES,
  SCORING_MODES,
  type Decision,
  type Judgements,
  type Matrix,
  type Score,
  type StoredCombined,
} from '../../../renderer/src/domain/tradeoffs/model';


export const programArb: fc.Arbitrary<Program> = fc.record({
  id: fc.uuid(),
  name: line(checkProgramName, PROGRAM_NAME_MAX),
  description: text(300),
  createdAt: time,
  updatedAt: time,
  archivedAt: fc.constant(null),
  deletedAt: fc.constant(null),
  staleAfterDays: fc.integer({ min: 0, max: 3650 }),
});

/** A whole program with layers and items whose references are consistent. */
export const snapshotArb: fc.Arbitrary<ProgramSnapshot> = programArb.chain((program) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.uuid(),
        name: line(checkLayerName, 80),
        description: text(100),
        color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      }),
      { minLength: 1, maxLength: 5, selector: (l) => l.id },
    )
    .chain((rawLayers) => fc.tuple(fc.constant(rawLayers), functionsAndMetricsArb(program.id)))
    .chain(([rawLayers, { functions, metrics }]) => {
      const layers: Layer[] = rawLayers.map((l, order) => ({ ...l, programId: program.id, order }));
      const metricIds = metrics.map((m) => m.id);
      const item: fc.Arbitrary<UncertaintyItem> = fc.record({
        id: fc.uuid(),
        programId: fc.constant(program.id),
        layerId: fc.constantFrom(...layers.map((l) => l.id)),
        title: line(checkItemTitle, 200),
        description: text(200),
        kind: fc.constantFrom(...ITEM_KINDS),
        impact: score,
        uncertainty: score,
        ownerPerson: text(40),
        ownerFunction: text(40),
        status: fc.constantFrom(...ITEM_STATUSES),
        nextStep: text(100),
        reviewDate: fc.oneof(fc.constant(''), day),
        tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 4 }),
        metricIds: metricIds.length ? fc.uniqueArray(fc.constantFrom(...metricIds), { maxLength: 3 }) : fc.constant([]),
        evidence: fc.array(
          fc.record({ id: fc.uuid(), date: day, learned: text(100), source: text(40), effect: text(40) }),
          { maxLength: 3 },
        ),
        history: fc.array(
          fc.record({ at: time, impact: score, uncertainty: score, status: fc.constantFrom(...ITEM_STATUSES) }),
          { maxLength: 4 },
        ),
        createdAt: time,
        updatedAt: time,
      });
      return fc
        .tuple(
          fc.uniqueArray(item, { maxLength: 8, selector: (i) => i.id }),
          fc.uniqueArray(matrixArb(program.id, metricIds, functions.map((f) => f.id)), { maxLength: 3, selector: (m) => m.id }),
        )
        .chain(([items, matrices]) =>
          planArb(
            program.id,
            { uncertainty: items.map((i) => i.id), metric: metricIds, matrix: matrices.map((m) => m.id) },
            basesOf(matrices, metrics, functions),
          )
            .chain((plan) => {
              const idsOf = (table: string) => (plan[table] ?? []).map((row) => row.id);
              const ids = {
                layer: layers.map((l) => l.id),
                function: functions.map((f) => f.id),
                uncertainty: items.map((i) => i.id),
                metric: metricIds,
                matrix: matrices.map((m) => m.id),
                roadmapItem: idsOf('roadmapItems'),
                decision: idsOf('decisions'),
                scope: idsOf('scopeChanges'),
                action: idsOf('actions'),
              };
              return sessionsArb(program.id, ids).map((sessions) => ({ plan, sessions }));
            })
            .map(({ plan, sessions }) => ({
              program,
              owned: {
                layers: layers as unknown as OwnedRow[],
                uncertaintyItems: items as unknown as OwnedRow[],
                functions: functions as unknown as OwnedRow[],
                metrics: metrics as unknown as OwnedRow[],
                matrices: matrices as unknown as OwnedRow[],
                ...plan,
                ...sessions,
              },
            })),
        );
    }),
).filter((snapshot) => {
  // Ids are unique across the whole program, as the app makes them (a file that repeats one is refused).
  const ids = [snapshot.program.id, ...Object.values(snapshot.owned).flat().map((row) => row.id)];
  return new Set(ids).size === ids.length;
});

// Any finite number a reading or target may hold, including negatives and fractions.
const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const nullableValue = fc.option(value, { nil: null });

const contractArb: fc.Arbitrary<MetricContract> = fc.record({
  formula: text(100),
  numerator: text(40),
  denominator: text(40),
  unit: text(10),
  direction: fc.constantFrom(...DIRECTIONS),
  baseline: fc.record({ value: nullableValue, date: fc.oneof(fc.constant(''), day) }),
  target: fc.record({ value: nullableValue, high: nullableValue, by: fc.oneof(fc.constant(''), day) }),
  guardrail: fc.option(fc.record({ op: fc.constantFrom(...GUARDRAIL_OPS), value }), { nil: null }),
  window: text(20),
});

/** Functions and metrics whose owners and current sign-offs point at those functions. */
export function functionsAndMetricsArb(programId: string): fc.Arbitrary<{ functions: ProgramFunction[]; metrics: Metric[] }> {
  return fc
    .uniqueArray(fc.record({ id: fc.uuid(), name: line(checkFunctionName, 60), required: fc.boolean() }), {
      minLength: 1,
      maxLength: 5,
      selector: (f) => f.id,
    })
    .chain((raw) => {
      const functions: ProgramFunction[] = raw.map((f, order) => ({ ...f, programId, order }));
      const signoff: fc.Arbitrary<Signoff> = fc
        .record({
          fn: fc.constantFrom(...functions),
          state: fc.constantFrom('agree' as const, 'object' as const),
          reason: text(60),
          by: text(20),
          at: time,
        })
        .map(({ fn, ...rest }) => ({ ...rest, functionId: fn.id, functionName: fn.name }));
      const signoffs = fc.uniqueArray(signoff, { maxLength: functions.length, selector: (s) => s.functionId });
      const metric: fc.Arbitrary<Metric> = fc
        .record({
          id: fc.uuid(),
          name: line(checkMetricName, 120),
          description: text(100),
          category: fc.constantFrom(...METRIC_CATEGORIES),
          customCategory: text(20),
          decision: text(60),
          contract: contractArb,
          dataSource: text(40),
          cadence: text(20),
          ownerPerson: text(20),
          ownerFunctionId: fc.oneof(fc.constant(''), fc.constantFrom(...functions.map((f) => f.id))),
          signoffs,
          versions: fc.array(fc.record({ contract: contractArb, signoffs, supersededAt: time }), { maxLength: 3 }),
          readings: fc.array(fc.record({ id: fc.uuid(), date: day, value, note: text(40) }), { maxLength: 6 }),
          createdAt: time,
          updatedAt: time,
        })
        .map(({ contract, versions, readings, ...rest }) => ({
          ...rest,
          ...contract,
          programId,
          version: versions.length + 1,
          versions: versions.map((v, i) => ({ ...v.contract, version: i + 1, signoffs: v.signoffs, supersededAt: v.supersededAt })),
          readings: readings.sort((a, b) => a.date.localeCompare(b.date)),
        }));
      return fc.uniqueArray(metric, { maxLength: 5, selector: (m) => m.id }).map((metrics) => ({ functions, metrics }));
    });
}

const weight = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)));
const judgement = fc.constantFrom(...SAATY_SCALE);

/** Weights by criterion id for some of the criteria, and judgements over some pairs of them (or none). */
function weightsArb(criterionIds: readonly string[]): fc.Arbitrary<{ weights: Record<string, number>; judgements: Judgements | null }> {
  const pairs = criterionIds.flatMap((a, i) => criterionIds.slice(i + 1).map((b) => `${a}|${b}`));
  return fc.record({
    weights: fc.dictionary(criterionIds.length ? fc.constantFrom(...criterionIds) : fc.constant('unused'), weight, { maxKeys: criterionIds.length, noNullPrototype: true }),
    judgements: fc.option(pairs.length ? fc.dictionary(fc.constantFrom(...pairs), judgement, { maxKeys: pairs.length, noNullPrototype: true }) : fc.constant({}), { nil: null }),
  });
}

/**
 * A matrix whose criteria link to some of the given metrics (each at most once), whose weights
 * belong to some of the given functions, and whose cells and decisions name its own options and criteria.
 */
export function matrixArb(programId: string, metricIds: readonly string[], functionIds: readonly string[]): fc.Arbitrary<Matrix> {
  const options = fc.uniqueArray(fc.record({ id: fc.uuid(), title: line(checkOptionTitle, 60), description: text(100) }), {
    maxLength: 5,
    selector: (o) => o.id,
  });
  const criteria = fc
    .tuple(
      fc.uniqueArray(
        fc.record({ id: fc.uuid(), name: line(checkCriterionName, 60), direction: fc.constantFrom('benefit' as const, 'cost' as const) }),
        { maxLength: 5, selector: (c) => c.id },
      ),
      metricIds.length ? fc.shuffledSubarray([...metricIds]) : fc.constant([] as string[]),
    )
    .map(([raw, linked]) => raw.map((c, i) => ({ ...c, metricId: linked[i] ?? '' })));
  return fc
    .record({ id: fc.uuid(), mode: fc.constantFrom(...SCORING_MODES), options, criteria })
    .chain(({ id, mode, options, criteria }) => {
      const optionIds = options.map((o) => o.id);
      const criterionIds = criteria.map((c) => c.id);
      const cells = optionIds.flatMap((optionId) => criterionIds.map((criterionId) => ({ optionId, criterionId })));
      const score: fc.Arbitrary<Omit<Score, 'optionId' | 'criterionId'>> = fc.record({
        value: fc.option(fc.integer(SCALES[mode]), { nil: null }),
        rationale: text(60),
        confidence: fc.option(fc.constantFrom(...CONFIDENCES), { nil: null }),
        expected: nullableValue,
      });
      const scores = cells.length
        ? fc.subarray(cells).chain((chosen) => fc.tuple(...chosen.map((cell) => score.map((s) => ({ ...s, ...cell })))))
        : fc.constant([] as Score[]);
      const functionWeights = fc
        .subarray([...functionIds])
        .chain((fns) => fc.tuple(...fns.map((functionId) => weightsArb(criterionIds).map((w) => ({ functionId, ...w })))));
      const combined: fc.Arbitrary<StoredCombined> = fc.oneof(
        fc.constant({ mode: 'equal' as const }),
        // The blend in force, the facilitator's weights kept for later.
        weightsArb(criterionIds).map((w) => ({ mode: 'equal' as const, ...w })),
        weightsArb(criterionIds).map((w) => ({ mode: 'facilitator' as const, ...w })),
      );
      const decision = (reopened: fc.Arbitrary<Decision['reopened']>): fc.Arbitrary<Decision> =>
        fc.record({
          optionId: fc.constantFrom(...optionIds),
          rationale: fc.string({ minLength: 1, maxLength: 80 }),
          deciders: line(checkDeciders, 40),
          date: day,
          tradedAway: criterionIds.length ? fc.subarray(criterionIds) : fc.constant([]),
          recommendedId: fc.option(fc.constantFrom(...optionIds), { nil: null }),
          recordedAt: time,
          reopened,
        });
      return fc.record({
        id: fc.constant(id),
        programId: fc.constant(programId),
        question: line(checkQuestion, 120),
        context: text(100),
        mode: fc.constant(mode),
        options: fc.constant(options),
        criteria: fc.constant(criteria),
        scores,
        functionWeights,
        combined,
        decision: optionIds.length ? fc.option(decision(fc.constant(null)), { nil: null }) : fc.constant(null),
        pastDecisions: optionIds.length
          ? fc.array(decision(fc.record({ at: time, reason: fc.string({ minLength: 1, maxLength: 60 }) })), { maxLength: 2 })
          : fc.constant([]),
        createdAt: time,
        updatedAt: time,
      });
    });
}

/** What each decided matrix's decision was made on, as the decision log freezes it. */
function basesOf(matrices: readonly Matrix[], metrics: readonly Metric[], functions: readonly ProgramFunction[]): MatrixBasis[] {
  const metricsById = new Map(metrics.map((m) => [m.id, m]));
  return matrices.flatMap((matrix) => (matrix.decision ? [buildMatrixBasis(matrix, resolveMatrix(matrix, metricsById, functions), functions, matrix.decision)] : []));
}

/** Some of `ids` (none when there are none). */
const someOf = (ids: readonly string[], maxLength = 3) => (ids.length ? fc.uniqueArray(fc.constantFrom(...ids), { maxLength }) : fc.constant([] as string[]));
/** One of `ids`, or '' (always '' when there are none). */
const oneOrNone = (ids: readonly string[]) => (ids.length ? fc.oneof(fc.constant(''), fc.constantFrom(...ids)) : fc.constant(''));
/** Distinct times, so records written oldest first keep one order through a round trip. */
const distinctTimes = (n: number) => fc.uniqueArray(time, { minLength: n, maxLength: n });
const range = fc.oneof(
  fc.constant({ earliest: '', latest: '' }),
  fc.tuple(day, day).map(([a, b]) => (a <= b ? { earliest: a, latest: b } : { earliest: b, latest: a })),
);
const forecastConfidence = fc.oneof(fc.constantFrom(...CONFIDENCE_LEVELS), fc.integer({ min: 0, max: 100 }));

/**
 * The adaptive plan of a program whose uncertainty items, metrics and matrices have the given
 * ids: roadmap items, decision records, scope changes, actions and revisit reviews, every link
 * pointing at a record of the right kind.
 */
export function planArb(
  programId: string,
  existing: { uncertainty: readonly string[]; metric: readonly string[]; matrix: readonly string[] },
  bases: readonly MatrixBasis[] = [],
): fc.Arbitrary<Record<string, OwnedRow[]>> {
  const ids = (maxLength: number) => fc.uniqueArray(fc.uuid(), { maxLength });
  return fc.record({ roadmap: ids(6), decisions: ids(5), scope: ids(4), actions: ids(5), reviews: ids(3) }).chain((made) => {
    const roadmapItem = (id: string, order: number): fc.Arbitrary<RoadmapItem> =>
      fc
        .record({
          title: line(checkRoadmapTitle, 100),
          description: text(100),
          owner: text(30),
          horizon: fc.constantFrom(...HORIZONS),
          range,
          confidence: forecastConfidence,
          forecastAt: time,
          status: fc.constantFrom(...ROADMAP_STATUSES),
          uncertaintyIds: someOf(existing.uncertainty),
          metricIds: someOf(existing.metric),
          decisionIds: someOf(made.decisions),
          history: fc.array(
            fc.record({ at: time, horizon: fc.constantFrom(...HORIZONS), range, confidence: forecastConfidence }).map(({ range, ...f }) => ({ ...f, ...range })),
            { maxLength: 3 },
          ),
          createdAt: time,
          updatedAt: time,
        })
        .map(({ range, ...rest }) => ({ ...rest, ...range, id, programId, order }));
    const decision = (id: string, number: number): fc.Arbitrary<DecisionRecord> => {
      const others = made.decisions.filter((d) => d !== id);
      return fc.record({
        id: fc.constant(id),
        programId: fc.constant(programId),
        number: fc.constant(number),
        title: line(checkDecisionTitle, 100),
        status: fc.constantFrom(...DECISION_STATUSES),
        statusNote: text(60),
        date: day,
        deciders: text(40),
        consulted: text(40),
        informed: text(40),
        context: text(100),
        options: fc.array(fc.record({ title: fc.string({ minLength: 1, maxLength: 40 }), description: text(60) }), { maxLength: 3 }),
        outcome: text(100),
        consequencesGood: text(60),
        consequencesBad: text(60),
        supersedes: oneOrNone(others),
        supersededBy: oneOrNone(others),
        uncertaintyIds: someOf(existing.uncertainty),
        metricIds: someOf(existing.metric),
        roadmapItemIds: someOf(made.roadmap),
        matrixId: oneOrNone(existing.matrix),
        basis: bases.length ? fc.option(fc.constantFrom(...bases), { nil: null }) : fc.constant(null),
        createdAt: time,
        updatedAt: time,
      });
    };
    const effect: fc.Arbitrary<ScopeEffect> = fc.oneof(
      ...(made.roadmap.length
        ? [
            fc.record({ kind: fc.constant('move' as const), roadmapItemId: fc.constantFrom(...made.roadmap), horizon: fc.constantFrom(...HORIZONS), range }).map(
              ({ range, ...e }) => ({ ...e, ...range }),
            ),
            fc.record({ kind: fc.constant('drop' as const), roadmapItemId: fc.constantFrom(...made.roadmap) }),
          ]
        : []),
      fc
        .record({ kind: fc.constant('add' as const), title: line(checkRoadmapTitle, 60), horizon: fc.constantFrom(...HORIZONS), range, confidence: forecastConfidence })
        .map(({ range, ...e }) => ({ ...e, ...range })),
    );
    const scopeChange = (id: string, createdAt: number): fc.Arbitrary<ScopeChange> =>
      fc.record({
        id: fc.constant(id),
        programId: fc.constant(programId),
        title: line(checkScopeTitle, 100),
        description: text(100),
        requestedBy: text(30),
        requestedFunction: text(30),
        requestedOn: day,
        reason: fc.constantFrom(...SCOPE_REASONS),
        kind: fc.constantFrom(...SCOPE_KINDS),
        impactRoadmap: text(60),
        impactCost: text(60),
        roadmapItemIds: someOf(made.roadmap),
        metricIds: someOf(existing.metric),
        uncertaintyIds: someOf(existing.uncertainty),
        effects: fc.array(effect, { maxLength: 3 }),
        decision: fc.constantFrom(...SCOPE_DECISIONS),
        rationale: text(60),
        decidedOn: fc.oneof(fc.constant(''), day),
        appliedAt: fc.option(time, { nil: null }),
        createdAt: fc.constant(createdAt),
        updatedAt: time,
      });
    const sources: Record<(typeof ACTION_SOURCES)[number], readonly string[]> = {
      uncertainty: existing.uncertainty,
      decision: made.decisions,
      scope: made.scope,
      metric: existing.metric,
    };
    const sourceArbs = ACTION_SOURCES.filter((kind) => sources[kind].length).map((kind) =>
      fc.constantFrom(...sources[kind]).map((id) => ({ kind, id })),
    );
    const action = (id: string, createdAt: number): fc.Arbitrary<Action> =>
      fc.record({
        id: fc.constant(id),
        programId: fc.constant(programId),
        title: line(checkActionTitle, 100),
        notes: text(60),
        owner: text(30),
        due: fc.oneof(fc.constant(''), day),
        status: fc.constantFrom(...ACTION_STATUSES),
        source: sourceArbs.length ? fc.option(fc.oneof(...sourceArbs), { nil: null }) : fc.constant(null),
        createdAt: fc.constant(createdAt),
        updatedAt: time,
      });
    const targets: Record<(typeof REVISIT_TARGETS)[number], readonly string[]> = {
      roadmapItem: made.roadmap,
      decision: made.decisions,
      matrix: existing.matrix,
      action: made.actions,
    };
    const targetArbs = REVISIT_TARGETS.filter((kind) => targets[kind].length).map((kind) =>
      fc.constantFrom(...targets[kind]).map((id) => ({ targetKind: kind, targetId: id })),
    );
    const causeArbs = (['uncertainty', 'metric'] as const)
      .filter((kind) => existing[kind].length)
      .map((kind) => fc.constantFrom(...existing[kind]).map((id) => ({ causeKind: kind, causeId: id })));
    const review = (id: string, at: number): fc.Arbitrary<RevisitReview> =>
      fc
        .record({
          target: fc.oneof(...targetArbs),
          cause: fc.oneof(...causeArbs),
          causeSince: day,
          note: fc.string({ minLength: 1, maxLength: 60 }),
          by: text(20),
        })
        .map(({ target, cause, ...rest }) => ({ id, programId, at, ...target, ...cause, ...rest }));
    const reviewIds = targetArbs.length && causeArbs.length ? made.reviews : [];
    return fc
      .record({
        roadmapItems: fc.tuple(...made.roadmap.map((id, i) => roadmapItem(id, i))),
        decisions: fc.tuple(...made.decisions.map((id, i) => decision(id, i + 1))),
        scopeChanges: distinctTimes(made.scope.length).chain((times) => fc.tuple(...made.scope.map((id, i) => scopeChange(id, times[i]!)))),
        actions: distinctTimes(made.actions.length).chain((times) => fc.tuple(...made.actions.map((id, i) => action(id, times[i]!)))),
        revisitReviews: distinctTimes(reviewIds.length).chain((times) => fc.tuple(...reviewIds.map((id, i) => review(id, times[i]!)))),
      })
      .map((plan) => plan as unknown as Record<string, OwnedRow[]>);
  });
}
