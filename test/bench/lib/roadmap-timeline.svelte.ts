// The roadmap timeline for the benchmarks: 500 seeded items, the chart mounted as the app feeds
// it (items in `$state.raw` as `Live.value` holds them, the domain in `$state`, the geometry a
// `$derived` layoutTimeline), and the raw baseline that builds and zooms the same SVG with DOM calls.
import { mount, unmount } from 'svelte';
import { layoutTimeline, type Domain, type TimelineLayout } from '../../../renderer/src/charts/roadmap-timeline';
import { isoDay } from '../../../renderer/src/domain/dates';
import { confidenceLabel, rangeWords } from '../../../renderer/src/domain/roadmap/labels';
import { CONFIDENCE_LEVELS, HORIZONS, ROADMAP_STATUSES, type Forecast, type RoadmapItem } from '../../../renderer/src/domain/roadmap/model';
import TimelineChart from '../../../renderer/src/views/roadmap/TimelineChart.svelte';
import { BENCH_NOW, BENCH_PROGRAM_ID, rng } from './data';

const DAY = 86_400_000;
export const TIMELINE_WIDTH_PX = 1100;
/** The span first shown: the year around now, as fitDomain gives for these items. */
export const FIRST_DOMAIN: Domain = [BENCH_NOW - 60 * DAY, BENCH_NOW + 400 * DAY];

const day = (time: number) => isoDay(time + new Date(time).getTimezoneOffset() * 60_000);

/** `count` items over the three horizons: nine in ten dated (a week to four months, up to a year out), each with 0-3 earlier forecasts. */
export function makeRoadmapItems(count: number, seed = 12): RoadmapItem[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const orders = { now: 0, next: 0, later: 0 };
  return Array.from({ length: count }, (_, i) => {
    const horizon = HORIZONS[Math.min(2, Math.floor(random() * 3))]!;
    const dated = random() < 0.9;
    const start = BENCH_NOW + Math.floor(random() * 360 - 30) * DAY;
    const end = start + Math.floor(7 + random() * 110) * DAY;
    const history: Forecast[] = Array.from({ length: Math.floor(random() * 4) }, (_, h) => ({
      at: BENCH_NOW - (40 - h * 10) * DAY,
      horizon,
      earliest: day(start - (h + 1) * 9 * DAY),
      latest: day(Math.max(start - (h + 1) * 9 * DAY, end - (h + 1) * 14 * DAY)),
      confidence: pick(CONFIDENCE_LEVELS),
    }));
    return {
      id: `road-${i}`,
      programId: BENCH_PROGRAM_ID,
      title: `Roadmap item ${i}: ${pick(['hybrid retrieval', 'evaluation harness', 'agent handoff', 'cost dashboard', 'multilingual answers'])}`,
      description: '',
      owner: pick(['Ana', 'Bo', 'Chen', '']),
      horizon,
      order: orders[horizon]++,
      earliest: dated ? day(start) : '',
      latest: dated ? day(end) : '',
      confidence: random() < 0.2 ? Math.floor(random() * 101) : pick(CONFIDENCE_LEVELS),
      forecastAt: BENCH_NOW - DAY,
      status: pick(ROADMAP_STATUSES),
      uncertaintyIds: [],
      metricIds: [],
      decisionIds: [],
      history,
      createdAt: BENCH_NOW - 100 * DAY + i,
      updatedAt: BENCH_NOW,
    };
  });
}

/** What a band says to a screen reader, as RoadmapTimeline says it. */
export function bandLabel(item: RoadmapItem): string {
  return `${item.title}, ${item.horizon}: ${rangeWords(item.earliest, item.latest)}, ${confidenceLabel(item.confidence)}`;
}

const hrefOf = (id: string) => `#/programs/${BENCH_PROGRAM_ID}/roadmap/${id}`;

class TimelineFeed {
  items = $state.raw<RoadmapItem[]>([]);
  domain = $state.raw<Domain>(FIRST_DOMAIN);
  layout = $derived(layoutTimeline(this.items, this.domain, TIMELINE_WIDTH_PX, BENCH_NOW, true));
  labels = $derived(new Map(this.items.map((i) => [i.id, bandLabel(i)])));
}

export interface MountedTimeline {
  feed: TimelineFeed;
  destroy(): void;
}

/** Mounts the app's chart in `target` (timed by the caller up to the forced layout). */
export function mountTimeline(target: HTMLElement, items: RoadmapItem[]): MountedTimeline {
  const feed = new TimelineFeed();
  feed.items = items;
  const component = mount(TimelineChart, {
    target,
    props: {
      get layout() {
        return feed.layout;
      },
      get labels() {
        return feed.labels;
      },
      hrefOf,
    },
  });
  return { feed, destroy: () => void unmount(component) };
}

const SVG = 'http://www.w3.org/2000/svg';

function el(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The raw baseline: the same SVG (lanes, ticks, ghosts, today line, band links with labels) built with DOM calls, and zoomed by setting attributes. */
export class RawTimeline {
  readonly svg: SVGSVGElement;
  private readonly ticks: SVGGElement;
  private readonly ghosts: SVGGElement;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the raw baseline's own bookkeeping, not rendered state
  private readonly bands = new Map<string, { ring: SVGElement; band: SVGElement; label: SVGElement }>();
  private layout!: TimelineLayout;

  constructor(
    target: HTMLElement,
    private readonly items: RoadmapItem[],
    domain: Domain,
  ) {
    this.layout = layoutTimeline(items, domain, TIMELINE_WIDTH_PX, BENCH_NOW, true);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once while building
    const byId = new Map(items.map((i) => [i.id, i]));
    const { layout } = this;
    this.svg = el('svg', { width: layout.width, height: layout.height, role: 'presentation' }) as SVGSVGElement;
    layout.lanes.forEach((lane, i) => {
      this.svg.append(el('rect', { class: i % 2 ? 'lane alt' : 'lane', x: 0, y: lane.y, width: layout.width, height: lane.height }), el('text', { class: 'lane-label', x: 10, y: lane.y + 20 }, lane.label));
    });
    this.ticks = el('g', {}) as SVGGElement;
    this.ghosts = el('g', {}) as SVGGElement;
    this.svg.append(this.ticks, this.ghosts);
    this.drawTicks();
    this.drawGhosts();
    if (layout.todayX !== null) this.svg.append(el('line', { class: 'today', x1: layout.todayX, x2: layout.todayX, y1: layout.plot.top - 16, y2: layout.plot.bottom }), el('text', { class: 'today-label', x: layout.todayX + 3, y: layout.plot.top - 6 }, 'Today'));
    for (const band of layout.bands) {
      const link = el('a', { href: hrefOf(band.id), class: 'band-link', 'aria-label': bandLabel(byId.get(band.id)!), 'data-band': band.id });
      const ring = el('rect', { class: 'focus-ring', x: band.x - 3, y: band.y - 3, width: band.width + 6, height: band.height + 6, rx: 5 });
      const rect = el('rect', { class: `band look-${band.look}`, x: band.x, y: band.y, width: band.width, height: band.height, rx: 3 });
      const label = el('text', { class: 'band-label', x: band.labelX, y: band.y + band.height / 2 + 4, 'text-anchor': band.labelAnchor }, band.label);
      link.append(ring, rect, label);
      this.svg.append(link);
      this.bands.set(band.id, { ring, band: rect, label });
    }
    target.append(this.svg);
  }

  private drawTicks() {
    const { layout } = this;
    this.ticks.replaceChildren(
      ...layout.ticks.flatMap((t) => [
        el('line', { class: t.major ? 'tick major' : 'tick', x1: t.x, x2: t.x, y1: layout.plot.top - 34, y2: layout.plot.bottom }),
        el('text', { class: t.major ? 'tick-label major' : 'tick-label', x: t.x + 3, y: layout.plot.top - 22 }, t.label),
      ]),
    );
  }

  private drawGhosts() {
    const { ghostPath, ghosts } = this.layout;
    this.ghosts.replaceChildren(...(ghostPath ? [el('path', { class: 'ghost', d: ghostPath, 'data-ghosts': ghosts.length })] : []));
  }

  /** A zoom step done by hand: new geometry, bands moved in place, ticks and ghosts drawn again. */
  zoomTo(domain: Domain) {
    this.layout = layoutTimeline(this.items, domain, TIMELINE_WIDTH_PX, BENCH_NOW, true);
    for (const band of this.layout.bands) {
      const drawn = this.bands.get(band.id)!;
      drawn.ring.setAttribute('x', String(band.x - 3));
      drawn.ring.setAttribute('width', String(band.width + 6));
      drawn.band.setAttribute('x', String(band.x));
      drawn.band.setAttribute('width', String(band.width));
      drawn.label.setAttribute('x', String(band.labelX));
      drawn.label.setAttribute('text-anchor', band.labelAnchor);
      drawn.label.textContent = band.label;
    }
    this.drawTicks();
    this.drawGhosts();
  }

  remove() {
    this.svg.remove();
  }
}

/** A fixed-width container at the top of the page. */
export function timelineContainer(): HTMLElement {
  const target = document.createElement('div');
  target.style.width = `${TIMELINE_WIDTH_PX}px`;
  document.body.prepend(target);
  return target;
}

/** The elements the two drawings must have alike: bands, ghosts, ticks, texts. */
export function shapeCounts(root: Element): string {
  return [
    ...['a', 'rect.band', 'line.tick', 'text'].map((s) => `${s}:${root.querySelectorAll(s).length}`),
    `ghosts:${root.querySelector('path.ghost')?.getAttribute('data-ghosts') ?? 0}`,
  ].join(' ');
}
