import { DEFAULT_FUNCTIONS, type ProgramFunction } from './model';

/** Engineering, product and leadership, all required: the functions a new program starts with. */
export function defaultFunctions(programId: string, makeId: () => string): ProgramFunction[] {
  return DEFAULT_FUNCTIONS.map((name, order) => ({ id: makeId(), programId, name, required: true, order }));
}

export function sortFunctions(functions: readonly ProgramFunction[]): ProgramFunction[] {
  return [...functions].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
