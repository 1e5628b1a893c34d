// The benchmark page: finds every benches/*.page.ts module and lets run.mjs run them one by one.
import type { Benchmark, BenchResult } from './lib/types';

export type PageBenchInfo =
  | { file: string; name: string; unit: string; target: number; baselineLabel: string }
  | { file: string; error: string };

export interface PageBenchApi {
  list(): Promise<PageBenchInfo[]>;
  run(file: string): Promise<BenchResult>;
}

declare global {
  interface Window {
    __keelBench?: PageBenchApi;
  }
}

const modules = import.meta.glob<{ default: Benchmark }>('./benches/*.page.ts');

async function load(file: string): Promise<Benchmark> {
  const loader = modules[file];
  if (!loader) throw new Error(`No page benchmark ${file}`);
  const bench = (await loader()).default;
  if (!bench || typeof bench.name !== 'string' || typeof bench.run !== 'function') {
    throw new Error(`${file} must export default a Benchmark { name, unit, target, baselineLabel, run }`);
  }
  return bench;
}

window.__keelBench = {
  async list() {
    const infos: PageBenchInfo[] = [];
    for (const file of Object.keys(modules).sort()) {
      try {
        const { name, unit, target, baselineLabel } = await load(file);
        infos.push({ file, name, unit, target, baselineLabel });
      } catch (error) {
        infos.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
    return infos;
  },
  async run(file) {
    const { value, baseline, samples, note } = await (await load(file)).run();
    return { value, baseline, samples, note };
  },
};
