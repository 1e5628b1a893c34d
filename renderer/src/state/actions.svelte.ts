import { checkActionPatch, overdueDays, type ActionPatch } from '../domain/actions/edits';
import { byDueDate, matchesFilter, ownersOf } from '../domain/actions/list';
import { ACTION_OWNER_MAX, ACTION_SOURCES, ACTION_STATUSES, ACTION_STATUS_LABELS, ACTION_TITLE_MAX, type Action, type ActionSourceKind, type ActionStatus } from '../domain/actions/model';
import { isoDay } from '../domain/dates';
import { describeLinkLoss } from '../domain/link-loss';
import type { Program } from '../domain/program';
import { quoted, truncate } from '../domain/words';
import { ActionsRepository } from '../storage/actions-repo';
import { watchLinkTargets, type LinkTargets } from '../storage/link-targets';
import { ACTION_TEXT_FIELDS, actionTextKind, type ActionTextField } from './actions-replay';
import { Clock } from './clock.svelte';
import { confirm } from './confirm.svelte';
import { Live } from './live.svelte';
import { flag, oneOf, preference, text } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { routeHref } from './routes';
import { RevisitState } from './revisit.svelte';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft, type TextDraft } from './text-draft.svelte';
import { Writes } from './writes';

/** The area a source's record lives in, for the link back to it. */
const SOURCE_AREAS = { uncertainty: 'uncertainty', decision: 'decisions', scope: 'scope', metric: 'metrics' } as const;

export const SOURCE_WORDS: Record<ActionSourceKind, string> = {
  uncertainty: 'an uncertainty item’s next step',
  decision: 'a decision record',
  scope: 'a scope change',
  metric: 'a shared metric',
};

/** Where an action's source opens: #/programs/<id>/<area>/<recordId>. */
export function sourceHref(programId: string, source: NonNullable<Action['source']>): string {
  return routeHref({ name: 'program', programId, area: SOURCE_AREAS[source.kind], recordId: source.id });
}

export function actionHref(programId: string, actionId: string): string {
  return routeHref({ name: 'program', programId, area: 'actions', recordId: actionId });
}

/** Today as a stored day, ticking each minute: what "overdue" is measured against. */
class Today {
  private readonly clock = new Clock(60_000);
  get day(): string {
    return isoDay(this.clock.now);
  }
}

/** The program's actions: one list across it, filters remembered on this computer, and every write. */
export class ActionsState {
  private readonly repo: ActionsRepository;
  private readonly writes: Writes;
  private readonly actionsLive: Live<Action[]>;
  private readonly sourcesLive: Live<Partial<LinkTargets>>;
  private readonly today = new Today();

  readonly statusFilter = preference<ActionStatus | 'all' | 'active'>('keel.actions.status', oneOf(['all', 'active', ...ACTION_STATUSES]), 'all');
  readonly ownerFilter = preference('keel.actions.owner', text(200), '');
  readonly overdueOnly = preference('keel.actions.overdue', flag, false);

  private readonly revisit: RevisitState;
  /** The records flagged "revisit" (resting on a failed assumption or a breached metric): the list marks them. */
  flagged: ReadonlySet<string> = $derived.by(() => this.revisit.flaggedIds('action'));

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new ActionsRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.revisit = new RevisitState(() => this.program().id, services);
    this.actionsLive = new Live(() => this.repo.watchActions(this.program().id));
    this.sourcesLive = new Live(() => watchLinkTargets(services.db, this.program().id, ACTION_SOURCES));
  }

  /** The title of the record an action came from; undefined while unknown or when it is gone. */
  sourceLabel(source: NonNullable<Action['source']>): string | undefined {
    return this.sourcesLive.value?.[source.kind]?.find((t) => t.id === source.id)?.label;
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.actionsLive.loaded;
  }
  get problem() {
    return readProblem(this.actionsLive.error);
  }
  get actions(): Action[] {
    return this.actionsLive.value ?? [];
  }
  get todayDay(): string {
    return this.today.day;
  }

  owners = $derived(ownersOf(this.actions));
  /** The filtered list, soonest due first. */
  visible = $derived(
    this.actions
      .filter((a) => matchesFilter(a, { status: this.statusFilter.value, owner: this.ownerFilter.value, overdueOnly: this.overdueOnly.value }, this.today.day))
      .sort(byDueDate),
  );
  overdueCount = $derived(this.actions.filter((a) => overdueDays(a, this.today.day) > 0).length);

  overdueDays(action: Action): number {
    return overdueDays(action, this.today.day);
  }

  get filtered(): boolean {
    return this.statusFilter.value !== 'all' || this.ownerFilter.value !== '' || this.overdueOnly.value;
  }

  clearFilters(): void {
    this.statusFilter.set('all');
    this.ownerFilter.set('');
    this.overdueOnly.set(false);
  }

  addAction(title: string, owner = '', due = ''): Promise<Result<Action>> {
    return this.writes.run(() => this.repo.addAction(this.programId, { title, owner, due }));
  }

  updateAction(action: Action, patch: ActionPatch): Promise<Result<Action>> {
    return this.writes.run(() => this.repo.updateAction(action.id, patch));
  }

  /** Sets the status, saying so with Undo (a list row's "Done" is one key press away from a slip). */
  setStatus(action: Action, status: ActionStatus): Promise<Result<Action>> {
    return this.writes.run(() => this.repo.updateAction(action.id, { status }), {
      success: `${quoted(action.title)}: ${ACTION_STATUS_LABELS[status].toLowerCase()}.`,
      undo: true,
    });
  }

  actionDrafts(action: Action): DraftGroup<ActionTextField> {
    return new DraftGroup(ACTION_TEXT_FIELDS, (field) => this.actionDraft(action, field));
  }

  private actionDraft(action: Action, field: ActionTextField): TextDraft {
    const { id } = action;
    const kind = actionTextKind(field);
    return journaledDraft(
      kind,
      id,
      action[field],
      async (text) => (await this.writes.run(() => this.repo.updateAction(id, { [field]: text }, `${kind}:${id}`))).ok,
      (text) => checkActionPatch({ [field]: text }),
    );
  }

  /** Deletes an action after a confirmation that names what will lose its link to it. */
  async deleteAction(action: Action): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.linksTo(action.programId, action.id), 'check what links to it');
    if (!found.ok) return found;
    const ok = await confirm({
      title: `Delete ${quoted(action.title)}?`,
      message: [describeLinkLoss(found.value), 'Undo brings it back.'].filter(Boolean).join(' '),
      confirmLabel: 'Delete action',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.deleteAction(action.id), { success: `Deleted ${quoted(action.title)}.`, undo: true });
  }
}

/**
 * The actions that came from one record (an uncertainty item, a scope change), and making one
 * from it in one move. Create while a component initialises.
 */
export class SourceActions {
  private readonly repo: ActionsRepository;
  private readonly writes: Writes;
  private readonly live: Live<Action[]>;
  private readonly today = new Today();

  constructor(
    private readonly programId: () => string,
    private readonly source: () => { kind: ActionSourceKind; id: string },
    services: Services = useServices(),
  ) {
    this.repo = new ActionsRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.live = new Live(() => {
      const { kind, id } = this.source();
      return this.repo.watchActionsFrom(this.programId(), kind, id);
    });
  }

  get actions(): Action[] {
    return [...(this.live.value ?? [])].sort(byDueDate);
  }
  get loaded(): boolean {
    return this.live.loaded;
  }
  get problem(): ReadProblem | undefined {
    return readProblem(this.live.error);
  }
  overdueDays(action: Action): number {
    return overdueDays(action, this.today.day);
  }
  href(actionId: string): string {
    return actionHref(this.programId(), actionId);
  }

  /**
   * Makes an action from the record: `text` (e.g. its next step) as its title, owned by `owner`;
   * the toast opens it. A text too long for a title is cut to one, and kept whole in the notes.
   */
  make(text: string, owner = ''): Promise<Result<Action>> {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    const title = truncate(oneLine, ACTION_TITLE_MAX, '…');
    const notes = title === oneLine ? '' : text;
    return this.writes.run(() => this.repo.addAction(this.programId(), { title, owner: truncate(owner, ACTION_OWNER_MAX), notes, source: this.source() }), {
      success: (action) => `Made the action ${quoted(action.title)}.`,
      action: (action) => ({ label: 'Open', run: () => (location.hash = this.href(action.id)) }),
    });
  }
}
