// First render of the uncertainty map (UncertaintyMap.svelte) with 5,000 items, fed as the app
// feeds it (items in $state, filtered through a $derived), timed until layout. Reported per
// 1,000 items against one frame's budget.
import { flushSync } from 'svelte';
import '../../../renderer/src/styles/app.css';
import { makeLayers, makeUncertaintyItems } from '../lib/data';
import { median, repeat } from '../lib/measure';
import { drawnMarks, expectedDrawn, mapContainer, mountMap } from '../lib/uncertainty-map.svelte';
import type { Benchmark } from '../lib/types';

const COUNT = 5000;
const FRAME_MS = 16.7;
const PER = COUNT / 1000;

const bench: Benchmark = {
  name: 'map.render5k',
  unit: 'ms/1k items',
  target: 1.0,
  baselineLabel:
    `one frame's budget (${FRAME_MS} ms) per 1,000 items: mount of the map with ${COUNT.toLocaleString('en')} items ` +
    `(items in $state and filtered through a $derived, as in the app) + flushSync + forced layout, divided by ${PER}`,
  async run() {
    const layers = makeLayers();
    const layerById = new Map(layers.map((l) => [l.id, l]));
    const items = makeUncertaintyItems(COUNT, layers);
    const target = mapContainer();
    const expected = expectedDrawn(items, target.clientWidth);
    try {
      // Each repetition: the app's way (timed, the figure) and with a plain array (for the note).
      const results = await repeat(
        async (rep) => {
          const times = { state: 0, plain: 0, layout: 0 };
          for (const plain of rep % 2 === 0 ? [false, true] : [true, false]) {
            const start = performance.now();
            const map = mountMap(target, items, layerById, { plain });
            const mounted = performance.now();
            void document.body.offsetHeight;
            const end = performance.now();
            times[plain ? 'plain' : 'state'] = end - start;
            if (!plain) times.layout = end - mounted;
            const marks = drawnMarks(target);
            if (marks !== expected) throw new Error(`Expected ${expected} marks drawn on the canvas, found ${marks}`);
            map.destroy();
            flushSync();
            void document.body.offsetHeight;
          }
          return times;
        },
        { warmup: 2, reps: 9 },
      );
      const state = results.map((r) => r.state / PER);
      const plain = results.map((r) => r.plain / PER);
      const total = median(results.map((r) => r.state));
      return {
        value: median(state),
        baseline: FRAME_MS,
        samples: { value: state, baseline: state.map(() => FRAME_MS) },
        note:
          `${expected} of ${COUNT} marks drawn on the canvas; whole first render ${total.toFixed(0)} ms (median), of which the final ` +
          `forced layout ${median(results.map((r) => r.layout)).toFixed(0)} ms (the width binding already forces one ` +
          `inside flushSync). ` +
          `With a plain items array instead of $state: ${median(plain).toFixed(2)} ms/1k items ` +
          `(the app's way takes ${median(plain.map((p, i) => state[i]! / p)).toFixed(2)}x as long).`,
      };
    } finally {
      target.remove();
    }
  },
};

export default bench;
