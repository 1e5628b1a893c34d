import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { PROGRAM_DESCRIPTION_MAX, PROGRAM_NAME_MAX, STALE_AFTER_DAYS_MAX } from '../domain/program';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  ITEM_TEXT_MAX,
  ITEM_TITLE_MAX,
  LAYER_NAME_MAX,
  SCORE_MAX,
  SCORE_MIN,
} from '../domain/uncertainty/model';

// The .keel.json file format. Every released version keeps a fixture under test/fixtures/
// that is never edited; a new version adds a migration in migrations.ts.
// zod/mini keeps the bundle small; the English locale gives readable validation messages.
z.config(en());

export const FORMAT_NAME = 'keel';
/** 1: programs. 2: the uncertainty map (layers, items) and the program's staleness rule. */
export const CURRENT_FORMAT_VERSION = 2;
export const FILE_EXTENSION = '.keel.json';

const isoDate = z.iso.datetime({ offset: true });
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD'));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const id = text(1, 100);
const score = z.number().check(z.gte(SCORE_MIN), z.lte(SCORE_MAX));
const count = (max: number) => z.int().check(z.gte(0), z.lte(max));

export const ProgramFileSchema = z.strictObject({
  id,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(PROGRAM_NAME_MAX)),
  description: text(0, PROGRAM_DESCRIPTION_MAX),
  createdAt: isoDate,
  updatedAt: isoDate,
  staleAfterDays: count(STALE_AFTER_DAYS_MAX),
});

export const LayerFileSchema = z.strictObject({
  id,
  name: text(1, LAYER_NAME_MAX),
  description: text(0, ITEM_TEXT_MAX),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #rrggbb')),
  order: count(10_000),
});

const EvidenceFileSchema = z.strictObject({
  id,
  date: day,
  learned: text(0, ITEM_TEXT_MAX),
  source: text(0, ITEM_TEXT_MAX),
  effect: text(0, ITEM_TEXT_MAX),
});

const HistoryPointFileSchema = z.strictObject({
  at: isoDate,
  impact: score,
  uncertainty: score,
  status: z.enum(ITEM_STATUSES),
});

export const ItemFileSchema = z.strictObject({
  id,
  layerId: id,
  title: text(1, ITEM_TITLE_MAX),
  description: text(0, ITEM_TEXT_MAX),
  kind: z.enum(ITEM_KINDS),
  impact: score,
  uncertainty: score,
  ownerPerson: text(0, 200),
  ownerFunction: text(0, 200),
  status: z.enum(ITEM_STATUSES),
  nextStep: text(0, ITEM_TEXT_MAX),
  reviewDate: z.union([z.literal(''), day]),
  tags: z.array(text(1, 40)).check(z.maxLength(50)),
  evidence: z.array(EvidenceFileSchema).check(z.maxLength(10_000)),
  history: z.array(HistoryPointFileSchema).check(z.maxLength(100_000)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const DataFileSchema = z.strictObject({
  layers: z.array(LayerFileSchema).check(z.maxLength(200)),
  uncertaintyItems: z.array(ItemFileSchema).check(z.maxLength(200_000)),
});

export const KeelFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  appVersion: text(1, 50),
  exportedAt: isoDate,
  program: ProgramFileSchema,
  data: DataFileSchema,
});
export type KeelFileType = z.infer<typeof KeelFileSchema>;
export type LayerFileType = z.infer<typeof LayerFileSchema>;
export type ItemFileType = z.infer<typeof ItemFileSchema>;
