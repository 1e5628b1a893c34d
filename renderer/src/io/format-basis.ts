import { z } from 'zod/mini';
import { basisIndexProblem } from '../domain/decisions/basis';
import { FUNCTIONS_MAX } from '../domain/metrics/model';
import { CONFIDENCES, CRITERIA_MAX, MATRIX_TEXT_MAX, OPTIONS_MAX, SCALES, SCORING_MODES } from '../domain/tradeoffs/model';
import { day, text } from './format-parts';

// The frozen basis of a trade-off matrix's decision, as the decision log keeps it
// (domain/decisions/basis.ts). Every list is bounded by what a matrix may hold, and every place
// it names (an option, a criterion) must be in the basis's own lists.

const finite = z.number().check(z.refine(Number.isFinite, 'Expected a finite number'));
const share = z.number().check(z.gte(0), z.lte(1));
const option = z.int().check(z.gte(0), z.lt(OPTIONS_MAX));
const criterion = z.int().check(z.gte(0), z.lt(CRITERIA_MAX));
const scaleMin = Math.min(...SCORING_MODES.map((m) => SCALES[m].min));
const scaleMax = Math.max(...SCORING_MODES.map((m) => SCALES[m].max));
const shares = z.array(share).check(z.maxLength(CRITERIA_MAX));
const matrixText = text(0, MATRIX_TEXT_MAX);
const name = text(0, 300);
const sentence = text(0, 2000);

export const MatrixBasisFileSchema = z
  .strictObject({
    question: name,
    context: matrixText,
    mode: z.enum(SCORING_MODES),
    options: z.array(z.strictObject({ title: name, description: matrixText })).check(z.minLength(1), z.maxLength(OPTIONS_MAX)),
    criteria: z
      .array(z.strictObject({ name, direction: z.enum(['benefit', 'cost']), metric: name, unit: text(0, 200), guardrail: name }))
      .check(z.maxLength(CRITERIA_MAX)),
    scores: z
      .array(
        z.strictObject({
          option,
          criterion,
          value: z.nullable(z.int().check(z.gte(scaleMin), z.lte(scaleMax))),
          rationale: matrixText,
          confidence: z.nullable(z.enum(CONFIDENCES as readonly ['low', 'medium', 'high'])),
          expected: z.nullable(finite),
        }),
      )
      .check(z.maxLength(OPTIONS_MAX * CRITERIA_MAX)),
    functions: z
      .array(z.strictObject({ name, weights: shares, weighed: z.boolean(), winner: z.nullable(option) }))
      .check(z.maxLength(FUNCTIONS_MAX)),
    combined: z.strictObject({ how: z.enum(['equal', 'facilitator']), weights: shares }),
    ranking: z
      .array(z.strictObject({ option, score: z.nullable(share), coverage: share, rank: z.int().check(z.gte(1), z.lte(OPTIONS_MAX)) }))
      .check(z.maxLength(OPTIONS_MAX)),
    vetoes: z.array(z.strictObject({ option, criterion, reason: sentence })).check(z.maxLength(OPTIONS_MAX * CRITERIA_MAX)),
    tied: z.array(option).check(z.maxLength(OPTIONS_MAX)),
    flip: sentence,
    sensitivity: z
      .array(z.strictObject({ criterion, weight: share, low: share, high: share, sentence }))
      .check(z.maxLength(CRITERIA_MAX)),
    chosen: option,
    recommended: z.nullable(option),
    rationale: matrixText,
    deciders: name,
    date: day,
    tradedAway: z.array(criterion).check(z.maxLength(CRITERIA_MAX)),
  })
  .check(z.refine((basis) => basisIndexProblem(basis) === undefined, { error: (issue) => basisIndexProblem(issue.input as never) }));
