import { isoDay } from '../domain/dates';
import { describeLinkLoss } from '../domain/link-loss';
import type { LinkTarget } from '../domain/links';
import type { Program } from '../domain/program';
import { CONFIDENCE_LEVELS, HORIZONS, ROADMAP_TITLE_MAX, type ConfidenceLevel, type Horizon, type RoadmapItem } from '../domain/roadmap/model';
import { checkScopePatch, type ScopePatch } from '../domain/scope/edits';
import { SCOPE_DECISIONS, SCOPE_KINDS, type ScopeChange, type ScopeDecision, type ScopeEffect, type ScopeKind } from '../domain/scope/model';
import { changesByMonth, describeChanges } from '../domain/scope/trend';
import { plural, quoted } from '../domain/words';
import { watchLinkTargets, type LinkTargets } from '../storage/link-targets';
import { ScopeRepository } from '../storage/scope-repo';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { fields, formDraft, oneOf, preference, text, type Preference } from './preferences.svelte';
import { readProblem, type Result } from './result';
import { SCOPE_TEXT_FIELDS, scopeTextKind, type ScopeTextField } from './scope-replay';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft, type TextDraft } from './text-draft.svelte';
import { Writes } from './writes';

/** The form for one effect on the roadmap, as typed. */
export type EffectForm = {
  kind: ScopeEffect['kind'];
  itemId: string;
  title: string;
  horizon: Horizon;
  earliest: string;
  latest: string;
  confidence: ConfidenceLevel;
  /** A percentage typed instead of a level; empty for none. */
  percent: string;
};

/** The effect a filled-in form stands for (checked by the domain's checkEffect before it is added). */
export function effectOf(form: EffectForm): ScopeEffect {
  if (form.kind === 'drop') return { kind: 'drop', roadmapItemId: form.itemId };
  if (form.kind === 'move') return { kind: 'move', roadmapItemId: form.itemId, horizon: form.horizon, earliest: form.earliest, latest: form.latest };
  // A percentage typed beside the level wins: the team has a number.
  const percent = form.percent.trim();
  const confidence = percent === '' ? form.confidence : /^\d+$/.test(percent) ? Number(percent) : Number.NaN;
  return { kind: 'add', title: form.title, horizon: form.horizon, earliest: form.earliest, latest: form.latest, confidence };
}

const LINKED_KINDS = ['roadmapItem', 'metric', 'uncertainty'] as const;

/** Newest first: by the day asked, then as they were logged. */
function newestFirst(a: ScopeChange, b: ScopeChange): number {
  return b.requestedOn.localeCompare(a.requestedOn) || b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}

/** What applying effects did, in words: "added 1 roadmap item, moved 2 and dropped 1". */
export function describeApplication(effects: readonly ScopeEffect[]): string {
  const count = (kind: ScopeEffect['kind']) => effects.filter((e) => e.kind === kind).length;
  const [added, moved, dropped] = [count('add'), count('move'), count('drop')];
  const parts = [added ? `added ${plural(added, 'roadmap item')}` : '', moved ? `moved ${moved}` : '', dropped ? `dropped ${dropped}` : ''].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'changed nothing');
}

/** One program's scope changes: live data, filters, the trend by kind, and every write. */
export class ScopeState {
  private readonly repo: ScopeRepository;
  private readonly writes: Writes;
  private readonly changesLive: Live<ScopeChange[]>;
  private readonly itemsLive: Live<RoadmapItem[]>;
  private readonly functionsLive: Live<string[]>;
  private readonly targetsLive: Live<Partial<LinkTargets>>;

  /** The list's filters, remembered on this computer. */
  readonly decisionFilter = preference<ScopeDecision | 'all'>('keel.scope.decision', oneOf(['all', ...SCOPE_DECISIONS]), 'all');
  readonly kindFilter = preference<ScopeKind | 'all'>('keel.scope.kind', oneOf(['all', ...SCOPE_KINDS]), 'all');

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new ScopeRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.changesLive = new Live(() => this.repo.watchChanges(this.program().id));
    this.itemsLive = new Live(() => this.repo.watchRoadmapItems(this.program().id));
    this.functionsLive = new Live(() => this.repo.watchFunctionNames(this.program().id));
    this.targetsLive = new Live(() => watchLinkTargets(services.db, this.program().id, LINKED_KINDS));
  }

  /** The program's name, for what is saved from this area (a chart's subtitle). */
  get programName(): string {
    return this.program().name;
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.changesLive.loaded && this.itemsLive.loaded;
  }
  get problem() {
    return readProblem(this.changesLive.error ?? this.itemsLive.error);
  }
  get changes(): ScopeChange[] {
    return this.changesLive.value ?? [];
  }
  /** The roadmap's items as they stand, by id. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole from each snapshot, never mutated
  roadmap = $derived(new Map(this.roadmapItems.map((item) => [item.id, item])));
  get roadmapItems(): RoadmapItem[] {
    return this.itemsLive.value ?? [];
  }
  /** The program's functions' names, offered for "who asked". */
  get functionNames(): string[] {
    return this.functionsLive.value ?? [];
  }
  targets(kind: (typeof LINKED_KINDS)[number]): LinkTarget[] {
    return this.targetsLive.value?.[kind] ?? [];
  }

  /** Every change, newest first. */
  sorted = $derived([...this.changes].sort(newestFirst));
  visible = $derived(
    this.sorted.filter(
      (c) => (this.decisionFilter.value === 'all' || c.decision === this.decisionFilter.value) && (this.kindFilter.value === 'all' || c.kind === this.kindFilter.value),
    ),
  );
  months = $derived(changesByMonth(this.changes));
  summary = $derived(describeChanges(this.months));

  clearFilters(): void {
    this.decisionFilter.set('all');
    this.kindFilter.set('all');
  }

  /** Logs a change asked today; its page fills in the rest. */
  addChange(title: string): Promise<Result<ScopeChange>> {
    return this.writes.run(() => this.repo.addChange(this.programId, { title, requestedOn: isoDay(Date.now()) }));
  }

  updateChange(change: ScopeChange, patch: ScopePatch): Promise<Result<ScopeChange>> {
    return this.writes.run(() => this.repo.updateChange(change.id, patch));
  }

  /** Every text field of a change, as drafts; text the rule refuses is never saved. */
  changeDrafts(change: ScopeChange): DraftGroup<ScopeTextField> {
    return new DraftGroup(SCOPE_TEXT_FIELDS, (field) => this.changeDraft(change, field));
  }

  private changeDraft(change: ScopeChange, field: ScopeTextField): TextDraft {
    const { id } = change;
    const kind = scopeTextKind(field);
    return journaledDraft(
      kind,
      id,
      change[field],
      async (text) => (await this.writes.run(() => this.repo.updateChange(id, { [field]: text }, `${kind}:${id}`))).ok,
      (text) => checkScopePatch({ [field]: text }),
    );
  }

  /** The effect being written for a change, kept on this computer until it is added. */
  effectDraft(changeId: string): Preference<Partial<EffectForm>> {
    return formDraft(
      'scope-effect',
      changeId,
      fields<EffectForm>({
        kind: oneOf(['move', 'add', 'drop']),
        itemId: text(100),
        title: text(ROADMAP_TITLE_MAX),
        horizon: oneOf(HORIZONS),
        earliest: text(10),
        latest: text(10),
        confidence: oneOf(CONFIDENCE_LEVELS),
        percent: text(3),
      }),
      {},
    );
  }

  setEffects(change: ScopeChange, effects: ScopeEffect[], said?: string): Promise<Result<ScopeChange>> {
    return this.writes.run(() => this.repo.setEffects(change.id, effects), said ? { success: said, undo: true } : {});
  }

  decide(change: ScopeChange, decision: ScopeDecision, decidedOn = change.decidedOn || isoDay(Date.now())): Promise<Result<ScopeChange>> {
    return this.writes.run(() => this.repo.decide(change.id, decision, decidedOn));
  }

  /** Accepts the change and applies its effects to the roadmap as one step, with Undo. */
  acceptAndApply(change: ScopeChange): Promise<Result<unknown>> {
    const decidedOn = change.decidedOn || isoDay(Date.now());
    return this.writes.run(() => this.repo.acceptAndApply(change.id, decidedOn), {
      success: () => `Accepted ${quoted(change.title)} and ${describeApplication(change.effects)} on the roadmap.`,
      undo: true,
    });
  }

  /** Deletes a change after a confirmation that names what will lose its link to it. */
  async deleteChange(change: ScopeChange): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.linksTo(change.programId, change.id), 'check what links to it');
    if (!found.ok) return found;
    const ok = await confirm({
      title: `Delete ${quoted(change.title)}?`,
      message: [describeLinkLoss(found.value), change.appliedAt !== null ? 'What it applied to the roadmap stays.' : '', 'Undo brings it back.']
        .filter(Boolean)
        .join(' '),
      confirmLabel: 'Delete scope change',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteChange(change.id), { success: `Deleted ${quoted(change.title)}.`, undo: true });
  }
}
