import {
  CONTRACT_FIELDS,
  describeGuardrail,
  describeTarget,
  DIRECTION_LABELS,
  formatValue,
  type ContractField,
  type Metric,
  type MetricContract,
  type MetricVersion,
} from './model';

// Versions of a metric's contract. While nobody has signed the current version it is a draft
// and edits change it in place; once any function has agreed or objected, changing a contract
// field keeps that version (with its sign-offs) read-only and starts the next one, pending.

export type MetricPatch = Partial<Omit<Metric, 'id' | 'programId' | 'version' | 'signoffs' | 'versions' | 'createdAt' | 'updatedAt'>>;

export const CONTRACT_LABELS: Record<ContractField, string> = {
  formula: 'Formula',
  numerator: 'Numerator',
  denominator: 'Denominator',
  unit: 'Unit',
  direction: 'Direction',
  baseline: 'Baseline',
  target: 'Target',
  guardrail: 'Guardrail',
  window: 'Window',
};

export function contractOf(source: MetricContract): MetricContract {
  const { formula, numerator, denominator, unit, direction, baseline, target, guardrail, window } = source;
  return {
    formula,
    numerator,
    denominator,
    unit,
    direction,
    baseline: { ...baseline },
    target: { ...target },
    guardrail: guardrail ? { ...guardrail } : null,
    window,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function changedContractFields(before: MetricContract, after: MetricContract): ContractField[] {
  return CONTRACT_FIELDS.filter((field) => !same(before[field], after[field]));
}

/** Whether the current version has been signed (agreed or objected) by anyone. */
export function isSigned(metric: Pick<Metric, 'signoffs'>): boolean {
  return metric.signoffs.length > 0;
}

export interface PatchOutcome {
  metric: Metric;
  /** Set when the patch started a new version (and reset the sign-offs). */
  newVersion: number | null;
  changedContract: ContractField[];
}

export function applyMetricPatch(metric: Metric, patch: MetricPatch, now: number): PatchOutcome {
  const next: Metric = { ...metric, ...patch, updatedAt: now };
  const changedContract = changedContractFields(metric, next);
  const previous = metric.versions.at(-1);
  if (changedContract.length > 0 && !isSigned(metric) && previous && changedContractFields(previous, next).length === 0) {
    // Edited back to exactly what the previous version said before anyone signed this one
    // (a letter typed and deleted): that version and its signatures stand again.
    return {
      metric: { ...next, version: previous.version, signoffs: previous.signoffs.map((s) => ({ ...s })), versions: metric.versions.slice(0, -1) },
      newVersion: null,
      changedContract,
    };
  }
  if (changedContract.length === 0 || !isSigned(metric)) return { metric: next, newVersion: null, changedContract };
  const kept: MetricVersion = {
    ...contractOf(metric),
    version: metric.version,
    signoffs: metric.signoffs.map((s) => ({ ...s })),
    supersededAt: now,
  };
  const version = metric.version + 1;
  return {
    metric: { ...next, version, signoffs: [], versions: [...metric.versions, kept] },
    newVersion: version,
    changedContract,
  };
}

/** How a contract field reads to a person, for the version diff. */
export function describeContractField(contract: MetricContract, field: ContractField): string {
  switch (field) {
    case 'direction':
      return DIRECTION_LABELS[contract.direction];
    case 'baseline':
      return contract.baseline.value === null
        ? 'Not set'
        : `${formatValue(contract.baseline.value, contract.unit)}${contract.baseline.date ? ` on ${contract.baseline.date}` : ''}`;
    case 'target': {
      const text = describeTarget(contract);
      return contract.target.by ? `${text} by ${contract.target.by}` : text;
    }
    case 'guardrail':
      return describeGuardrail(contract.guardrail, contract.unit);
    default:
      return contract[field] || '(empty)';
  }
}

export interface ContractDiffLine {
  field: ContractField;
  label: string;
  before: string;
  after: string;
}

/** What changed between two versions, field by field, in the contract's order. */
export function diffContracts(before: MetricContract, after: MetricContract): ContractDiffLine[] {
  return changedContractFields(before, after).map((field) => ({
    field,
    label: CONTRACT_LABELS[field],
    before: describeContractField(before, field),
    after: describeContractField(after, field),
  }));
}

/** Every version, oldest first, with the current one last. */
export function allVersions(metric: Metric): MetricVersion[] {
  return [...metric.versions, { ...contractOf(metric), version: metric.version, signoffs: metric.signoffs, supersededAt: 0 }];
}
