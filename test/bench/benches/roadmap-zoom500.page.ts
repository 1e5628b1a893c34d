// One zoom step of the roadmap timeline with 500 items and their ghosts: the domain ($state)
// changes, the geometry ($derived) is laid out again and the chart re-renders, to forced layout;
// against the same step done by hand on a raw SVG (new geometry, attributes set in place).
import { flushSync } from 'svelte';
import '../../../renderer/src/styles/app.css';
import { zoomDomain, type Domain } from '../../../renderer/src/charts/roadmap-timeline';
import { compare } from '../lib/measure';
import { FIRST_DOMAIN, makeRoadmapItems, mountTimeline, RawTimeline, shapeCounts, timelineContainer } from '../lib/roadmap-timeline.svelte';
import type { Benchmark } from '../lib/types';

const COUNT = 500;
const STEPS = 12;

/** Six steps in, six out, around a point a third of the way along, as the buttons and Ctrl+wheel zoom. */
function steps(): Domain[] {
  const out: Domain[] = [];
  let domain = FIRST_DOMAIN;
  for (let i = 0; i < STEPS; i++) {
    domain = zoomDomain(domain, i < STEPS / 2 ? 1 / 1.5 : 1.5, domain[0] + (domain[1] - domain[0]) / 3);
    out.push(domain);
  }
  return out;
}

const bench: Benchmark = {
  name: 'roadmap.zoom500',
  unit: 'ms/step',
  target: 1.3,
  baselineLabel: `the same zoom step by hand on the raw SVG: layoutTimeline again, ${COUNT} bands moved with setAttribute, ticks and ghosts drawn again, forced layout`,
  async run() {
    const items = makeRoadmapItems(COUNT);
    const domains = steps();
    const target = timelineContainer();
    try {
      return await compare(
        async () => {
          const chart = mountTimeline(target, items);
          flushSync();
          void document.body.offsetHeight;
          const start = performance.now();
          for (const domain of domains) {
            chart.feed.domain = domain;
            flushSync();
            void document.body.offsetHeight;
          }
          const ms = (performance.now() - start) / STEPS;
          const app = shapeCounts(target);
          chart.destroy();
          flushSync();
          const raw = new RawTimeline(target, items, domains.at(-1)!);
          const expected = shapeCounts(target);
          raw.remove();
          if (app !== expected) throw new Error(`After zooming the drawings differ: app ${app}, raw ${expected}`);
          return ms;
        },
        async () => {
          const raw = new RawTimeline(target, items, FIRST_DOMAIN);
          void document.body.offsetHeight;
          const start = performance.now();
          for (const domain of domains) {
            raw.zoomTo(domain);
            void document.body.offsetHeight;
          }
          const ms = (performance.now() - start) / STEPS;
          raw.remove();
          return ms;
        },
        { warmup: 2, reps: 11 },
      );
    } finally {
      target.remove();
    }
  },
};

export default bench;
