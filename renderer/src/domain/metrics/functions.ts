import { DEFAULT_FUNCTIONS, type ProgramFunction } from './model';

/** Engineering, product and leadership, all required: the functions a new program starts with. */
export function defaultFunctions(programId: string, makeId: () => string): ProgramFunction[] {
  return DEFAULT_FUNCTIONS.map((name, order) => ({ id: makeId(), programId, name, required: true, order }));
}

export function sortFunctions(functions: readonly ProgramFunction[]): ProgramFunction[] {
  return [...functions].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/**
 * Who owns a metric, in words: the person and the owning function ("Priya, Product"), either
 * alone, or '' when neither is set. What the report, Markdown and lists print.
 */
export function metricOwner(metric: { ownerPerson: string; ownerFunctionId: string }, functions: readonly { id: string; name: string }[]): string {
  const fn = functions.find((f) => f.id === metric.ownerFunctionId)?.name;
  return [metric.ownerPerson, fn].filter(Boolean).join(', ');
}
