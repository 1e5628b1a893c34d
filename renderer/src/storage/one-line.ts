import { InvalidInputError } from './programs-repo';

/**
 * A one-line text as typed, cleaned for storing: runs of whitespace become one space and the
 * ends are trimmed. Refuses more than `max` characters, and an empty text when `missing` (the
 * sentence to show) is given.
 */
export function oneLine(raw: string, max: number, what: string, missing?: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (missing !== undefined && !text) throw new InvalidInputError(missing);
  if (text.length > max) throw new InvalidInputError(`Keep the ${what} under ${max} characters.`);
  return text;
}
