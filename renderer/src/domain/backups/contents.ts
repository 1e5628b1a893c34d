// What a backup or workspace file holds, in counts a person recognises, for the backups list
// and the preview before restoring.
import type { ProgramSnapshot } from '../snapshot';
import { plural } from '../words';

export interface ProgramContents {
  name: string;
  /** Rows per area, in the order they are shown; areas with none are left out. */
  counts: { label: string; count: number }[];
}

/** The areas a preview counts, with the noun for one row. */
const AREAS: readonly { table: string; one: string; many?: string }[] = [
  { table: 'uncertaintyItems', one: 'uncertainty item' },
  { table: 'metrics', one: 'metric' },
  { table: 'matrices', one: 'trade-off matrix', many: 'trade-off matrices' },
  { table: 'roadmapItems', one: 'roadmap item' },
  { table: 'decisions', one: 'decision' },
  { table: 'scopeChanges', one: 'scope change' },
  { table: 'actions', one: 'action' },
  { table: 'sessions', one: 'session' },
];

export function programContents(snapshot: ProgramSnapshot): ProgramContents {
  const counts = AREAS.flatMap(({ table, one, many }) => {
    const count = snapshot.owned[table]?.length ?? 0;
    return count ? [{ label: plural(count, one, many), count }] : [];
  });
  return { name: snapshot.program.name, counts };
}

/** "7 uncertainty items, 4 metrics, 2 trade-off matrices", or "empty". */
export function describeCounts(contents: ProgramContents): string {
  return contents.counts.length ? contents.counts.map((c) => c.label).join(', ') : 'empty';
}
