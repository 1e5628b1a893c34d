import { isoDay } from '../domain/dates';
import { checkConsideredOption, checkDecisionField, supersedeChain, type DecisionTextField } from '../domain/decisions/edits';
import { decisionNumber, DECISION_STATUS_LABELS, DECISION_STATUSES, type ConsideredOption, type DecisionRecord, type DecisionStatus } from '../domain/decisions/model';
import { describeLinkLoss } from '../domain/link-loss';
import type { LinkKind, LinkTarget } from '../domain/links';
import { movedBy } from '../domain/order';
import type { Program } from '../domain/program';
import { DecisionsRepository, type DecisionLinkField } from '../storage/decisions-repo';
import { watchLinkTargets, type LinkTargets } from '../storage/link-targets';
import { confirm } from './confirm.svelte';
import { DECISION_FIELDS, decisionTextKind, OPTION_KINDS, type OptionField } from './decisions-replay';
import { Live } from './live.svelte';
import { oneOf, preference, text } from './preferences.svelte';
import { readProblem, type Result } from './result';
import { RevisitState } from './revisit.svelte';
import { useServices, type Services } from './services';
import { DraftGroup, journaledDraft, type TextDraft } from './text-draft.svelte';
import { Writes } from './writes';

export { decisionNumber };
export type DecisionStatusFilter = DecisionStatus | 'all' | 'open';

/** The kinds a record links to, with the field that holds them. */
export const DECISION_LINKS: readonly { kind: LinkKind; field: DecisionLinkField; legend: string; empty: string }[] = [
  { kind: 'uncertainty', field: 'uncertaintyIds', legend: 'Uncertainty items it rests on', empty: 'No uncertainty items yet: add them on the uncertainty map.' },
  { kind: 'metric', field: 'metricIds', legend: 'Shared metrics it bears on', empty: 'No shared metrics yet.' },
  { kind: 'roadmapItem', field: 'roadmapItemIds', legend: 'Roadmap items it affects', empty: 'No roadmap items yet.' },
];

const today = () => isoDay(Date.now());

/** One program's decision log: live records, the list's filters (remembered), and every write. */
export class DecisionsState {
  private readonly repo: DecisionsRepository;
  private readonly writes: Writes;
  private readonly recordsLive: Live<DecisionRecord[]>;
  private readonly targetsLive: Live<Partial<LinkTargets>>;

  /** The list's status filter and search, remembered on this computer. */
  readonly statusFilter = preference<DecisionStatusFilter>('keel.decisions.status', oneOf(['all', 'open', ...DECISION_STATUSES]), 'all');
  readonly search = preference('keel.decisions.search', text(200), '');

  private readonly revisit: RevisitState;
  /** The records flagged "revisit" (resting on a failed assumption or a breached metric): the log marks them. */
  flagged: ReadonlySet<string> = $derived.by(() => this.revisit.flaggedIds('decision'));

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new DecisionsRepository(services.editor);
    this.writes = new Writes(services.editor);
    this.revisit = new RevisitState(() => this.program().id, services);
    this.recordsLive = new Live(() => this.repo.watchDecisions(this.program().id));
    this.targetsLive = new Live(() => watchLinkTargets(services.db, this.program().id, ['uncertainty', 'metric', 'roadmapItem', 'matrix']));
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.recordsLive.loaded;
  }
  get problem() {
    return readProblem(this.recordsLive.error ?? this.targetsLive.error);
  }
  /** Newest first. */
  get records(): DecisionRecord[] {
    return this.recordsLive.value ?? [];
  }
  targets(kind: LinkKind): LinkTarget[] {
    return this.targetsLive.value?.[kind] ?? [];
  }

  /** Records by id: a fresh map per change of the log, never mutated. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a snapshot, replaced whole
  byId: ReadonlyMap<string, DecisionRecord> = $derived(new Map(this.records.map((r) => [r.id, r])));

  /** How many records have each status, for the filter. */
  counts = $derived.by(() => {
    const counts = Object.fromEntries(DECISION_STATUSES.map((s) => [s, 0])) as Record<DecisionStatus, number>;
    for (const r of this.records) counts[r.status] += 1;
    return counts;
  });

  visible = $derived.by(() => {
    const filter = this.statusFilter.value;
    const query = this.search.value.trim().toLocaleLowerCase();
    return this.records.filter(
      (r) =>
        (filter === 'all' || r.status === filter || (filter === 'open' && (r.status === 'draft' || r.status === 'proposed'))) &&
        (!query || `${decisionNumber(r.number)} ${r.title} ${r.context} ${r.outcome} ${r.deciders}`.toLocaleLowerCase().includes(query)),
    );
  });

  clearFilters(): void {
    this.statusFilter.set('all');
    this.search.set('');
  }

  /** The records a record belongs with in its supersede chain, oldest first; `looped` when the links go round. */
  chain(id: string): { chain: DecisionRecord[]; looped: boolean } {
    return supersedeChain(this.byId, id);
  }

  label(record: Pick<DecisionRecord, 'number' | 'title'>): string {
    return `${decisionNumber(record.number)} ${record.title}`;
  }

  // --- Writes ---

  create(title: string): Promise<Result<DecisionRecord>> {
    return this.writes.run(() => this.repo.create(this.programId, title, today()), {
      success: (r) => `Added ${decisionNumber(r.number)} as a draft.`,
      undo: true,
    });
  }

  /** Every text field of a record, as drafts saved as they are typed; `current` gives the stored record. */
  recordDrafts(record: DecisionRecord, current: () => DecisionRecord): DraftGroup<DecisionTextField> {
    return new DraftGroup(DECISION_FIELDS, (field) =>
      journaledDraft(
        decisionTextKind(field),
        record.id,
        record[field],
        async (value) => (await this.writes.run(() => this.repo.updateText(current().id, field, value, `${decisionTextKind(field)}:${record.id}`))).ok,
        (value) => checkDecisionField(field, value),
      ),
    );
  }

  /** One option's title or description, saved as it is typed. */
  optionDraft(record: DecisionRecord, index: number, field: OptionField, current: () => DecisionRecord): TextDraft {
    const key = `${record.id}/${index}`;
    return journaledDraft(
      OPTION_KINDS[field],
      key,
      record.options[index]?.[field] ?? '',
      async (value) => {
        const options = current().options.map((o, i) => (i === index ? { ...o, [field]: value } : o));
        return (await this.writes.run(() => this.repo.setOptions(current().id, options, 'Edit option', `${OPTION_KINDS[field]}:${key}`))).ok;
      },
      (value) => checkConsideredOption({ title: 'x', description: '', ...{ [field]: value } }),
    );
  }

  addOption(record: DecisionRecord, title: string): Promise<Result<DecisionRecord>> {
    const options: ConsideredOption[] = [...record.options, { title, description: '' }];
    return this.writes.run(() => this.repo.setOptions(record.id, options, `Add option "${title.trim()}"`));
  }

  removeOption(record: DecisionRecord, index: number): Promise<Result<DecisionRecord>> {
    const removed = record.options[index];
    return this.writes.run(() => this.repo.setOptions(record.id, record.options.filter((_, i) => i !== index), 'Remove option'), {
      success: removed ? `Removed the option "${removed.title}".` : undefined,
      undo: true,
    });
  }

  moveOption(record: DecisionRecord, index: number, delta: -1 | 1): Promise<Result<DecisionRecord>> {
    const keyed = record.options.map((o, i) => ({ ...o, id: String(i) }));
    const options = movedBy(keyed, String(index), delta).map(({ id: _id, ...o }) => o);
    return this.writes.run(() => this.repo.setOptions(record.id, options, 'Reorder options'));
  }

  setDate(record: DecisionRecord, date: string): Promise<Result<DecisionRecord>> {
    return this.writes.run(() => this.repo.setDate(record.id, date));
  }

  setLinks(record: DecisionRecord, field: DecisionLinkField, ids: string[]): Promise<Result<DecisionRecord>> {
    return this.writes.run(() => this.repo.setLinks(record.id, field, ids));
  }

  setStatus(record: DecisionRecord, to: DecisionStatus, reason = ''): Promise<Result<DecisionRecord>> {
    const older = record.supersedes ? this.byId.get(record.supersedes) : undefined;
    const also = to === 'accepted' && older?.status === 'accepted' ? ` ${decisionNumber(older.number)} is now superseded.` : '';
    return this.writes.run(() => this.repo.setStatus(record.id, to, reason, today()), {
      success: `${decisionNumber(record.number)} is ${DECISION_STATUS_LABELS[to].toLowerCase()}.${also}`,
      undo: true,
    });
  }

  /** A new draft superseding an accepted record. */
  supersede(record: DecisionRecord): Promise<Result<DecisionRecord>> {
    return this.writes.run(() => this.repo.supersede(record.id, today()), {
      success: (draft) => `Started ${decisionNumber(draft.number)} to supersede ${decisionNumber(record.number)}. Accept it to replace the old decision.`,
      undo: true,
    });
  }

  /** Deletes a draft after a confirmation naming what will lose its link to it; undefined when the user declined. */
  async deleteRecord(record: DecisionRecord): Promise<Result<void> | undefined> {
    const found = await this.writes.read(() => this.repo.linksTo(record), 'check what links to it');
    if (!found.ok) return found;
    const links = describeLinkLoss(found.value);
    const ok = await confirm({
      title: `Delete ${this.label(record)}?`,
      message: `The draft goes from the log.${links ? ` ${links}` : ''}`,
      confirmLabel: 'Delete draft',
      danger: true,
    });
    if (!ok) return undefined;
    return this.writes.run(() => this.repo.remove(record.id), { success: `Deleted ${decisionNumber(record.number)}.`, undo: true });
  }
}
