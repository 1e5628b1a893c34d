import type { Program } from '../domain/program';
import { EMPTY_FILTER, facetValues, filterItems, type ItemFilter } from '../domain/uncertainty/filters';
import type { ItemKind, Layer, UncertaintyItem } from '../domain/uncertainty/model';
import { quadrantOf, type Quadrant } from '../domain/uncertainty/quadrants';
import { isStale } from '../domain/uncertainty/staleness';
import { UncertaintyRepository } from '../storage/uncertainty-repo';
import { Live } from './live.svelte';
import type { Services } from './services';

export type UncertaintyView = 'map' | 'list' | 'stack';

/** UI state of one program's uncertainty area: live data, filters, selection, capture defaults. */
export class UncertaintyState {
  readonly repo: UncertaintyRepository;
  private readonly layersLive: Live<Layer[]>;
  private readonly itemsLive: Live<UncertaintyItem[]>;

  view = $state<UncertaintyView>('map');
  filter = $state<ItemFilter>({ ...EMPTY_FILTER });
  selectedId = $state<string | undefined>(undefined);
  /** Refreshed each minute so staleness follows the clock. */
  now = $state(Date.now());

  captureLayerId = $state<string | undefined>(undefined);
  captureKind = $state<ItemKind>('assumption');

  constructor(
    services: Services,
    private readonly program: () => Program,
  ) {
    this.repo = new UncertaintyRepository(services.editor);
    this.layersLive = new Live(() => this.repo.watchLayers(this.program().id));
    this.itemsLive = new Live(() => this.repo.watchItems(this.program().id));
    const saved = localStorage.getItem(this.captureKey);
    if (saved) {
      const { layerId, kind } = JSON.parse(saved) as { layerId?: string; kind?: ItemKind };
      this.captureLayerId = layerId;
      if (kind) this.captureKind = kind;
    }
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), 60_000);
      return () => clearInterval(timer);
    });
  }

  private get captureKey() {
    return `keel.capture.${this.program().id}`;
  }

  get loaded(): boolean {
    return this.layersLive.loaded && this.itemsLive.loaded;
  }
  get error(): unknown {
    return this.layersLive.error ?? this.itemsLive.error;
  }

  get layers(): Layer[] {
    return this.layersLive.value ?? [];
  }
  get items(): UncertaintyItem[] {
    return this.itemsLive.value ?? [];
  }
  get staleAfterDays(): number {
    return this.program().staleAfterDays;
  }
  // Rebuilt whenever the layers change, never mutated.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  layerById = $derived(new Map(this.layers.map((l) => [l.id, l])));
  visible = $derived(filterItems(this.items, this.filter, this.now, this.staleAfterDays));
  facets = $derived(facetValues(this.items));
  selected = $derived(this.items.find((i) => i.id === this.selectedId));
  staleCount = $derived(this.items.filter((i) => isStale(i, this.now, this.staleAfterDays)).length);

  quadrantCounts = $derived.by(() => {
    const counts: Record<Quadrant, number> = { 'test-first': 0, plan: 0, watch: 0, park: 0 };
    for (const item of this.visible) counts[quadrantOf(item.impact, item.uncertainty)]++;
    return counts;
  });

  /** The layer and kind fast capture uses: the last ones chosen, or the first layer. */
  get captureLayer(): string | undefined {
    const id = this.captureLayerId;
    return id && this.layerById.has(id) ? id : this.layers[0]?.id;
  }

  rememberCapture(layerId: string, kind: ItemKind) {
    this.captureLayerId = layerId;
    this.captureKind = kind;
    localStorage.setItem(this.captureKey, JSON.stringify({ layerId, kind }));
  }

  select(id: string | undefined) {
    this.selectedId = id;
  }

  clearFilter() {
    this.filter = { ...EMPTY_FILTER };
  }
}
