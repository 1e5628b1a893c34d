import type { Action } from '../domain/actions/model';
import type { DecisionRecord } from '../domain/decisions/model';
import type { LinkKind } from '../domain/links';
import type { Metric } from '../domain/metrics/model';
import { REVIEW_NOTE_MAX, REVIEWER_MAX, type RevisitReview, type RevisitTargetKind } from '../domain/revisit/model';
import { flagsOn, revisitFlags, type PlanRecords, type RevisitFlag } from '../domain/revisit/flags';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { Matrix } from '../domain/tradeoffs/model';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import { watchTable } from '../storage/attention';
import { RevisitRepository } from '../storage/revisit-repo';
import { Live } from './live.svelte';
import { fields, formDraft, preference, text, type Preference } from './preferences.svelte';
import { readProblem, type ReadProblem, type Result } from './result';
import { RECORD_AREAS } from './record-areas';
import { routeHref } from './routes';
import { useServices, type Services } from './services';
import { Writes } from './writes';

export type { RevisitFlag };

/** Where a record opens: #/programs/<id>/<area>/<recordId>. */
export function recordHref(programId: string, kind: LinkKind, id: string): string {
  return routeHref({ name: 'program', programId, area: RECORD_AREAS[kind], recordId: id });
}

export type ReviewDraft = {
  note: string;
};

/**
 * A program's revisit flags, worked out live from its records (one query per table), and the
 * reviews that clear them. Areas show the flags of one record; the overview shows them all.
 */
export class RevisitState {
  protected readonly writes: Writes;
  private readonly repo: RevisitRepository;
  private readonly items: Live<UncertaintyItem[]>;
  private readonly metrics: Live<Metric[]>;
  private readonly roadmap: Live<RoadmapItem[]>;
  private readonly decisions: Live<DecisionRecord[]>;
  private readonly matrices: Live<Matrix[]>;
  private readonly actions: Live<Action[]>;
  private readonly reviewsLive: Live<RevisitReview[]>;
  /** Who reviews: the name this window signs metrics with, shared with the sign-off panel. */
  readonly reviewer = preference('keel.signer', text(REVIEWER_MAX), '');

  constructor(
    protected readonly programId: () => string,
    services: Services = useServices(),
  ) {
    const { db, editor } = services;
    this.writes = new Writes(editor);
    this.repo = new RevisitRepository(editor);
    this.items = new Live(() => watchTable(db, 'uncertaintyItems', this.programId()));
    this.metrics = new Live(() => watchTable(db, 'metrics', this.programId()));
    this.roadmap = new Live(() => watchTable(db, 'roadmapItems', this.programId()));
    this.decisions = new Live(() => watchTable(db, 'decisions', this.programId()));
    this.matrices = new Live(() => watchTable(db, 'matrices', this.programId()));
    this.actions = new Live(() => watchTable(db, 'actions', this.programId()));
    this.reviewsLive = new Live(() => watchTable(db, 'revisitReviews', this.programId()));
  }

  protected get planLives(): Live<unknown>[] {
    return [this.items, this.metrics, this.roadmap, this.decisions, this.matrices, this.actions, this.reviewsLive];
  }

  get loaded(): boolean {
    return this.planLives.every((l) => l.loaded);
  }

  get problem(): ReadProblem | undefined {
    return readProblem(this.planLives.find((l) => l.error !== undefined)?.error);
  }

  /** The program's records as the flags and the overview read them. */
  records: PlanRecords = $derived.by(() => ({
    uncertaintyItems: this.items.value ?? [],
    metrics: this.metrics.value ?? [],
    roadmapItems: this.roadmap.value ?? [],
    decisions: this.decisions.value ?? [],
    matrices: this.matrices.value ?? [],
    actions: this.actions.value ?? [],
  }));

  get reviews(): RevisitReview[] {
    return this.reviewsLive.value ?? [];
  }

  /** Every flag of the program, reviewed ones included. */
  flags: RevisitFlag[] = $derived.by(() => revisitFlags(this.records, this.reviews));

  /** The flags that stand (not yet reviewed). */
  standing: RevisitFlag[] = $derived(this.flags.filter((f) => !f.review));

  /** The records of one kind with a standing flag: a list marks them. */
  flaggedIds(kind: RevisitTargetKind): ReadonlySet<string> {
    // A snapshot worked out again with the flags, never changed in place.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return new Set(this.standing.filter((f) => f.target.kind === kind).map((f) => f.target.id));
  }

  flagsOn(kind: RevisitTargetKind, id: string): RevisitFlag[] {
    return flagsOn(this.flags, kind, id);
  }

  /** The reviews of one record, newest first, with the flags still standing or not. */
  reviewsOn(kind: RevisitTargetKind, id: string): RevisitReview[] {
    return this.reviews.filter((r) => r.targetKind === kind && r.targetId === id).sort((a, b) => b.at - a.at);
  }

  /** The name of what failed, for a review whose cause may no longer be failing (or may be gone). */
  causeLabel(kind: RevisitReview['causeKind'], id: string): string {
    const found = kind === 'metric' ? this.records.metrics.find((m) => m.id === id)?.name : this.records.uncertaintyItems.find((i) => i.id === id)?.title;
    return found ?? (kind === 'metric' ? 'a metric since deleted' : 'an uncertainty item since deleted');
  }

  href(kind: LinkKind, id: string): string {
    return recordHref(this.programId(), kind, id);
  }

  /** The note being written for one flag, kept until it is sent. */
  reviewDraft(flag: RevisitFlag): Preference<Partial<ReviewDraft>> {
    const key = [flag.target.kind, flag.target.id, flag.cause.kind, flag.cause.id, flag.cause.since].join('.');
    return formDraft('revisit-review', key, fields<ReviewDraft>({ note: text(REVIEW_NOTE_MAX) }), {});
  }

  /** Clears one flag with a note (required) and the reviewer's name (optional). */
  async markReviewed(flag: RevisitFlag, note: string, by: string): Promise<Result<RevisitReview>> {
    if (by.trim() !== this.reviewer.value) this.reviewer.set(by.trim());
    const done = await this.writes.run(() => this.repo.markReviewed(this.programId(), flag, { note, by }), {
      success: `Reviewed "${flag.target.label}": the flag is cleared.`,
      undo: true,
    });
    if (done.ok) this.reviewDraft(flag).clear();
    return done;
  }
}
