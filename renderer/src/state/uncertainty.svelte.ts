import type { Program } from '../domain/program';
import { EMPTY_FILTER, facetValues, filterItems, type ItemFilter } from '../domain/uncertainty/filters';
import { ITEM_KINDS, type ItemKind, type Layer, type UncertaintyItem } from '../domain/uncertainty/model';
import { isUnplaced, quadrantOf, type Quadrant } from '../domain/uncertainty/quadrants';
import { isStale } from '../domain/uncertainty/staleness';
import { MetricsRepository } from '../storage/metrics-repo';
import { UncertaintyRepository } from '../storage/uncertainty-repo';
import { Live } from './live.svelte';
import type { Services } from './services';

export type UncertaintyView = 'map' | 'list' | 'stack';

/** UI state of one program's uncertainty area: live data, filters, selection, capture defaults. */
export class UncertaintyState {
  readonly repo: UncertaintyRepository;
  private readonly layersLive: Live<Layer[]>;
  private readonly itemsLive: Live<UncertaintyItem[]>;
  private readonly metricsLive: Live<{ id: string; name: string }[]>;

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
    const metrics = new MetricsRepository(services.editor);
    this.metricsLive = new Live(() => metrics.watchMetricNames(this.program().id));
    try {
      const saved = JSON.parse(localStorage.getItem(this.captureKey) ?? '{}') as { layerId?: unknown; kind?: unknown };
      if (typeof saved.layerId === 'string') this.captureLayerId = saved.layerId;
      if (typeof saved.kind === 'string' && (ITEM_KINDS as readonly string[]).includes(saved.kind)) this.captureKind = saved.kind as ItemKind;
    } catch {
      // A damaged preference only loses the remembered layer and kind.
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
  /** The program's shared metrics, for linking items to them. */
  get metrics(): { id: string; name: string }[] {
    return this.metricsLive.value ?? [];
  }
  get staleAfterDays(): number {
    return this.program().staleAfterDays;
  }
  // Rebuilt whenever the layers change, never mutated.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  layerById = $derived(new Map(this.layers.map((l) => [l.id, l])));
  /**
   * The filter as it applies now: values that no longer exist (a removed layer, an owner or tag
   * nobody has any more) are dropped, so a filter can never get stuck on something invisible.
   */
  effectiveFilter = $derived.by((): ItemFilter => {
    /* eslint-disable svelte/prefer-svelte-reactivity -- lookups local to this computation */
    const layerIds = new Set(this.layers.map((l) => l.id));
    const owners = new Set(this.facets.owners);
    const tags = new Set(this.facets.tags.map((t) => t.toLocaleLowerCase()));
    /* eslint-enable svelte/prefer-svelte-reactivity */
    return {
      ...this.filter,
      layerIds: this.filter.layerIds.filter((id) => layerIds.has(id)),
      owners: this.filter.owners.filter((o) => owners.has(o)),
      tags: this.filter.tags.filter((t) => tags.has(t.toLocaleLowerCase())),
    };
  });
  /**
   * In creation order, so the map's and list's keyboard order is stable and meaningful. Sorted
   * once per change of the items, not on every filter change (filtering keeps the order).
   */
  private byCreation = $derived([...this.items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)));
  visible = $derived(filterItems(this.byCreation, this.effectiveFilter, this.now, this.staleAfterDays));
  facets = $derived(facetValues(this.items));
  selected = $derived(this.items.find((i) => i.id === this.selectedId));
  staleCount = $derived(this.items.filter((i) => isStale(i, this.now, this.staleAfterDays)).length);

  quadrantCounts = $derived.by(() => {
    const counts: Record<Quadrant, number> = { 'test-first': 0, plan: 0, watch: 0, park: 0 };
    for (const item of this.visible) if (!isUnplaced(item)) counts[quadrantOf(item.impact, item.uncertainty)]++;
    return counts;
  });
  unplacedCount = $derived(this.visible.filter(isUnplaced).length);

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
