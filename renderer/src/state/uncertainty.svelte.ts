import type { Program } from '../domain/program';
import { parseTags } from '../domain/uncertainty/capture';
import { checkItemPatch, checkLayerPatch, type EvidenceInput } from '../domain/uncertainty/edits';
import { EMPTY_FILTER, facetValues, filterItems, type ItemFilter } from '../domain/uncertainty/filters';
import { DEFAULT_ITEM_SORT, ITEM_COLUMNS, type ItemSort } from '../domain/uncertainty/list-sort';
import type { ItemPatch } from '../domain/uncertainty/history';
import { ITEM_KINDS, ITEM_STATUSES, ITEM_TEXT_MAX, type ItemKind, type ItemStatus, type Layer, type UncertaintyItem } from '../domain/uncertainty/model';
import { isUnplaced, quadrantOf, type Quadrant } from '../domain/uncertainty/quadrants';
import { isStale, staleMarkMeaning } from '../domain/uncertainty/staleness';
import { MetricsRepository } from '../storage/metrics-repo';
import { ProgramRepository } from '../storage/programs-repo';
import { UncertaintyRepository } from '../storage/uncertainty-repo';
import { mapLegend } from '../charts/uncertainty-map';
import { chartSubtitle, type ChartImage } from './image-files';
import { Live } from './live.svelte';
import { fields, finite, flag, formDraft, oneOf, preference, text, type Parse, type Preference } from './preferences.svelte';
import { readProblem, type Result } from './result';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft, type TextDraft } from './text-draft.svelte';
import { CoalescedWriter } from './coalesced-writer';
import { ITEM_POSITION, ITEM_TEXT_FIELDS, itemTextKind, layerTextKind, type ItemTextField, type LayerTextField, type Position } from './uncertainty-replay';
import { Writes } from './writes';
import { oldestFirst } from '../domain/order';
import { describeLinkLoss } from '../domain/link-loss';
import { confirm } from './confirm.svelte';
import { Clock } from './clock.svelte';

export type UncertaintyView = 'map' | 'list' | 'stack';

/** The evidence form as typed: the new scores and status are optional ("no change"). */
export type EvidenceDraft = { date: string; learned: string; source: string; impact: number; uncertainty: number; status: ItemStatus };

/**
 * The list's order as stored: both parts or neither (a column without its direction is not the
 * order the user chose). Outside the class: an arrow written in a field initializer holds the
 * instance, and the preference registry keeps its parser for the window's life.
 */
const parseItemSort: Parse<ItemSort> = (stored) => {
  const { by, descending } = fields<ItemSort>({ by: oneOf(ITEM_COLUMNS), descending: flag })(stored) ?? {};
  return by !== undefined && descending !== undefined ? { by, descending } : undefined;
};

/** One program's uncertainty area: live data, filters, selection, capture defaults, and every write. */
export class UncertaintyState {
  private readonly repo: UncertaintyRepository;
  private readonly programs: ProgramRepository;
  private readonly writes: Writes;
  private readonly layersLive: Live<Layer[]>;
  private readonly itemsLive: Live<UncertaintyItem[]>;
  private readonly metricsLive: Live<{ id: string; name: string }[]>;

  /** The list's order, remembered on this computer. */
  readonly listSort = preference<ItemSort>('keel.uncertainty.list-sort', parseItemSort, DEFAULT_ITEM_SORT);
  /** Moves on the map, each item's newest stored next (see CoalescedWriter). */
  private readonly moves = new CoalescedWriter<Position, boolean>(
    ITEM_POSITION,
    async (id, to, nudging) => (await this.writes.run(() => this.repo.moveItem(id, to.impact, to.uncertainty, nudging ? `nudge:${id}` : undefined))).ok,
  );
  view = $state<UncertaintyView>('map');
  filter = $state<ItemFilter>({ ...EMPTY_FILTER });
  selectedId = $state<string | undefined>(undefined);
  private readonly clock = new Clock();
  /** Now, ticking each minute: what staleness is measured against. */
  get now(): number {
    return this.clock.now;
  }

  /** The layer and kind fast capture used last in this program, remembered on this computer. */
  private readonly capture: Preference<Partial<{ layerId: string; kind: ItemKind }>>;

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new UncertaintyRepository(services.editor);
    this.programs = new ProgramRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.layersLive = new Live(() => this.repo.watchLayers(this.program().id));
    this.itemsLive = new Live(() => this.repo.watchItems(this.program().id));
    const metrics = new MetricsRepository(services.editor);
    this.metricsLive = new Live(() => metrics.watchMetricNames(this.program().id));
    this.capture = preference(`keel.capture.${this.program().id}`, fields({ layerId: text(100), kind: oneOf(ITEM_KINDS) }), {});
  }

  get loaded(): boolean {
    return this.layersLive.loaded && this.itemsLive.loaded;
  }
  /** Why the map could not be read; shown instead of an empty map. */
  get problem() {
    return readProblem(this.layersLive.error ?? this.itemsLive.error);
  }
  /** Why the metrics to link items to could not be read; the map itself still shows. */
  get metricsProblem() {
    return readProblem(this.metricsLive.error);
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
  private byCreation = $derived(oldestFirst(this.items));
  visible = $derived(filterItems(this.byCreation, this.effectiveFilter, this.now, this.staleAfterDays));
  /** Each shown item's number on the map, in the order items were added: the map, its key and the list show it. */
  // Rebuilt whole when the shown items change, never mutated.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  markNumbers = $derived(new Map(this.visible.map((item, i) => [item.id, i + 1])));
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
    const id = this.capture.value.layerId;
    return id && this.layerById.has(id) ? id : this.layers[0]?.id;
  }
  get captureKind(): ItemKind {
    return this.capture.value.kind ?? 'assumption';
  }

  select(id: string | undefined) {
    this.selectedId = id;
  }

  clearFilter() {
    this.filter = { ...EMPTY_FILTER };
  }

  // --- Writes ---

  /** Adds one item per title (fast capture, or a pasted list); the layer and kind are remembered for the next. */
  addItems(titles: readonly string[], layerId: string, kind: ItemKind): Promise<Result<UncertaintyItem[]>> {
    this.capture.set({ layerId, kind });
    const programId = this.program().id;
    return this.writes.run(() => this.repo.addItems(programId, titles.map((title) => ({ title, layerId, kind }))), {
      success: (added) => (added.length > 1 ? `Added ${added.length} items.` : undefined),
    });
  }

  /** Places an item (journaled at once, stored newest first); `nudging` (arrow keys) merges a run of moves into one undo step. Resolves true once stored. */
  moveItem(id: string, impact: number, uncertainty: number, nudging: boolean): Promise<boolean> {
    const item = this.items.find((i) => i.id === id);
    const to = { impact, uncertainty };
    return this.moves.put(id, to, item ? { impact: item.impact, uncertainty: item.uncertainty } : to, nudging);
  }

  updateItem(id: string, patch: ItemPatch): Promise<Result<UncertaintyItem>> {
    return this.writes.run(() => this.repo.updateItem(id, patch));
  }

  /**
   * Deletes an item; when plan records link to it, a confirmation first says which will lose the
   * link. Undefined when the user kept it.
   */
  async deleteItem(item: UncertaintyItem): Promise<Result<void> | undefined> {
    if (!(await this.confirmLinkLoss([item.id], `Delete "${item.title}"?`, 'Delete item'))) return undefined;
    const deleted = await this.writes.run(() => this.repo.deleteItems([item.id]), { success: `Deleted "${item.title}".`, undo: true });
    if (deleted.ok && this.selectedId === item.id) this.select(undefined);
    return deleted;
  }

  /** True to go on: nothing links to the items, or the user agreed that what links will lose the link. */
  private async confirmLinkLoss(ids: readonly string[], title: string, confirmLabel: string): Promise<boolean> {
    if (ids.length === 0) return true;
    const programId = this.program().id;
    const found = await this.writes.read(() => this.repo.linksToItems(programId, ids), 'check what links to it');
    if (!found.ok) return false;
    if (found.value.length === 0) return true;
    return confirm({ title, message: `${describeLinkLoss(found.value)} Undo restores both.`, confirmLabel, danger: true });
  }

  /** The map as an image file: framed with the program's name, what it shows and a legend. */
  mapImage(): ChartImage {
    const program = this.program();
    const frame = {
      title: `${program.name}: uncertainty map`,
      subtitle: chartSubtitle(`${this.visible.length} of ${this.items.length} items`, program.name),
      legend: mapLegend(this.layers, this.visible, this.visible.some((i) => isStale(i, this.now, this.staleAfterDays)) ? staleMarkMeaning(this.staleAfterDays) : undefined),
    };
    return { what: 'map', name: `${program.name} uncertainty map`, frame };
  }

  /** Every text field of an item, as drafts (the view syncs them with the stored item). */
  itemDrafts(item: UncertaintyItem): DraftGroup<ItemTextField> {
    return new DraftGroup(ITEM_TEXT_FIELDS, (field) => this.itemDraft(item, field));
  }

  /** A text field of an item, saved as it is typed; text the rule refuses is never saved. */
  private itemDraft(item: UncertaintyItem, field: ItemTextField): TextDraft {
    const id = item.id;
    const kind = itemTextKind(field);
    return journaledDraft(
      kind,
      id,
      item[field],
      async (text) => (await this.writes.run(() => this.repo.updateItem(id, { [field]: text }, `${kind}:${id}`))).ok,
      (text) => checkItemPatch({ [field]: text }),
    );
  }

  /** The tags, typed as one comma-separated line and saved as a list. */
  tagsDraft(item: UncertaintyItem): TextDraft {
    const id = item.id;
    const kind = itemTextKind('tags');
    return journaledDraft(
      kind,
      id,
      item.tags.join(', '),
      async (text) => (await this.writes.run(() => this.repo.updateItem(id, { tags: parseTags(text) }, `${kind}:${id}`))).ok,
      (text) => checkItemPatch({ tags: parseTags(text) }),
    );
  }

  /** The evidence form being filled in for an item, kept until it is added. */
  evidenceDraft(itemId: string): Preference<Partial<EvidenceDraft>> {
    return formDraft(
      'evidence',
      itemId,
      fields<EvidenceDraft>({
        date: text(10),
        learned: text(ITEM_TEXT_MAX),
        source: text(ITEM_TEXT_MAX),
        impact: finite,
        uncertainty: finite,
        status: oneOf(ITEM_STATUSES),
      }),
      {},
    );
  }

  /** Records what was learned about an item and moves it where the evidence says; the form's draft goes. */
  async addEvidence(itemId: string, input: EvidenceInput): Promise<Result<UncertaintyItem>> {
    const added = await this.writes.run(() => this.repo.addEvidence(itemId, input));
    if (added.ok) this.evidenceDraft(itemId).clear();
    return added;
  }

  removeEvidence(itemId: string, evidenceId: string): Promise<Result<UncertaintyItem>> {
    return this.writes.run(() => this.repo.removeEvidence(itemId, evidenceId), { success: 'Removed the evidence.', undo: true });
  }

  setStaleAfterDays(days: number): Promise<Result<Program>> {
    const programId = this.program().id;
    return this.writes.run(() => this.programs.setStaleAfterDays(programId, days));
  }

  // --- The stack ---

  addLayer(name: string): Promise<Result<Layer>> {
    const programId = this.program().id;
    return this.writes.run(() => this.repo.addLayer(programId, name));
  }

  setLayerColor(layerId: string, color: string): Promise<Result<Layer>> {
    return this.writes.run(() => this.repo.updateLayer(layerId, { color }));
  }

  /** A layer's name or description, saved as it is typed; text the rule refuses is never saved. */
  layerDraft(layer: Layer, field: LayerTextField): TextDraft {
    const id = layer.id;
    const kind = layerTextKind(field);
    return journaledDraft(
      kind,
      id,
      layer[field],
      async (text) => (await this.writes.run(() => this.repo.updateLayer(id, { [field]: text }, `${kind}:${id}`))).ok,
      (text) => checkLayerPatch({ [field]: text }),
    );
  }

  moveLayer(layerId: string, toIndex: number): Promise<Result<void>> {
    const programId = this.program().id;
    return this.writes.run(() => this.repo.moveLayer(programId, layerId, toIndex));
  }

  /** Removes a layer; its items move to `moveItemsTo`, or are deleted with it when that is null. */
  removeLayer(layer: Layer, moveItemsTo: string): Promise<Result<void>>;
  removeLayer(layer: Layer, moveItemsTo: string | null): Promise<Result<void> | undefined>;
  async removeLayer(layer: Layer, moveItemsTo: string | null): Promise<Result<void> | undefined> {
    if (moveItemsTo === null) {
      const ids = this.items.filter((i) => i.layerId === layer.id).map((i) => i.id);
      if (!(await this.confirmLinkLoss(ids, `Delete the items of "${layer.name}"?`, 'Remove layer and items'))) return undefined;
    }
    return this.writes.run(() => this.repo.removeLayer(layer.id, moveItemsTo), { success: `Removed the layer "${layer.name}".`, undo: true });
  }
}
