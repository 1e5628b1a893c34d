// Mounting the uncertainty map the way the app feeds it (UncertaintyArea + UncertaintyState):
// the items in `$state.raw`, as `Live.value` holds a query result, a `$state` filter, and the map's
// `items` prop derived from both with filterItems. Runes only work in .svelte(.ts) files, hence here.
import { flushSync, mount, unmount } from 'svelte';
import { zoomIdentity } from 'd3-zoom';
import { clusterOffsets, layoutMarks, mapScales, markOnCanvas } from '../../../renderer/src/charts/uncertainty-map';
import UncertaintyMap from '../../../renderer/src/views/uncertainty/UncertaintyMap.svelte';
import { EMPTY_FILTER, filterItems, type ItemFilter } from '../../../renderer/src/domain/uncertainty/filters';
import type { Layer, UncertaintyItem } from '../../../renderer/src/domain/uncertainty/model';
import { BENCH_NOW } from './data';

export const STALE_AFTER_DAYS = 30;
/** The map binds its width to the container's, so the container has a fixed one. */
export const MAP_WIDTH_PX = 1000;

export class MapState {
  /** Raw state, like `Live.value` in the app: each query result is a fresh, unproxied array. */
  items = $state.raw<UncertaintyItem[]>([]);
  filter = $state<ItemFilter>({ ...EMPTY_FILTER });
  /** The list the map shows, as `UncertaintyState.visible`. */
  visible = $derived(filterItems(this.items, this.filter, BENCH_NOW, STALE_AFTER_DAYS));

  constructor(items: UncertaintyItem[]) {
    this.items = items;
  }
}

export interface MountedMap {
  /** The fixed-width container the map was mounted in (already in the document). */
  target: HTMLElement;
  state: MapState | undefined;
  destroy(): void;
}

/** A fixed-width container at the top of the page, so the map is laid out and on screen. */
export function mapContainer(): HTMLElement {
  const target = document.createElement('div');
  target.style.width = `${MAP_WIDTH_PX}px`;
  document.body.prepend(target);
  return target;
}

const noop = () => {};

/**
 * Mounts the map and flushes it (no forced layout: callers time that themselves). With
 * `plain`, `items` goes in as a plain array instead of through `MapState`, for comparison.
 */
export function mountMap(
  target: HTMLElement,
  items: UncertaintyItem[],
  layerById: Map<string, Layer>,
  { plain = false, onmove = noop }: { plain?: boolean; onmove?: (id: string, impact: number, uncertainty: number) => void } = {},
): MountedMap {
  const state = plain ? undefined : new MapState(items);
  const common = {
    layerById,
    // The benchmark draws without titles: no numbers to give.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    numbers: new Map<string, number>() as ReadonlyMap<string, number>,
    now: Date.now(),
    staleAfterDays: 0,
    selectedId: undefined,
    onselect: noop,
    onmove: async (id: string, impact: number, uncertainty: number) => {
      onmove(id, impact, uncertainty);
      return true;
    },
  };
  const component = state
    ? mount(UncertaintyMap, {
        target,
        props: {
          ...common,
          get items() {
            return state.visible;
          },
        },
      })
    : mount(UncertaintyMap, { target, props: { ...common, items } });
  flushSync();
  return {
    target,
    state,
    destroy() {
      void unmount(component);
      target.textContent = '';
    },
  };
}

/** The map's own height (UncertaintyMap's default). */
export const MAP_HEIGHT_PX = 560;

/**
 * How many of these items the canvas should draw at this width: those whose mark shows on the
 * drawing surface (a big cluster's ring at a corner reaches past it), as the map itself decides.
 */
export function expectedDrawn(items: readonly UncertaintyItem[], width: number): number {
  const scales = mapScales(width, MAP_HEIGHT_PX);
  const layout = layoutMarks(items, scales, zoomIdentity, clusterOffsets(items));
  let count = 0;
  for (let i = 0; i < items.length; i++) if (markOnCanvas(layout, i, scales)) count++;
  return count;
}

/** How many marks the mounted map drew on its canvas. */
export function drawnMarks(target: HTMLElement): number {
  return Number(target.querySelector('canvas.marks-layer')?.getAttribute('data-drawn'));
}
