// Shared success metrics: one precise definition per metric, agreed by every function of the
// program, with versions, sign-offs and readings over time.
import { ownValue } from '../ids';

/** A stakeholder group of the program (engineering, product, leadership, ...). */
export interface ProgramFunction {
  id: string;
  programId: string;
  name: string;
  /** A metric is agreed only when every required function agrees. */
  required: boolean;
  /** Position in the list, 0 first. */
  order: number;
}

export const DEFAULT_FUNCTIONS = ['Engineering', 'Product', 'Leadership'] as const;

export const METRIC_CATEGORIES = [
  'quality',
  'reliability',
  'latency',
  'cost',
  'safety',
  'experience',
  'business',
  'custom',
] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<MetricCategory, string> = {
  quality: 'Quality and accuracy',
  reliability: 'Reliability',
  latency: 'Latency',
  cost: 'Cost efficiency',
  safety: 'Controllability and safety',
  experience: 'User experience',
  business: 'Business impact',
  custom: 'Custom',
};

export const DIRECTIONS = ['higher', 'lower', 'range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  range: 'Within a range',
};

/** The guardrail holds while `reading <op> value`; a reading that fails it breaches it. */
export const GUARDRAIL_OPS = ['gte', 'gt', 'lte', 'lt'] as const;
export type GuardrailOp = (typeof GUARDRAIL_OPS)[number];

export const OP_SYMBOLS: Record<GuardrailOp, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };

export interface Guardrail {
  op: GuardrailOp;
  value: number;
}

export interface Baseline {
  value: number | null;
  /** YYYY-MM-DD, or empty. */
  date: string;
}

export interface Target {
  /** The target; for a range metric, the low end of the target range. */
  value: number | null;
  /** For a range metric, the high end of the target range; otherwise null. */
  high: number | null;
  /** YYYY-MM-DD by when the target should be met, or empty. */
  by: string;
}

/**
 * The fields a sign-off agrees to. Changing any of them after someone has signed starts a new
 * version and asks every function again.
 */
export interface MetricContract {
  formula: string;
  numerator: string;
  denominator: string;
  unit: string;
  direction: Direction;
  baseline: Baseline;
  target: Target;
  guardrail: Guardrail | null;
  window: string;
}

export const CONTRACT_FIELDS = [
  'formula',
  'numerator',
  'denominator',
  'unit',
  'direction',
  'baseline',
  'target',
  'guardrail',
  'window',
] as const satisfies readonly (keyof MetricContract)[];
export type ContractField = (typeof CONTRACT_FIELDS)[number];

export const SIGNOFF_STATES = ['agree', 'object'] as const;
export type SignoffState = (typeof SIGNOFF_STATES)[number];
/** What a function has said about a version; no record means pending. */
export type AgreementChoice = SignoffState | 'pending';

export interface Signoff {
  functionId: string;
  /** The function's name when it signed, so old versions stay readable after a rename. */
  functionName: string;
  state: SignoffState;
  /** Why the function objects (required for an objection), or a remark with an agreement. */
  reason: string;
  /** Who signed for the function. */
  by: string;
  at: number;
}

/** A version that was superseded, kept read-only with the sign-offs it had. */
export interface MetricVersion extends MetricContract {
  version: number;
  signoffs: Signoff[];
  /** When the version was superseded. */
  supersededAt: number;
}

export interface Reading {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  value: number;
  note: string;
}

export interface Metric extends MetricContract {
  id: string;
  programId: string;
  name: string;
  description: string;
  category: MetricCategory;
  /** The category's name when `category` is custom. */
  customCategory: string;
  /** The decision this metric informs. */
  decision: string;
  dataSource: string;
  cadence: string;
  ownerPerson: string;
  /** Id of the owning ProgramFunction, or empty when no function owns it. */
  ownerFunctionId: string;
  /** The current version's number, from 1. */
  version: number;
  /** Sign-offs on the current version. */
  signoffs: Signoff[];
  /** Earlier versions, oldest first. */
  versions: MetricVersion[];
  /** In date order. */
  readings: Reading[];
  createdAt: number;
  updatedAt: number;
}

export const METRIC_NAME_MAX = 120;
export const METRIC_TEXT_MAX = 5000;
export const METRIC_SHORT_MAX = 200;
export const FUNCTION_NAME_MAX = 60;
export const FUNCTIONS_MAX = 20;
export const READINGS_MAX = 100_000;
export const READING_NOTE_MAX = 1000;

/** The fields of a new metric that are not about identity or bookkeeping. */
export type MetricDraft = Omit<Metric, 'id' | 'programId' | 'version' | 'signoffs' | 'versions' | 'readings' | 'createdAt' | 'updatedAt'>;

export function emptyContract(): MetricContract {
  return {
    formula: '',
    numerator: '',
    denominator: '',
    unit: '',
    direction: 'higher',
    baseline: { value: null, date: '' },
    target: { value: null, high: null, by: '' },
    guardrail: null,
    window: '',
  };
}

export function emptyMetricDraft(name: string, category: MetricCategory = 'quality'): MetricDraft {
  return {
    ...emptyContract(),
    name,
    description: '',
    category,
    customCategory: '',
    decision: '',
    dataSource: '',
    cadence: '',
    ownerPerson: '',
    ownerFunctionId: '',
  };
}

export function categoryLabel(metric: Pick<Metric, 'category' | 'customCategory'>): string {
  return metric.category === 'custom' && metric.customCategory.trim() ? metric.customCategory : CATEGORY_LABELS[metric.category];
}

// Intl formatters are slow to create and fast to use: one per number of decimals, made once.
const formatters = new Map<number, Intl.NumberFormat>();
function formatter(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

// Money units people type: a symbol, or an ISO 4217 code such as USD.
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };
let currencyCodes: Set<string> | undefined;

/** The currency a metric's unit names ("USD", "$", "€"), or undefined when the unit is not money. */
function currencyOf(unit: string): string | undefined {
  const u = unit.trim();
  // Own members only: a unit typed as "toString" is not money.
  const symbol = ownValue(CURRENCY_SYMBOLS, u);
  if (symbol) return symbol;
  if (!/^[A-Z]{3}$/.test(u)) return undefined;
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return currencyCodes.has(u) ? u : undefined;
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();
/** An amount in a currency, with its cents (and fractions of a cent below one unit: a cost per request). */
function formatMoney(value: number, currency: string): string {
  const small = Math.abs(value) < 1;
  const key = `${currency}|${small}`;
  let f = moneyFormatters.get(key);
  if (!f) {
    const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: cents, maximumFractionDigits: small ? Math.max(cents, 4) : cents });
    moneyFormatters.set(key, f);
  }
  return f.format(value);
}

/** A number as people write it: up to 4 significant decimals, no exponent for everyday sizes; money as money ($0.30). */
export function formatValue(value: number | null, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const currency = currencyOf(unit);
  if (currency) return formatMoney(value, currency);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 3 : 4;
  const text = formatter(digits).format(Number(value.toFixed(digits)));
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

export function describeGuardrail(guardrail: Guardrail | null, unit = ''): string {
  if (!guardrail) return 'No guardrail';
  return `Must stay ${OP_SYMBOLS[guardrail.op]} ${formatValue(guardrail.value, unit)}`;
}

/** A target range's two ends, low first: entered high end first still means the same range. */
export function rangeEnds(value: number, high: number): [low: number, high: number] {
  return value <= high ? [value, high] : [high, value];
}

export function describeTarget(contract: Pick<MetricContract, 'target' | 'direction' | 'unit'>): string {
  const { target, direction, unit } = contract;
  if (direction === 'range') {
    if (target.value === null || target.high === null) return 'No target range';
    const [low, high] = rangeEnds(target.value, target.high);
    // "10 to 30 ms", but "$0.10 to $0.30": money carries its symbol on both ends.
    return `${formatValue(low, currencyOf(unit) ? unit : '')} to ${formatValue(high, unit)}`;
  }
  if (target.value === null) return 'No target';
  return `${direction === 'higher' ? '≥' : '≤'} ${formatValue(target.value, unit)}`;
}
