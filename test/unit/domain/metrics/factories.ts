import { emptyMetricDraft, type Metric, type ProgramFunction, type Reading } from '../../../../renderer/src/domain/metrics/model';

let counter = 0;

export function metric(overrides: Partial<Metric> = {}): Metric {
  counter++;
  return {
    ...emptyMetricDraft(`Metric ${counter}`),
    id: `m${counter}`,
    programId: 'p1',
    version: 1,
    signoffs: [],
    versions: [],
    readings: [],
    createdAt: 1000,
    updatedAt: 1000,
    ...overrides,
  };
}

/** Readings on consecutive days from 2026-03-01 (or every `everyDays` days). */
export function readings(values: readonly number[], everyDays = 1): Reading[] {
  return values.map((value, i) => {
    const date = new Date(Date.UTC(2026, 2, 1 + i * everyDays)).toISOString().slice(0, 10);
    return { id: `r${i}`, date, value, note: '' };
  });
}

export function fn(id: string, name: string, required = true, order = 0): ProgramFunction {
  return { id, programId: 'p1', name, required, order };
}
