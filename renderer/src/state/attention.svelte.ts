import { attentionCount, attentionOf, type AttentionSection } from '../domain/attention';
import type { ProgramFunction } from '../domain/metrics/model';
import type { ScopeChange } from '../domain/scope/model';
import { watchTable } from '../storage/attention';
import { Clock } from './clock.svelte';
import { Live } from './live.svelte';
import { RevisitState } from './revisit.svelte';
import { useServices, type Services } from './services';

export type { AttentionSection };

/**
 * The program's overview, "what needs attention": the revisit flags and everything else the areas'
 * own rules say should be looked at next, live (one query per table), measured against a clock
 * that ticks so staleness and overdue actions stay current.
 */
export class AttentionState extends RevisitState {
  private readonly functions: Live<ProgramFunction[]>;
  private readonly scopeChanges: Live<ScopeChange[]>;
  private readonly clock = new Clock();

  constructor(
    programId: () => string,
    private readonly staleAfterDays: () => number,
    services: Services = useServices(),
  ) {
    super(programId, services);
    this.functions = new Live(() => watchTable(services.db, 'functions', this.programId()));
    this.scopeChanges = new Live(() => watchTable(services.db, 'scopeChanges', this.programId()));
  }

  protected override get planLives(): Live<unknown>[] {
    return [...super.planLives, this.functions, this.scopeChanges];
  }

  sections: AttentionSection[] = $derived.by(() =>
    attentionOf(
      { ...this.records, functions: this.functions.value ?? [], scopeChanges: this.scopeChanges.value ?? [] },
      this.flags,
      this.clock.now,
      this.staleAfterDays(),
    ),
  );

  count: number = $derived(attentionCount(this.sections));
}
