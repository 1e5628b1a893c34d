// Settings main needs before any window exists (today: the theme, so the first frame and the
// native title bar already have the app's colours). A small JSON file in userData, written
// atomically; reading it is forgiving: a missing, truncated or odd file gives the defaults,
// field by field, and keys a newer Keel wrote are kept when this one writes.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { atomicWrite } from './atomic-write.js';
import { ThemeChoiceSchema } from './ipc-schemas.js';

export const SETTINGS_FILE = 'settings.json';

const SettingsSchema = z.looseObject({
  theme: ThemeChoiceSchema.catch('system'),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system' };

/** The settings in `raw` (untrusted JSON); anything unusable becomes its default. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function readSettings(filePath: string): Promise<Settings> {
  try {
    return parseSettings(JSON.parse(await readFile(filePath, 'utf8')) as unknown);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export interface SettingsStore {
  /** The settings, read from disk once; later calls see every update. */
  load(): Promise<Settings>;
  /** Changes settings in memory at once and on disk in order; a failed write is dropped (the next one retries). */
  update(change: Partial<Settings>): Promise<void>;
  /** Resolves when every write asked for so far has finished. */
  flush(): Promise<void>;
}

export function createSettingsStore(
  filePath: string,
  write: (filePath: string, data: string) => Promise<void> = atomicWrite,
): SettingsStore {
  let current: Promise<Settings> | undefined;
  let writes: Promise<void> = Promise.resolve();
  const load = (): Promise<Settings> => (current ??= readSettings(filePath));
  return {
    load,
    update(change) {
      // Chained on the previous settings, so two quick changes both survive, in order.
      const next = load().then((settings) => ({ ...settings, ...change }));
      current = next;
      writes = writes
        .then(async () => write(filePath, `${JSON.stringify(await next, null, 2)}\n`))
        .catch(() => undefined);
      return writes;
    },
    flush: () => writes,
  };
}
