// Full recompute of a trade-off matrix of 50 options x 30 criteria x 3 functions: utilities,
// the blended ranking, each function's ranking, sensitivity of every criterion and the flip
// point (analyseMatrix), as the matrix view will run it on every score or weight change.
// Held to the budget of 10 ms; a raw pass over the same 1,500 scores is in the note.
import type { Criterion, FunctionWeights, MatrixOption, Score } from '../../../renderer/src/domain/tradeoffs/model';
import { analyseMatrix } from '../../../renderer/src/domain/tradeoffs/analysis';
import type { MatrixInput } from '../../../renderer/src/domain/tradeoffs/scoring';
import { median, repeat } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const OPTIONS = 50;
const CRITERIA = 30;
const FUNCTIONS = 3;
const BUDGET_MS = 10;
const PASSES = 20;

export let sink = 0;

/** A deterministic pseudo-random sequence, so every run scores the same matrix. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function makeMatrix(): { input: MatrixInput; functions: FunctionWeights[] } {
  const rand = lcg(42);
  const criteria: Criterion[] = Array.from({ length: CRITERIA }, (_, j) => ({
    id: `c${j}`,
    name: `Criterion ${j}`,
    metricId: j < 5 ? `m${j}` : '',
    direction: j % 3 === 0 ? 'cost' : 'benefit',
  }));
  const options: MatrixOption[] = Array.from({ length: OPTIONS }, (_, i) => ({ id: `o${i}`, title: `Option ${i}`, description: '' }));
  const scores: Score[] = options.flatMap((o) =>
    criteria.map((c) => ({
      optionId: o.id,
      criterionId: c.id,
      value: 1 + Math.floor(rand() * 5),
      rationale: '',
      confidence: null,
      expected: c.metricId ? 1000 + rand() * 9000 : null,
    })),
  );
  const guardrails = new Map(criteria.filter((c) => c.metricId).map((c) => [c.metricId, { op: 'lte' as const, value: 9500 }]));
  const functions = Array.from({ length: FUNCTIONS }, (_, f) => ({
    functionId: `f${f}`,
    weights: Object.fromEntries(criteria.map((c) => [c.id, Math.round(rand() * 10)])),
  }));
  return { input: { mode: 'rating', options, criteria, scores, guardrails }, functions };
}

function timePasses(passes: number, pass: () => void): number {
  const start = performance.now();
  for (let i = 0; i < passes; i++) pass();
  return (performance.now() - start) / passes;
}

const bench: Benchmark = {
  name: 'tradeoffs.recompute',
  unit: 'ms',
  target: 1.0,
  baselineLabel: `the budget (${BUDGET_MS} ms) for analyseMatrix of ${OPTIONS} options x ${CRITERIA} criteria x ${FUNCTIONS} functions (median ms per pass over ${PASSES}-pass samples)`,
  async run() {
    const { input, functions } = makeMatrix();
    const values = await repeat(async () => timePasses(PASSES, () => void (sink += analyseMatrix(input, functions, { mode: 'equal' }).sensitivity.length)), {
      warmup: 3,
      reps: 15,
    });
    const raw = await repeat(
      async () =>
        timePasses(PASSES * 20, () => {
          for (const s of input.scores) sink += s.value ?? 0;
        }),
      { warmup: 3, reps: 15 },
    );
    const a = analyseMatrix(input, functions, { mode: 'equal' });
    const vetoed = a.results.filter((r) => r.vetoes.length > 0).length;
    return {
      value: median(values),
      baseline: BUDGET_MS,
      samples: { value: values, baseline: values.map(() => BUDGET_MS) },
      note:
        `${OPTIONS * CRITERIA} scores; ${vetoed} options vetoed by a guardrail; winner ${a.winner?.optionId ?? 'none'}; ` +
        `${a.disagreeing.length} of ${FUNCTIONS} functions pick another winner; sensitivity for ${a.sensitivity.length} criteria. ` +
        `Raw pass summing the same ${OPTIONS * CRITERIA} scores: ${median(raw).toFixed(4)} ms.`,
    };
  },
};

export default bench;
