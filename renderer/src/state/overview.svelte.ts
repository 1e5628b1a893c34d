import type { Metric, ProgramFunction } from '../domain/metrics/model';
import { metricRows, type MetricRow } from '../domain/metrics/rows';
import { MetricsRepository } from '../storage/metrics-repo';
import { watchMatrixHeadlines, type MatrixHeadline } from '../storage/matrix-headlines';
import { Live } from './live.svelte';
import { readProblem } from './result';
import { useServices, type Services } from './services';

export type { MatrixHeadline, MetricRow };

/**
 * What a program's overview shows of its areas: its metrics' status and agreement, and its
 * trade-off matrices' standing. Read without loading the areas themselves (their repositories,
 * analysis and views stay in their own chunks).
 */
export class OverviewState {
  private readonly metricsLive: Live<Metric[]>;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly matricesLive: Live<MatrixHeadline[]>;

  constructor(
    private readonly programId: () => string,
    services: Services = useServices(),
  ) {
    const metrics = new MetricsRepository(services.editor);
    this.metricsLive = new Live(() => metrics.watchMetrics(this.programId()));
    this.functionsLive = new Live(() => metrics.watchFunctions(this.programId()));
    this.matricesLive = new Live(() => watchMatrixHeadlines(services.db, this.programId()));
  }

  get metricsLoaded(): boolean {
    return this.metricsLive.loaded && this.functionsLive.loaded;
  }
  get metricsProblem() {
    return readProblem(this.metricsLive.error ?? this.functionsLive.error);
  }
  /** Every metric with its status and agreement; staleness is shown on the metrics' own pages, not here. */
  metricRows = $derived.by(() => metricRows(this.metricsLive.value ?? [], this.functionsLive.value ?? [], 0, 0));

  get matricesLoaded(): boolean {
    return this.matricesLive.loaded;
  }
  get matricesProblem() {
    return readProblem(this.matricesLive.error);
  }
  get matrices(): MatrixHeadline[] {
    return this.matricesLive.value ?? [];
  }
}
