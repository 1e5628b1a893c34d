import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Program } from '../domain/program';
import type { Matrix, ScoringMode } from '../domain/tradeoffs/model';
import { MetricsRepository } from '../storage/metrics-repo';
import { MatrixRepository } from '../storage/tradeoffs-repo';
import { Live } from './live.svelte';
import { flag, preference } from './preferences.svelte';
import { readProblem, type Result } from './result';
import { useServices, type Services } from './services';
import { Writes } from './writes';

export const MATRIX_TABS = ['setup', 'score', 'weights', 'results', 'decision'] as const;
export type MatrixTab = (typeof MATRIX_TABS)[number];

export const TAB_LABELS: Record<MatrixTab, string> = {
  setup: 'Options and criteria',
  score: 'Score',
  weights: 'Weights',
  results: 'Results',
  decision: 'Decision',
};

/** One program's trade-off matrices: live matrices, metrics and functions, and creating a matrix (see MatrixState for the rest). */
export class TradeoffsState {
  private readonly repo: MatrixRepository;
  private readonly writes: Writes;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly metricsLive: Live<Metric[]>;
  private readonly matricesLive: Live<Matrix[]>;

  tab = $state<MatrixTab>('score');
  /** Colour grid cells by how good they are; remembered on this computer. */
  readonly heatmap = preference('keel.tradeoffs.heatmap', flag, true);

  constructor(
    private readonly program: () => Program,
    private readonly services: Services = useServices(),
  ) {
    this.repo = new MatrixRepository(services.editor);
    this.writes = new Writes(services.editor);
    const metrics = new MetricsRepository(services.editor);
    this.functionsLive = new Live(() => metrics.watchFunctions(this.program().id));
    this.metricsLive = new Live(() => metrics.watchMetrics(this.program().id));
    this.matricesLive = new Live(() => this.repo.watchMatrices(this.program().id));
  }

  /** The program's name, for what is saved from this area (a chart's subtitle). */
  get programName(): string {
    return this.program().name;
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.functionsLive.loaded && this.metricsLive.loaded && this.matricesLive.loaded;
  }
  /** Why the matrices could not be read; shown instead of an empty list. */
  get problem() {
    return readProblem(this.functionsLive.error ?? this.metricsLive.error ?? this.matricesLive.error);
  }
  get functions(): ProgramFunction[] {
    return this.functionsLive.value ?? [];
  }
  get metrics(): Metric[] {
    return this.metricsLive.value ?? [];
  }
  get matrices(): Matrix[] {
    return this.matricesLive.value ?? [];
  }

  // Rebuilt whole on every change of the metrics, never mutated: a plain Map is enough.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  metricsById = $derived.by(() => new Map(this.metrics.map((m) => [m.id, m])));

  /** A new matrix with its question and scale (one undo step); it opens on its options and criteria. */
  async create(question: string, mode: ScoringMode): Promise<Result<Matrix>> {
    const created = await this.writes.run(() => this.repo.create(this.programId, question, mode));
    if (created.ok) this.tab = 'setup';
    return created;
  }
}
