// Numbers as people type or paste them: 92%, 1,234.5, 45 ms, 1.5E-07. Read once, here, for the
// CSV reader and every number field, with a sentence when it is not a number.

import type { Check } from './check';
import { quoted } from './words';

// Plain digits, or digits grouped in threes by commas or by spaces, then an optional fraction and
// exponent (spreadsheets export very small numbers as 1.5E-07).
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;
const STARTS_LIKE_NUMBER = /^[+-]?\.?\d/;
const GROUP_SEPARATORS = /[, \u00a0\u202f]/g;
const VALUE_MAX = 1e15;

// A currency sign before the number ($0.30, -€12) says what the number is, never what it is worth.
const LEADING_CURRENCY = /^([+-]?)\s*[$€£¥₹]\s*/u;

/**
 * "45 ms" in a metric measured in ms is 45: the metric's own unit may follow the number, or come
 * before it ("USD 3.5"), and a currency sign may come before it in any metric ("$0.30").
 */
function withoutUnit(text: string, unit: string): string {
  const u = unit.trim();
  const lower = text.toLocaleLowerCase();
  let body = text;
  if (u && lower.endsWith(u.toLocaleLowerCase())) body = text.slice(0, text.length - u.length).trimEnd();
  else if (u && lower.startsWith(u.toLocaleLowerCase())) body = text.slice(u.length).trimStart();
  return body.replace(LEADING_CURRENCY, '$1');
}

/**
 * A value as text: 92% is 92 (the unit says what it means), 1,234.5 is 1234.5. `delimiter` is the
 * CSV's separator: a comma cannot be a decimal comma in a comma-separated file, elsewhere 0,92 is 0.92.
 */
export function readNumber(raw: string, delimiter: ',' | ';' | '\t', unit = ''): Check<number> {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'The value is missing.' };
  let body = withoutUnit(text, unit).replace(/\s*%$/, '');
  if (delimiter !== ',' && !body.includes('.') && body.split(',').length === 2) body = body.replace(',', '.');
  if (!NUMBER.test(body) || !STARTS_LIKE_NUMBER.test(body)) {
    return { ok: false, message: `The value ${quoted(text)} is not a number.` };
  }
  const value = Number(body.replace(GROUP_SEPARATORS, '')) + 0; // + 0 turns -0 into 0
  if (!Number.isFinite(value) || Math.abs(value) > VALUE_MAX) {
    return { ok: false, message: `The value ${quoted(text)} is too large.` };
  }
  return { ok: true, value };
}

/**
 * A number typed into a field, read as the CSV reader reads values (92% is 92, 1,234.5 is
 * 1234.5; no decimal comma, since "1,234" typed in a field means a thousand and more).
 */
export function parseTypedNumber(raw: string, unit = ''): Check<number> {
  return readNumber(raw, ',', unit);
}
