import type { Metric, ProgramFunction } from '../domain/metrics/model';
import { metricRows, type MetricRow } from '../domain/metrics/rows';
import type { MetricStatus } from '../domain/metrics/status';
import type { Program } from '../domain/program';
import { MetricsRepository } from '../storage/metrics-repo';
import { Live } from './live.svelte';
import type { Services } from './services';

export type MetricsView = 'list' | 'alignment';
export type MetricsSort = 'status' | 'name' | 'added';

export const SORT_LABELS: Record<MetricsSort, string> = {
  status: 'Status, worst first',
  name: 'Name A–Z',
  added: 'Date added',
};
const SEVERITY: Record<MetricStatus, number> = { breached: 0, 'at-risk': 1, 'no-data': 2, 'on-track': 3 };

const SIGNER_KEY = 'keel.signer';
const SORT_KEY = 'keel.metrics.sort';

export type { MetricRow };

/** UI state of one program's shared metrics: live data, computed status and agreement, filters. */
export class MetricsState {
  readonly repo: MetricsRepository;
  private readonly functionsLive: Live<ProgramFunction[]>;
  private readonly metricsLive: Live<Metric[]>;

  view = $state<MetricsView>('list');
  search = $state('');
  statusFilter = $state<MetricStatus | 'all'>('all');
  sort = $state<MetricsSort>('status');
  /** Refreshed each hour so "days since the last reading" follows the clock. */
  now = $state(Date.now());
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
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), 3_600_000);
      return () => clearInterval(timer);
    });
    const sort = localStorage.getItem(SORT_KEY);
    if (sort && sort in SORT_LABELS) this.sort = sort as MetricsSort;
  }

  setSort(sort: MetricsSort) {
    this.sort = sort;
    localStorage.setItem(SORT_KEY, sort);
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
  rows = $derived.by(() => metricRows(this.metrics, this.functions, this.now, this.program().staleAfterDays));

  visibleRows = $derived.by(() => {
    const query = this.search.trim().toLocaleLowerCase();
    const shown = this.rows.filter(
      (row) =>
        (this.statusFilter === 'all' || row.status.status === this.statusFilter) &&
        (!query || `${row.metric.name} ${row.category} ${row.metric.description}`.toLocaleLowerCase().includes(query)),
    );
    const byName = (a: MetricRow, b: MetricRow) => a.metric.name.localeCompare(b.metric.name);
    // Rows are in creation order already; sort is stable, so ties keep that order.
    if (this.sort === 'name') return shown.sort(byName);
    if (this.sort === 'status') return shown.sort((a, b) => SEVERITY[a.status.status] - SEVERITY[b.status.status]);
    return shown;
  });

  rememberSigner(name: string) {
    this.signer = name;
    localStorage.setItem(SIGNER_KEY, name);
  }
}
