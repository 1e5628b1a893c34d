// A filter change on the uncertainty map with 5,000 items: filterItems through the $derived the
// app uses, and the map re-rendering with the filtered list, timed until layout.
import { flushSync } from 'svelte';
import '../../../renderer/src/styles/app.css';
import { EMPTY_FILTER, filterItems, type ItemFilter } from '../../../renderer/src/domain/uncertainty/filters';
import type { UncertaintyItem } from '../../../renderer/src/domain/uncertainty/model';
import { BENCH_NOW, makeLayers, makeUncertaintyItems } from '../lib/data';
import { median, repeat } from '../lib/measure';
import { drawnMarks, expectedDrawn, mapContainer, mountMap, STALE_AFTER_DAYS } from '../lib/uncertainty-map.svelte';
import type { Benchmark } from '../lib/types';

const COUNT = 5000;
const BUDGET_MS = 50;
/** filterItems is quick: time this many calls in a row and divide, to get past timer coarsening. */
const PURE_CALLS = 20;


function timeFilterItems(items: readonly UncertaintyItem[], filter: ItemFilter): number {
  const start = performance.now();
  for (let i = 0; i < PURE_CALLS; i++) filterItems(items, filter, BENCH_NOW, STALE_AFTER_DAYS);
  return (performance.now() - start) / PURE_CALLS;
}

const bench: Benchmark = {
  name: 'uncertainty.filter5k',
  unit: 'ms',
  target: 1.0,
  baselineLabel:
    `the target (${BUDGET_MS} ms) for one filter change on ${COUNT.toLocaleString('en')} items (two kinds + one layer + ` +
    `the text "data"): filterItems via the app's $derived + the map re-rendering the filtered list + flushSync + forced layout`,
  async run() {
    const layers = makeLayers();
    const layerById = new Map(layers.map((l) => [l.id, l]));
    const items = makeUncertaintyItems(COUNT, layers);
    const filter: ItemFilter = { ...EMPTY_FILTER, kinds: ['risk', 'dependency'], layerIds: [layers[1]!.id], text: 'data' };
    const kept = filterItems(items, filter, BENCH_NOW, STALE_AFTER_DAYS);
    if (kept.length === 0 || kept.length === COUNT) throw new Error(`The filter keeps ${kept.length} of ${COUNT} items; pick one that narrows`);

    const target = mapContainer();
    const expected = expectedDrawn(kept, target.clientWidth);
    const all = expectedDrawn(items, target.clientWidth);
    const map = mountMap(target, items, layerById);
    const state = map.state!;
    try {
      const results = await repeat(
        async () => {
          const start = performance.now();
          state.filter = { ...filter };
          flushSync();
          void document.body.offsetHeight;
          const apply = performance.now() - start;
          if (drawnMarks(target) !== expected) throw new Error(`Filtered map shows ${drawnMarks(target)} marks, expected ${expected}`);

          // The pure function alone, on the $state items (as the app calls it) and on plain ones.
          const pureState = timeFilterItems(state.items, filter);
          const purePlain = timeFilterItems(items, filter);

          await new Promise((resolve) => requestAnimationFrame(resolve));
          const clearStart = performance.now();
          state.filter = { ...EMPTY_FILTER };
          flushSync();
          void document.body.offsetHeight;
          const clear = performance.now() - clearStart;
          if (drawnMarks(target) !== all) throw new Error(`Cleared map shows ${drawnMarks(target)} marks, expected ${all}`);
          return { apply, clear, pureState, purePlain };
        },
        { warmup: 2, reps: 9 },
      );
      const apply = results.map((r) => r.apply);
      return {
        value: median(apply),
        baseline: BUDGET_MS,
        samples: { value: apply, baseline: apply.map(() => BUDGET_MS) },
        note:
          `The filter keeps ${kept.length} of ${COUNT} items. filterItems alone: ` +
          `${median(results.map((r) => r.pureState)).toFixed(2)} ms on the $state items (as in the app), ` +
          `${median(results.map((r) => r.purePlain)).toFixed(2)} ms on plain objects. ` +
          `Clearing the filter again (back to ${COUNT} marks): ${median(results.map((r) => r.clear)).toFixed(1)} ms (median).`,
      };
    } finally {
      map.destroy();
      target.remove();
    }
  },
};

export default bench;
