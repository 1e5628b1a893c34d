import { describe, expect, it } from 'vitest';
import { describeGuardrail, describeTarget, formatValue } from '../../../../renderer/src/domain/metrics/model';

describe('formatValue', () => {
  it('writes a money unit as money: the symbol first, cents shown', () => {
    expect(formatValue(0.3, 'USD')).toBe('$0.30');
    expect(formatValue(0.3, '$')).toBe('$0.30');
    expect(formatValue(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatValue(1234.5, '€')).toBe('€1,234.50');
    expect(formatValue(-2, 'GBP')).toBe('-£2.00');
    // Fractions of a cent (cost per request) keep their digits.
    expect(formatValue(0.0042, 'USD')).toBe('$0.0042');
    expect(formatValue(1234.5, 'JPY')).toBe('¥1,235');
  });

  it('reads a unit named like an object member as a plain unit, not as money', () => {
    expect(formatValue(3, 'toString')).toBe('3 toString');
    expect(formatValue(3, '__proto__')).toBe('3 __proto__');
  });

  it('keeps other units after the number, and % attached', () => {
    expect(formatValue(92.5, '%')).toBe('92.5%');
    expect(formatValue(450, 'ms')).toBe('450 ms');
    // Three capitals that are no currency are a unit like any other.
    expect(formatValue(12, 'TPS')).toBe('12 TPS');
    expect(formatValue(3, 'users')).toBe('3 users');
    expect(formatValue(null, 'USD')).toBe('–');
  });

  it('reads targets and guardrails in money the same way, both ends of a range too', () => {
    expect(describeTarget({ target: { value: 0.3, high: null, by: '' }, direction: 'lower', unit: 'USD' })).toBe('≤ $0.30');
    expect(describeTarget({ target: { value: 0.1, high: 0.3, by: '' }, direction: 'range', unit: '$' })).toBe('$0.10 to $0.30');
    expect(describeTarget({ target: { value: 10, high: 30, by: '' }, direction: 'range', unit: 'ms' })).toBe('10 to 30 ms');
    expect(describeGuardrail({ op: 'lte', value: 0.5 }, 'USD')).toBe('Must stay ≤ $0.50');
  });
});
