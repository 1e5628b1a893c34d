// First render of the shared-metrics table with 500 metrics (MetricList.svelte) against a plain
// DOM table of the same rows built with createElement/textContent. Both start from the same
// precomputed MetricRow[] (status, agreement, owner, category: computed before timing, as
// MetricsState.rows does once per change) and both format the cell texts while timed, with the
// same domain functions the component calls. Both are timed until layout.
import { flushSync, mount, unmount } from 'svelte';
import '../../../renderer/src/styles/app.css';
import MetricList from '../../../renderer/src/views/metrics/MetricList.svelte';
import { AGREEMENT_LABELS } from '../../../renderer/src/domain/metrics/agreement';
import { describeGuardrail, describeTarget, formatValue, type ProgramFunction } from '../../../renderer/src/domain/metrics/model';
import { METRIC_STATUSES, STATUS_LABELS, type MetricStatus } from '../../../renderer/src/domain/metrics/status';
import type { MetricRow } from '../../../renderer/src/state/metrics.svelte';
import { routeHref } from '../../../renderer/src/state/routes';
import { BENCH_PROGRAM_ID, makeFunctions, makeMetrics, metricRows } from '../lib/data';
import { compare, median } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const COUNT = 500;
const READINGS = 50;
const HEADERS = ['Metric', 'Owner', 'Agreement', 'Latest', 'Target', 'Guardrail', 'Status'];
/** StatusBadge's symbols, so colour is never the only cue. */
const SYMBOLS: Record<MetricStatus, string> = { breached: '✕', 'at-risk': '!', 'on-track': '✓', 'no-data': '–' };

/** As MetricsArea links each metric. */
const hrefOf = (id: string) => routeHref({ name: 'program', programId: BENCH_PROGRAM_ID, area: 'metrics', recordId: id });

function renderSvelte(target: HTMLElement, rows: MetricRow[], functions: ProgramFunction[]) {
  const component = mount(MetricList, { target, props: { rows, functions, hrefOf } });
  flushSync();
  return component;
}

/** The scoping classes Svelte gave MetricList's and StatusBadge's elements (`svelte-<hash>`). */
interface Scopes {
  list: string;
  badge: string;
}

function readScopes(target: HTMLElement, rows: MetricRow[], functions: ProgramFunction[]): Scopes {
  const component = renderSvelte(target, rows.slice(0, 1), functions);
  const scope = (selector: string) => {
    const el = target.querySelector(selector);
    const found = [...(el?.classList ?? [])].find((c) => c.startsWith('svelte-'));
    if (!found) throw new Error(`MetricList no longer renders a scoped ${selector}; update the plain baseline to match`);
    return found;
  };
  const scopes = { list: scope('tbody th'), badge: scope('tbody td:last-child > span') };
  void unmount(component);
  target.textContent = '';
  return scopes;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Elements no component style targets carry no class at all, as Svelte renders them.
  if (className) node.className = className;
  return node;
}

function cell(text: string, scope: string): HTMLTableCellElement {
  const td = el('td', scope);
  td.textContent = text;
  return td;
}

/** The same table, element for element and text for text, by hand; texts formatted here too. */
function buildPlain(target: HTMLElement, rows: readonly MetricRow[], functions: readonly ProgramFunction[], { list: s, badge: b }: Scopes): void {
  const functionName = new Map(functions.map((f) => [f.id, f.name]));
  // Shared app.css classes are unscoped; Svelte scopes only what MetricList's own styles target.
  const scroll = el('div', 'table-frame');
  const table = el('table', 'data-table');
  const thead = el('thead', '');
  const headRow = document.createElement('tr');
  for (const label of HEADERS) {
    const th = document.createElement('th');
    th.setAttribute('scope', 'col');
    if (label === 'Latest') th.className = `num ${s}`;
    th.textContent = label;
    headRow.append(th);
  }
  thead.append(headRow);
  const tbody = el('tbody', s);
  for (const row of rows) {
    const m = row.metric;
    const tr = el('tr', '');

    const th = document.createElement('th');
    th.setAttribute('scope', 'row');
    th.className = s;
    const link = document.createElement('a');
    link.setAttribute('dir', 'auto');
    link.setAttribute('href', hrefOf(m.id));
    link.textContent = m.name;
    const version = el('span', `sub ${s}`);
    version.textContent = `${row.category} · v${m.version}`;
    th.append(link, ' ', version);

    const owner = el('td', '');
    if (row.owned) {
      owner.append(functionName.get(m.ownerFunctionId) ?? '');
      if (m.ownerPerson) {
        const person = el('span', `sub ${s}`);
        person.setAttribute('dir', 'auto');
        person.textContent = m.ownerPerson;
        owner.append(person);
      }
    } else {
      const warn = el('span', 'flag-warn');
      warn.textContent = 'No owner';
      owner.append(warn);
    }

    const agreementCell = el('td', '');
    const agreement = el('span', `agreement ${row.agreement.state} ${s}`);
    agreement.textContent =
      row.agreement.state === 'pending'
        ? `${row.agreement.agreed} of ${row.agreement.required} agreed`
        : AGREEMENT_LABELS[row.agreement.state];
    agreementCell.append(agreement);

    const latest = el('td', `num user-text ${s}`);
    latest.textContent = `${formatValue(row.status.latest?.value ?? null, m.unit)} `;
    if (row.status.latest) {
      const date = el('span', `sub ${s}`);
      date.textContent = row.status.latest.date;
      latest.append(date);
    }

    const statusCell = el('td', '');
    const badge = el('span', `badge ${row.status.status} ${b}`);
    badge.setAttribute('title', row.status.reason);
    const symbol = document.createElement('span');
    symbol.setAttribute('aria-hidden', 'true');
    symbol.textContent = SYMBOLS[row.status.status];
    badge.append(symbol, ` ${STATUS_LABELS[row.status.status]}`);
    statusCell.append(badge);

    tr.append(
      th,
      owner,
      agreementCell,
      latest,
      // Long units wrap (app.css's user-text); no component style targets these cells.
      cell(describeTarget(m), 'user-text'),
      cell(m.guardrail ? describeGuardrail(m.guardrail, m.unit).replace('Must stay ', '') : '–', 'user-text'),
      statusCell,
    );
    tbody.append(tr);
  }
  table.append(thead, tbody);
  scroll.append(table);
  target.append(scroll);
}

/** The rendered markup without Svelte's comment anchors (whitespace text nodes are kept). */
function markup(target: HTMLElement): string {
  return target.innerHTML.replace(/<!--[^]*?-->/g, '');
}

/** The cell texts alone (what both sides format while timed), for the note. */
function formatTexts(rows: readonly MetricRow[]): number {
  let chars = 0;
  for (const { metric: m, status } of rows) {
    chars += hrefOf(m.id).length + formatValue(status.latest?.value ?? null, m.unit).length + describeTarget(m).length;
    chars += m.guardrail ? describeGuardrail(m.guardrail, m.unit).replace('Must stay ', '').length : 1;
  }
  return chars;
}

const bench: Benchmark = {
  name: 'metrics.list500',
  unit: 'ms',
  target: 1.3,
  baselineLabel:
    `plain DOM (createElement/textContent) of the same ${COUNT} metric rows (${READINGS} readings each), from the same ` +
    'precomputed MetricRow[] (metricStatus/agreementOf/isOwned/categoryLabel before timing); both format the cell texts ' +
    '(formatValue, describeTarget, describeGuardrail, hrefOf) while timed; same app.css and component styles, same ' +
    'markup (checked); both timed until forced layout',
  async run() {
    const functions = makeFunctions();
    const rows = metricRows(makeMetrics(COUNT, READINGS, functions), functions);
    const target = document.createElement('div');
    target.id = 'bench-render';
    document.body.append(target);
    try {
      const scopes = readScopes(target, rows, functions);

      // The baseline must build exactly what the component builds, or the ratio means nothing.
      const component = renderSvelte(target, rows, functions);
      const fromSvelte = markup(target);
      const rendered = target.querySelectorAll('tbody > tr').length;
      void unmount(component);
      target.textContent = '';
      if (rendered !== COUNT) throw new Error(`MetricList rendered ${rendered} rows, expected ${COUNT}`);
      buildPlain(target, rows, functions, scopes);
      const plain = markup(target);
      target.textContent = '';
      if (fromSvelte !== plain) {
        let at = 0;
        while (at < plain.length && plain[at] === fromSvelte[at]) at++;
        throw new Error(
          `The plain baseline no longer matches MetricList's markup; update buildPlain.\n` +
            `  svelte: ...${fromSvelte.slice(Math.max(0, at - 80), at + 120)}\n` +
            `  plain:  ...${plain.slice(Math.max(0, at - 80), at + 120)}`,
        );
      }

      // Script (mount + flushSync, or building the DOM) apart from layout, warm-up included.
      const script = { value: [] as number[], baseline: [] as number[] };
      const result = await compare(
        async () => {
          const start = performance.now();
          const instance = renderSvelte(target, rows, functions);
          const built = performance.now();
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          script.value.push(built - start);
          void unmount(instance);
          target.textContent = '';
          void document.body.offsetHeight;
          return ms;
        },
        async () => {
          const start = performance.now();
          buildPlain(target, rows, functions, scopes);
          const built = performance.now();
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          script.baseline.push(built - start);
          target.textContent = '';
          void document.body.offsetHeight;
          return ms;
        },
        { warmup: 5, reps: 21 },
      );

      const formatting: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        formatTexts(rows);
        formatting.push(performance.now() - start);
      }
      const counts = METRIC_STATUSES.map((s) => `${rows.filter((r) => r.status.status === s).length} ${s}`).join(', ');
      const agreement = ['agreed', 'pending', 'objected'].map((s) => `${rows.filter((r) => r.agreement.state === s).length} ${s}`).join(', ');
      return {
        ...result,
        note:
          `${COUNT} rows: ${counts}; ${agreement}; ${rows.filter((r) => !r.owned).length} without owner. ` +
          `Script before layout (median): MetricList ${median(script.value).toFixed(1)} ms, plain ` +
          `${median(script.baseline).toFixed(1)} ms. Formatting the cell texts alone (in both timings): ` +
          `${median(formatting).toFixed(1)} ms (median of 7).`,
      };
    } finally {
      target.remove();
    }
  },
};

export default bench;
