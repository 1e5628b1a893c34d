// English for counts, written once: "1 item", "2 items".

/** `n` with its noun: "1 item", "3 items", "2 matrices" (give `many` when it is not `one` + s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The noun alone, for `n` of it: "item" or "items". */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
