import { agreementOf, isOwned, type Agreement } from '../domain/metrics/agreement';
import { categoryLabel, type Metric, type ProgramFunction } from '../domain/metrics/model';
import { metricStatus, type MetricStatus, type StatusResult } from '../domain/metrics/status';
import type { Program } from '../domain/program';
import { MetricsRepository } from '../storage/metrics-repo';
import { Live } from './live.svelte';
import type { Services } from './services';

export type MetricsView = 'list' | 'alignment';

const SIGNER_KEY = 'keel.signer';

/** One metric with what the list shows about it, computed once per change. */
export interface MetricRow {
  metric: Metric;
  status: StatusResult;
  agreement: Agreement;
  owned: boolean;
  category: string;
}

/** UI state of one program's shared metrics: live data, computed status and agreement, filters. */
export class MetricsState {
  readonly repo: MetricsRepository;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly metricsLive: Live<Metric[]>;

  view = $state<MetricsView>('list');
  search = $state('');
  statusFilter = $state<MetricStatus | 'all'>('all');
  /** Who signs off in this window; remembered on this computer. */
  signer = $state('');

  constructor(
    services: Services,
    private readonly program: () => Program,
  ) {
    this.repo = new MetricsRepository(services.editor);
    this.functionsLive = new Live(() => this.repo.watchFunctions(this.program().id));
    this.metricsLive = new Live(() => this.repo.watchMetrics(this.program().id));
    this.signer = localStorage.getItem(SIGNER_KEY) ?? '';
  }

  get programId(): string {
    return this.program().id;
  }

  get loaded(): boolean {
    return this.functionsLive.loaded && this.metricsLive.loaded;
  }
  get error(): unknown {
    return this.functionsLive.error ?? this.metricsLive.error;
  }
  get functions(): ProgramFunction[] {
    return this.functionsLive.value ?? [];
  }
  get metrics(): Metric[] {
    return this.metricsLive.value ?? [];
  }

  /** Every metric with its status and agreement, in creation order. */
  rows = $derived.by((): MetricRow[] =>
    [...this.metrics]
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((metric) => ({
        metric,
        status: metricStatus(metric),
        agreement: agreementOf(metric, this.functions),
        owned: isOwned(metric, this.functions),
        category: categoryLabel(metric),
      })),
  );

  visibleRows = $derived.by(() => {
    const query = this.search.trim().toLocaleLowerCase();
    return this.rows.filter(
      (row) =>
        (this.statusFilter === 'all' || row.status.status === this.statusFilter) &&
        (!query || `${row.metric.name} ${row.category} ${row.metric.description}`.toLocaleLowerCase().includes(query)),
    );
  });

  rememberSigner(name: string) {
    this.signer = name;
    localStorage.setItem(SIGNER_KEY, name);
  }
}
