import { HORIZON_LABELS, HORIZONS, type ForecastConfidence, type Horizon, type RoadmapItem } from '../domain/roadmap/model';
import { boardColumns, keyboardPlace, type BoardKey, type Place } from '../domain/roadmap/board';
import { checkRoadmapPatch, type RoadmapItemPatch } from '../domain/roadmap/edits';
import { describeLinkLoss } from '../domain/link-loss';
import type { LinkKind } from '../domain/links';
import type { Program } from '../domain/program';
import { plural } from '../domain/words';
import { watchLinkTargets, type LinkTargets } from '../storage/link-targets';
import { RoadmapRepository } from '../storage/roadmap-repo';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { fields, flag, formDraft, oneOf, preference, text, type Preference } from './preferences.svelte';
import { readProblem, type Result } from './result';
import { ROADMAP_TEXT_FIELDS, roadmapTextKind, type RoadmapTextField } from './roadmap-replay';
import { RevisitState } from './revisit.svelte';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft } from './text-draft.svelte';
import { Writes } from './writes';

export type RoadmapView = 'board' | 'timeline';
/** The kinds a roadmap item links to. */
export const ROADMAP_LINK_KINDS = ['uncertainty', 'metric', 'decision'] as const satisfies readonly LinkKind[];

/** A range typed but not yet set: both days, kept until "Set range". */
export type RangeDraft = { earliest: string; latest: string };

/** One program's roadmap: live items in their horizons, the chosen view, and every write. */
export class RoadmapState {
  private readonly repo: RoadmapRepository;
  private readonly writes: Writes;
  private readonly itemsLive: Live<RoadmapItem[]>;
  private readonly targetsLive: Live<Partial<LinkTargets>>;

  /** Board or timeline, remembered on this computer. */
  readonly view = preference<RoadmapView>('keel.roadmap.view', oneOf(['board', 'timeline']), 'board');
  /** Whether the timeline draws earlier forecasts as ghosts. */
  readonly ghosts = preference('keel.roadmap.ghosts', flag, false);
  /** The horizon quick add puts new items in. */
  readonly addHorizon = preference<Horizon>('keel.roadmap.add-horizon', oneOf(HORIZONS), 'now');
  /** What the last keyboard move did, for the live region. */
  announcement = $state('');

  private readonly revisit: RevisitState;
  /** The records flagged "revisit" (resting on a failed assumption or a breached metric): the list marks them. */
  flagged: ReadonlySet<string> = $derived.by(() => this.revisit.flaggedIds('roadmapItem'));

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new RoadmapRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.revisit = new RevisitState(() => this.program().id, services);
    this.itemsLive = new Live(() => this.repo.watchItems(this.program().id));
    this.targetsLive = new Live(() => watchLinkTargets(services.db, this.program().id, ROADMAP_LINK_KINDS));
  }

  /** The program's name, for what is saved from this area (a chart's subtitle). */
  get programName(): string {
    return this.program().name;
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.itemsLive.loaded;
  }
  get problem() {
    return readProblem(this.itemsLive.error);
  }
  get items(): RoadmapItem[] {
    return this.itemsLive.value ?? [];
  }
  /** What each kind of link can point at: {id, label}. */
  get targets(): Partial<LinkTargets> {
    return this.targetsLive.value ?? {};
  }

  columns = $derived.by(() => boardColumns(this.items));

  addItem(title: string, horizon: Horizon = this.addHorizon.value): Promise<Result<RoadmapItem>> {
    return this.writes.run(() => this.repo.addItem(this.programId, title, horizon));
  }

  update(item: RoadmapItem, patch: RoadmapItemPatch, coalesceKey?: string): Promise<Result<RoadmapItem>> {
    return this.writes.run(() => this.repo.updateItem(item.id, patch, coalesceKey));
  }

  /** Sets (or clears, with two empty days) the item's range; the earlier forecast is kept. */
  async setRange(item: RoadmapItem, range: RangeDraft): Promise<Result<RoadmapItem>> {
    const set = await this.writes.run(() => this.repo.setForecast(item.id, range));
    if (set.ok) this.rangeDraft(item.id).clear();
    return set;
  }

  setConfidence(item: RoadmapItem, confidence: ForecastConfidence): Promise<Result<RoadmapItem>> {
    return this.writes.run(() => this.repo.setForecast(item.id, { confidence }));
  }

  /** A range typed for an item and not yet set, kept on this computer. */
  rangeDraft(itemId: string): Preference<Partial<RangeDraft>> {
    return formDraft('roadmap-range', itemId, fields<RangeDraft>({ earliest: text(10), latest: text(10) }), {});
  }

  /** Moves an item on the board and says where it went, for the live region. */
  async move(item: RoadmapItem, to: Place): Promise<Result<RoadmapItem>> {
    const moved = await this.writes.run(() => this.repo.moveItem(item.id, to));
    if (moved.ok) {
      const column = this.columns[to.horizon].filter((i) => i.id !== item.id);
      const size = column.length + 1;
      this.announcement = `Moved "${item.title}" to ${HORIZON_LABELS[to.horizon]}, position ${Math.min(to.index, column.length) + 1} of ${size}.`;
    }
    return moved;
  }

  /** Alt+arrow on a card: up or down in its horizon, left or right to the next. Undefined at an edge. */
  async moveByKey(item: RoadmapItem, key: BoardKey): Promise<Result<RoadmapItem> | undefined> {
    const to = keyboardPlace(this.columns, item.id, key);
    if (!to) {
      this.announcement = `"${item.title}" cannot move further that way.`;
      return undefined;
    }
    return this.move(item, to);
  }

  /** The item's text fields, saved as they are typed; `current` gives the stored item. */
  drafts(item: RoadmapItem, current: () => RoadmapItem): DraftGroup<RoadmapTextField> {
    return new DraftGroup(ROADMAP_TEXT_FIELDS, (field) => {
      const kind = roadmapTextKind(field);
      return journaledDraft(
        kind,
        item.id,
        item[field],
        async (text) => (await this.update(current(), { [field]: text }, `${kind}:${item.id}`)).ok,
        (text) => checkRoadmapPatch({ [field]: text }),
      );
    });
  }

  /** Deletes an item after a confirmation that names what links to it; Undo restores the item and the links. */
  async deleteItem(item: RoadmapItem): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.linkHolders(item), 'check what links to it');
    if (!found.ok) return found;
    const n = item.history.length;
    const history = n ? ` Its ${plural(n, 'earlier forecast')} ${n === 1 ? 'goes' : 'go'} with it.` : '';
    const ok = await confirm({
      title: `Delete "${item.title}"?`,
      message: `${describeLinkLoss(found.value)}${history}`.trim() || 'It leaves the roadmap. You can undo this.',
      confirmLabel: 'Delete item',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteItem(item.id), { success: `Deleted "${item.title}".`, undo: true });
  }
}
