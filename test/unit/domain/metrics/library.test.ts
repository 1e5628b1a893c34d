import { describe, expect, it } from 'vitest';
import { METRIC_LIBRARY, type MetricTemplate } from '../../../../renderer/src/domain/metrics/library';
import {
  DEFAULT_FUNCTIONS,
  DIRECTIONS,
  GUARDRAIL_OPS,
  METRIC_CATEGORIES,
  METRIC_NAME_MAX,
  METRIC_SHORT_MAX,
  METRIC_TEXT_MAX,
} from '../../../../renderer/src/domain/metrics/model';

const label = (t: MetricTemplate) => `${t.key} (${t.draft.name})`;

/** Every template that fails `check`, by key, so a failure names the culprits. */
function failing(check: (t: MetricTemplate) => boolean): string[] {
  return METRIC_LIBRARY.filter((t) => !check(t)).map(label);
}

describe('METRIC_LIBRARY', () => {
  it('has about 14 templates', () => {
    expect(METRIC_LIBRARY.length).toBeGreaterThanOrEqual(12);
    expect(METRIC_LIBRARY.length).toBeLessThanOrEqual(20);
  });

  it('has unique kebab-case keys', () => {
    const keys = METRIC_LIBRARY.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(k))).toEqual([]);
  });

  it('has unique names, ignoring case and surrounding space', () => {
    const names = METRIC_LIBRARY.map((t) => t.draft.name.trim().toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every category except custom, and never uses custom', () => {
    const used = new Set(METRIC_LIBRARY.map((t) => t.draft.category));
    expect(used.has('custom')).toBe(false);
    expect(METRIC_CATEGORIES.filter((c) => c !== 'custom' && !used.has(c))).toEqual([]);
    expect(failing((t) => t.draft.customCategory === '')).toEqual([]);
  });

  it('suggests one of the default functions as owner and leaves ownership empty', () => {
    expect(failing((t) => (DEFAULT_FUNCTIONS as readonly string[]).includes(t.suggestedOwner))).toEqual([]);
    expect(failing((t) => t.draft.ownerFunctionId === '' && t.draft.ownerPerson === '')).toEqual([]);
  });

  it('fills in every descriptive field', () => {
    const fields = ['name', 'description', 'decision', 'formula', 'unit', 'dataSource', 'window', 'cadence'] as const;
    for (const field of fields) {
      expect(failing((t) => t.draft[field].trim() !== ''), field).toEqual([]);
    }
  });

  it('gives every ratio a denominator, and a denominator only with a numerator', () => {
    expect(failing((t) => t.draft.numerator.trim() === '' || t.draft.denominator.trim() !== '')).toEqual([]);
    expect(failing((t) => t.draft.denominator.trim() === '' || t.draft.numerator.trim() !== '')).toEqual([]);
  });

  it('leaves the baseline and target date for the team to fill in', () => {
    expect(failing((t) => t.draft.baseline.value === null && t.draft.baseline.date === '')).toEqual([]);
    expect(failing((t) => t.draft.target.by === '')).toEqual([]);
  });

  it('uses known directions and guardrail operators', () => {
    expect(failing((t) => DIRECTIONS.includes(t.draft.direction))).toEqual([]);
    expect(failing((t) => t.draft.guardrail !== null && GUARDRAIL_OPS.includes(t.draft.guardrail.op))).toEqual([]);
  });

  it('has finite targets and guardrails, with a high end exactly for range metrics', () => {
    const finite = (v: number | null | undefined) => typeof v === 'number' && Number.isFinite(v);
    expect(failing((t) => finite(t.draft.target.value) && finite(t.draft.guardrail?.value))).toEqual([]);
    expect(
      failing((t) =>
        t.draft.direction === 'range'
          ? finite(t.draft.target.high) && (t.draft.target.high as number) > (t.draft.target.value as number)
          : t.draft.target.high === null,
      ),
    ).toEqual([]);
  });

  it('points each guardrail the same way as the direction, on the bad side of the target', () => {
    const consistent = ({ draft }: MetricTemplate): boolean => {
      const { guardrail, target, direction } = draft;
      if (!guardrail || target.value === null) return false;
      const floor = guardrail.op === 'gte' || guardrail.op === 'gt';
      if (direction === 'higher') return floor && guardrail.value < target.value;
      if (direction === 'lower') return !floor && guardrail.value > target.value;
      // A range metric's guardrail sits outside the target range, on the side it guards.
      if (target.high === null) return false;
      return floor ? guardrail.value < target.value : guardrail.value > target.high;
    };
    expect(failing(consistent)).toEqual([]);
  });

  it('keeps percentages within 0 to 100', () => {
    const inRange = (v: number | null | undefined) => v === null || v === undefined || (v >= 0 && v <= 100);
    const percent = METRIC_LIBRARY.filter((t) => t.draft.unit === '%');
    expect(percent.length).toBeGreaterThan(0);
    expect(
      percent
        .filter((t) => !(inRange(t.draft.target.value) && inRange(t.draft.target.high) && inRange(t.draft.guardrail?.value)))
        .map(label),
    ).toEqual([]);
  });

  it('keeps costs and latencies non-negative', () => {
    expect(failing((t) => (t.draft.target.value ?? 0) >= 0 && (t.draft.guardrail?.value ?? 0) >= 0)).toEqual([]);
  });

  it('keeps text within the lengths the metric form accepts', () => {
    expect(failing((t) => t.draft.name.length <= METRIC_NAME_MAX)).toEqual([]);
    for (const field of ['description', 'decision', 'formula'] as const) {
      expect(failing((t) => t.draft[field].length <= METRIC_TEXT_MAX), field).toEqual([]);
    }
    for (const field of ['unit', 'window', 'cadence', 'dataSource', 'numerator', 'denominator'] as const) {
      expect(failing((t) => t.draft[field].length <= METRIC_SHORT_MAX), field).toEqual([]);
    }
  });

  it('does not share nested objects between templates, so copying one cannot change another', () => {
    const baselines = new Set(METRIC_LIBRARY.map((t) => t.draft.baseline));
    const targets = new Set(METRIC_LIBRARY.map((t) => t.draft.target));
    expect(baselines.size).toBe(METRIC_LIBRARY.length);
    expect(targets.size).toBe(METRIC_LIBRARY.length);
  });

  it('includes the metrics named in the issue', () => {
    const named = (pattern: RegExp) => METRIC_LIBRARY.some((t) => pattern.test(t.draft.name));
    const wanted: [string, RegExp][] = [
      ['task success rate', /task success rate/i],
      ['groundedness or hallucination rate', /groundedness|hallucination rate/i],
      ['p95 latency', /p95 latency/i],
      ['cost per 1,000 requests', /cost per 1,?000 requests/i],
      ['escalation rate to a human', /escalation rate to a human/i],
      ['uptime', /uptime|availability/i],
      ['user satisfaction', /user satisfaction|csat/i],
    ];
    expect(wanted.filter(([, pattern]) => !named(pattern)).map(([what]) => what)).toEqual([]);
  });
});
