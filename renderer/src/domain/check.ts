// The shape of every validation rule: what was typed or read, checked and cleaned, or a sentence
// saying what is wrong. Forms show the sentence inline; repositories refuse with it; the file
// reader lists it. One rule, written once, for all three.

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

export const passed = <T>(value: T): Check<T> => ({ ok: true, value });
export const failed = (message: string): Check<never> => ({ ok: false, message });

// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Direction overrides, embeddings and isolates (U+202A-202E, U+2066-2069) can make text display
 * as something else ("gnp.exe" as "exe.png", a title reversed). Every text Keel stores is read
 * without them: `dir="auto"` and the Unicode algorithm already show each script its own way.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without direction overrides, embeddings or isolates. */
export function withoutDirectionControls(raw: string): string {
  return raw.replace(DIRECTION_CONTROLS, '');
}

/**
 * A one-line text (a name, a title, a question) as stored: control characters and runs of
 * whitespace become one space and the ends are trimmed. Refuses more than `max` characters, and
 * an empty text when `missing` (the sentence to show) is given.
 */
export function checkOneLine(raw: string, max: number, what: string, missing?: string): Check<string> {
  const text = withoutDirectionControls(raw).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (missing !== undefined && !text) return failed(missing);
  if (text.length > max) return failed(`Keep the ${what} under ${max} characters (it has ${text.length}).`);
  return passed(text);
}

/** A longer text (a description, a rationale), kept as typed but for direction controls, up to `max` characters. */
export function checkLongText(raw: string, max: number, what: string): Check<string> {
  const text = withoutDirectionControls(raw);
  return text.length > max ? failed(`Keep the ${what} under ${max} characters.`) : passed(text);
}

/**
 * The texts of a record's edit that `fields` names (field: what a message calls it), each up to
 * `max` characters and cleaned as checkLongText cleans; the first that is too long is refused.
 * Fields the edit leaves out pass.
 */
export function checkTextFields<T extends object>(patch: T, fields: Partial<Record<keyof T, string>>, max: number): Check<T> {
  const out = { ...patch };
  for (const [field, what] of Object.entries(fields) as [keyof T, string][]) {
    const value = patch[field];
    if (typeof value !== 'string') continue;
    const checked = checkLongText(value, max, what);
    if (!checked.ok) return checked;
    out[field] = checked.value as T[keyof T];
  }
  return passed(out);
}

/** A number the user typed or a file holds: finite, or null for "not set". */
export function checkNumber(value: number | null, what: string): Check<number | null> {
  return value !== null && !Number.isFinite(value) ? failed(`The ${what} must be a number.`) : passed(value);
}

/** The sentence of a failed check, or undefined when it passed: what a form field shows. */
export function problemOf(check: Check<unknown>): string | undefined {
  return check.ok ? undefined : check.message;
}
