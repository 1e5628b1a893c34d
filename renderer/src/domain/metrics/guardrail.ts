import type { Guardrail } from './model';

// The guardrail rule alone, apart from status.ts: the trade-off area's vetoes and the revisit
// flags need only this, not the trend and status rules around it.

/** Whether a value crosses the guardrail (the guardrail holds while `value <op> guardrail`). */
export function breaches(value: number, guardrail: Guardrail | null): boolean {
  if (!guardrail) return false;
  switch (guardrail.op) {
    case 'gte':
      return !(value >= guardrail.value);
    case 'gt':
      return !(value > guardrail.value);
    case 'lte':
      return !(value <= guardrail.value);
    case 'lt':
      return !(value < guardrail.value);
  }
}
