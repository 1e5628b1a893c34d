import fc from 'fast-check';
import type { Check } from '../../../renderer/src/domain/check';

// The values every area's arbitraries are built from.

export const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
export const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
export const day = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const score = fc.integer({ min: 10, max: 50 }).map((n) => n / 10);
/** A name, title or question as the app stores it: cleaned by the same rule the reader applies. */
export const line = (check: (raw: string) => Check<string>, maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength, unit: 'grapheme' })
    .map((raw) => check(raw))
    .filter((checked) => checked.ok)
    .map((checked) => (checked.ok ? checked.value : ''));
