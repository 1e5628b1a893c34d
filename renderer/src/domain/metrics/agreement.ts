import { withoutDirectionControls } from '../check';
import type { AgreementChoice, Metric, MetricVersion, ProgramFunction, Signoff, SignoffState } from './model';
import { diffContracts } from './versions';

// Agreement of a metric's current version across the program's functions.

export type AgreementState = 'agreed' | 'objected' | 'pending' | 'no-required';

export const AGREEMENT_LABELS: Record<AgreementState, string> = {
  agreed: 'Agreed',
  objected: 'Objected',
  pending: 'Awaiting sign-off',
  'no-required': 'No function required',
};

export const CHOICE_LABELS: Record<AgreementChoice, string> = { agree: 'Agrees', object: 'Objects', pending: 'Pending' };

export interface Agreement {
  state: AgreementState;
  /** Required functions that agree, out of all required functions. */
  agreed: number;
  required: number;
  /** Objections from any current function, required or not. */
  objections: Signoff[];
}

export function signoffOf(metric: Pick<Metric | MetricVersion, 'signoffs'>, functionId: string): Signoff | undefined {
  return metric.signoffs.find((s) => s.functionId === functionId);
}

export function choiceOf(metric: Pick<Metric, 'signoffs'>, functionId: string): AgreementChoice {
  return signoffOf(metric, functionId)?.state ?? 'pending';
}

/** A metric is agreed only when every required function agrees; any required objection blocks it. */
export function agreementOf(metric: Pick<Metric, 'signoffs'>, functions: readonly ProgramFunction[]): Agreement {
  const required = functions.filter((f) => f.required);
  const agreed = required.filter((f) => choiceOf(metric, f.id) === 'agree').length;
  const current = new Set(functions.map((f) => f.id));
  const objections = metric.signoffs.filter((s) => s.state === 'object' && current.has(s.functionId));
  let state: AgreementState;
  if (required.length === 0) state = 'no-required';
  else if (required.some((f) => choiceOf(metric, f.id) === 'object')) state = 'objected';
  else state = agreed === required.length ? 'agreed' : 'pending';
  return { state, agreed, required: required.length, objections };
}

/**
 * The current version's sign-offs after one function records a choice. Pending removes its
 * record. An objection needs a reason, so the team knows what to resolve.
 */
export function withSignoff(
  signoffs: readonly Signoff[],
  fn: Pick<ProgramFunction, 'id' | 'name'>,
  choice: AgreementChoice,
  details: { reason: string; by: string; at: number },
): Signoff[] {
  const others = signoffs.filter((s) => s.functionId !== fn.id);
  if (choice === 'pending') return others;
  const reason = withoutDirectionControls(details.reason).trim();
  if (choice === 'object' && !reason) throw new Error('An objection needs a reason.');
  const state: SignoffState = choice;
  return [...others, { functionId: fn.id, functionName: fn.name, state, reason, by: withoutDirectionControls(details.by).trim(), at: details.at }];
}

/** Whether a metric has an owner among the program's current functions. */
export function isOwned(metric: Pick<Metric, 'ownerFunctionId'>, functions: readonly ProgramFunction[]): boolean {
  return metric.ownerFunctionId !== '' && functions.some((f) => f.id === metric.ownerFunctionId);
}

/** A function's objection to a version a contract change has since replaced. */
export interface EarlierObjection {
  signoff: Signoff;
  /** The version objected to. */
  version: number;
  /** What the contract changed since that version, by label ("Target"). */
  changed: string[];
}

/**
 * Objections that a new version set aside: a current function that has not signed the current
 * version, whose last word (on the latest version it signed) was an objection. The objection
 * was about the old contract; the function should see it, with what has changed since.
 */
export function earlierObjections(metric: Metric, functions: readonly ProgramFunction[]): EarlierObjection[] {
  return functions.flatMap((f) => {
    if (signoffOf(metric, f.id)) return [];
    const latest = [...metric.versions].reverse().find((v) => signoffOf(v, f.id));
    const signoff = latest && signoffOf(latest, f.id);
    if (!latest || signoff?.state !== 'object') return [];
    return [{ signoff, version: latest.version, changed: diffContracts(latest, metric).map((line) => line.label) }];
  });
}
