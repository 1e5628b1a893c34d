import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Matrix } from '../domain/tradeoffs/model';
import type { Program } from '../domain/program';
import { MetricsRepository } from '../storage/metrics-repo';
import { MatrixRepository } from '../storage/tradeoffs-repo';
import { Live } from './live.svelte';
import type { Services } from './services';

export const MATRIX_TABS = ['setup', 'score', 'weights', 'results', 'decision'] as const;
export type MatrixTab = (typeof MATRIX_TABS)[number];

export const TAB_LABELS: Record<MatrixTab, string> = {
  setup: 'Options and criteria',
  score: 'Score',
  weights: 'Weights',
  results: 'Results',
  decision: 'Decision',
};

const HEATMAP_KEY = 'keel.tradeoffs.heatmap';

/** UI state of one program's trade-off matrices: live matrices, metrics and functions. */
export class TradeoffsState {
  readonly repo: MatrixRepository;
  readonly metricsRepo: MetricsRepository;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly metricsLive: Live<Metric[]>;
  private readonly matricesLive: Live<Matrix[]>;

  tab = $state<MatrixTab>('score');
  /** Colour grid cells by how good they are; remembered on this computer. */
  heatmap = $state(true);

  constructor(
    services: Services,
    private readonly program: () => Program,
  ) {
    this.repo = new MatrixRepository(services.editor);
    this.metricsRepo = new MetricsRepository(services.editor);
    this.functionsLive = new Live(() => this.metricsRepo.watchFunctions(this.program().id));
    this.metricsLive = new Live(() => this.metricsRepo.watchMetrics(this.program().id));
    this.matricesLive = new Live(() => this.repo.watchMatrices(this.program().id));
    this.heatmap = localStorage.getItem(HEATMAP_KEY) !== 'off';
  }

  setHeatmap(on: boolean) {
    this.heatmap = on;
    localStorage.setItem(HEATMAP_KEY, on ? 'on' : 'off');
  }

  get programId(): string {
    return this.program().id;
  }
  get loaded(): boolean {
    return this.functionsLive.loaded && this.metricsLive.loaded && this.matricesLive.loaded;
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
}
