// The contract every benchmark module follows, in the page (*.page.ts) or in Node (*.node.mjs).

export interface BenchResult {
  /** The measured figure (median of the repetitions), in the benchmark's unit. */
  value: number;
  /** The same figure for the raw baseline, measured in the same run and process. */
  baseline: number;
  /** Every repetition, for the spread shown under the table (optional). */
  samples?: { value: number[]; baseline: number[] };
  /** Extra findings from this run (counts, secondary timings), printed under the table. */
  note?: string;
}

export interface Benchmark {
  /** Dotted name, e.g. `storage.save10k`; the key in BENCH_JSON. */
  name: string;
  /** Unit of value and baseline, e.g. `ms`, `KiB`. */
  unit: string;
  /** Highest acceptable ratio value / baseline. */
  target: number;
  /** What the baseline is, printed under the table. */
  baselineLabel: string;
  run(): Promise<BenchResult>;
}
