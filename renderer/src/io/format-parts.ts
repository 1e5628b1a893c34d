import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { problemOf, withoutDirectionControls, type Check } from '../domain/check';
import { isDay } from '../domain/dates';
import { checkId } from '../domain/ids';
import { checkReadingDate, READING_YEARS } from '../domain/metrics/edits';
import { SCORE_MAX, SCORE_MIN } from '../domain/uncertainty/model';

// The pieces every area's part of the .keel.json schema is built from (format.ts puts them together).
// zod/mini keeps the bundle small; the English locale gives readable validation messages.
z.config(en());

export const isoDate = z.iso.datetime({ offset: true });
// The same rules as the forms and repositories (domain/): a file holds nothing the app would refuse.
export const day = z.string().check(z.refine(isDay, 'Expected a date as YYYY-MM-DD'));
/** A day, or empty where the record has none yet. */
export const dayOrEmpty = z.union([z.literal(''), day]);
export const readingDay = z.string().check(
  z.refine((date) => checkReadingDate(date).ok, `Expected a date as YYYY-MM-DD between the years ${READING_YEARS.min} and ${READING_YEARS.max}`),
);
/** A free text (a description, a note), read as the app stores it: without direction controls. */
export const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.overwrite(withoutDirectionControls));
// Refused with the domain's sentence: an id naming an object member (toString) would read that member.
export const id = z.string().check(
  z.minLength(1),
  z.maxLength(100),
  z.refine((raw) => checkId(raw).ok, { error: (issue) => problemOf(checkId(String(issue.input))) }),
);
/** A list of links to other records of the program; the references are checked after the schema. */
export const ids = (max: number) => z.array(id).check(z.maxLength(max));
/**
 * A name, title or question: refused with the sentence its domain rule gives, and read as the
 * app stores it (one line, ends trimmed, no direction overrides that could disguise it).
 */
export const line = (check: (raw: string) => Check<string>) =>
  z.string().check(
    z.refine((raw) => check(raw).ok, { error: (issue) => problemOf(check(String(issue.input))) }),
    z.overwrite((raw) => {
      const checked = check(raw);
      return checked.ok ? checked.value : raw;
    }),
  );
export const score = z.number().check(z.gte(SCORE_MIN), z.lte(SCORE_MAX));
export const count = (max: number) => z.int().check(z.gte(0), z.lte(max));
