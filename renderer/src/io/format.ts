import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { PROGRAM_DESCRIPTION_MAX, PROGRAM_NAME_MAX } from '../domain/program';

// The .keel.json file format. Every released version keeps a fixture under test/fixtures/
// that is never edited; a new version adds a migration in migrations.ts.
// zod/mini keeps the bundle small; the English locale gives readable validation messages.
z.config(en());

export const FORMAT_NAME = 'keel';
export const CURRENT_FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.keel.json';

const isoDate = z.iso.datetime({ offset: true });
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

export const ProgramFileSchema = z.strictObject({
  id: text(1, 100),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(PROGRAM_NAME_MAX)),
  description: text(0, PROGRAM_DESCRIPTION_MAX),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ProgramFileType = z.infer<typeof ProgramFileSchema>;

/** Rows of the areas built by later issues, by table name. Empty in version 1. */
export const DataFileSchema = z.strictObject({});

export const KeelFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  appVersion: text(1, 50),
  exportedAt: isoDate,
  program: ProgramFileSchema,
  data: DataFileSchema,
});
export type KeelFileType = z.infer<typeof KeelFileSchema>;
