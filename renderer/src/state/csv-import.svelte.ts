import type { RememberedMapping } from '../domain/csv-import';
import type { Program } from '../domain/program';
import type { ImportedRoadmapItem } from '../domain/roadmap/csv-rows';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { ImportedItem } from '../domain/uncertainty/csv-rows';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import { plural } from '../domain/words';
import { CsvImportRepository } from '../storage/csv-import-repo';
import { fields, formDraft, preference, text, wholeText, type Parse, type Preference } from './preferences.svelte';
import type { Result } from './result';
import { useServices, type Services } from './services';
import { Writes } from './writes';

/** The tables a CSV can add rows to. */
export type CsvImportTarget = 'uncertainty' | 'roadmap';

/** Rows pasted or read but not yet imported, and the file they came from ("" when pasted). */
export type CsvDraft = {
  text: string;
  fileName: string;
};

/** Larger texts (a big file) are not kept as a draft: the file is still there to choose again. */
export const CSV_DRAFT_MAX = 200_000;
const REMEMBERED_MAX = 200;

const rememberedMapping: Parse<RememberedMapping> = (stored) => {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
  const out: RememberedMapping = {};
  for (const [header, field] of Object.entries(stored).slice(0, REMEMBERED_MAX)) {
    // Only what columnKey makes (letters, digits, spaces): never "__proto__".
    if (header.length <= 200 && /^[\p{L}\p{N} ]+$/u.test(header) && (field === null || (typeof field === 'string' && field.length <= 40))) out[header] = field;
  }
  return out;
};

/** Which column holds which field, by header name: remembered on this computer for the next import of the same kind. */
export function importMapping(target: CsvImportTarget): Preference<RememberedMapping> {
  return preference(`keel.csv-import.mapping.${target}`, rememberedMapping, {});
}

/**
 * The rows pasted or chosen for a program's import, kept on this computer until they are
 * imported, so closing the dialog by mistake, another area or a reload loses nothing.
 */
export class CsvImportDraft {
  private readonly stored: Preference<Partial<CsvDraft>>;

  constructor(target: CsvImportTarget, programId: string) {
    const parse = fields<CsvDraft>({ text: wholeText(CSV_DRAFT_MAX), fileName: text(260) });
    this.stored = formDraft(`csv-import-${target}`, programId, parse, {});
  }

  get text(): string {
    return this.stored.value.text ?? '';
  }
  get fileName(): string {
    return this.stored.value.fileName ?? '';
  }

  set(value: CsvDraft): void {
    if (value.text.length <= CSV_DRAFT_MAX) this.stored.set(value);
    else this.stored.clear();
  }

  clear(): void {
    this.stored.clear();
  }
}

/** Adds the rows a CSV gave to a program's map or roadmap: one edit, one Undo, then the draft goes. */
export class CsvImportState {
  private readonly repo: CsvImportRepository;
  private readonly writes: Writes;

  constructor(
    private readonly program: () => Program,
    services: Services = useServices(),
  ) {
    this.repo = new CsvImportRepository(services.editor);
    this.writes = new Writes(services.editor);
  }

  importItems(rows: readonly ImportedItem[], fileName: string): Promise<Result<UncertaintyItem[]>> {
    return this.run('uncertainty', 'item', fileName, (programId) => this.repo.importUncertaintyItems(programId, rows, fileName));
  }

  importRoadmapItems(rows: readonly ImportedRoadmapItem[], fileName: string): Promise<Result<RoadmapItem[]>> {
    return this.run('roadmap', 'roadmap item', fileName, (programId) => this.repo.importRoadmapItems(programId, rows, fileName));
  }

  private async run<R>(target: CsvImportTarget, noun: string, fileName: string, write: (programId: string) => Promise<R[]>): Promise<Result<R[]>> {
    const programId = this.program().id;
    const done = await this.writes.run(() => write(programId), {
      success: (records) => `Imported ${plural(records.length, noun)}${fileName ? ` from ${fileName}` : ''}.`,
      undo: true,
    });
    if (done.ok) new CsvImportDraft(target, programId).clear();
    return done;
  }
}
