// First render of the roadmap timeline (TimelineChart.svelte) with 500 items and their ghosts,
// fed as the app feeds it, against the same SVG built with DOM calls; both timed to forced layout.
import { flushSync } from 'svelte';
import '../../../renderer/src/styles/app.css';
import { compare, median } from '../lib/measure';
import { layoutTimeline } from '../../../renderer/src/charts/roadmap-timeline';
import { BENCH_NOW } from '../lib/data';
import { FIRST_DOMAIN, makeRoadmapItems, mountTimeline, RawTimeline, shapeCounts, TIMELINE_WIDTH_PX, timelineContainer } from '../lib/roadmap-timeline.svelte';
import type { Benchmark } from '../lib/types';

const COUNT = 500;

const bench: Benchmark = {
  name: 'roadmap.timeline500',
  unit: 'ms',
  target: 1.3,
  baselineLabel: `the same SVG (lanes, month ticks, ghosts, today line, ${COUNT} band links with labels) built with createElementNS from the same layoutTimeline, forced layout`,
  async run() {
    const items = makeRoadmapItems(COUNT);
    const target = timelineContainer();
    let counts = { app: '', raw: '' };
    try {
      const result = await compare(
        async () => {
          const start = performance.now();
          const chart = mountTimeline(target, items);
          flushSync();
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          counts.app = shapeCounts(target);
          chart.destroy();
          flushSync();
          return ms;
        },
        async () => {
          const start = performance.now();
          const raw = new RawTimeline(target, items, FIRST_DOMAIN);
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          counts.raw = shapeCounts(target);
          raw.remove();
          return ms;
        },
        { warmup: 3, reps: 15 },
      );
      if (counts.app !== counts.raw) throw new Error(`The two drawings differ: app ${counts.app}, raw ${counts.raw}`);
      // The geometry alone, which both sides compute inside their timing.
      const geometry: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        layoutTimeline(items, FIRST_DOMAIN, TIMELINE_WIDTH_PX, BENCH_NOW, true);
        geometry.push(performance.now() - start);
      }
      return {
        ...result,
        note: `${counts.app}; layoutTimeline alone ${median(geometry).toFixed(1)} ms (median of 15); fastest app ${Math.min(...result.samples!.value).toFixed(1)} ms, fastest raw ${Math.min(...result.samples!.baseline).toFixed(1)} ms`,
      };
    } finally {
      counts = { app: '', raw: '' };
      target.remove();
    }
  },
};

export default bench;
