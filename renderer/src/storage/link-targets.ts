import { liveQuery, type Observable } from 'dexie';
import { decisionNumber, LINK_KINDS, LINK_TABLES, type LinkKind, type LinkTarget } from '../domain/links';
import type { KeelDB } from './db';

// What a link can point at in one program, by kind: each record's id and its title (a metric's
// name, a matrix's question, a decision's number and title). Pickers offer these, and links
// show these labels, without loading the areas the records belong to.

export type { LinkTarget };
// Where the log's numbers were first written; they are a domain rule now (domain/links.ts).
export { decisionNumber };

export type LinkTargets = Record<LinkKind, LinkTarget[]>;

/** How a record is named wherever a link to it shows: a metric by its name, a matrix by its question, a decision with its number. */
export function linkLabel(kind: LinkKind, row: Record<string, unknown>): string {
  if (kind === 'metric') return String(row.name);
  if (kind === 'matrix') return String(row.question);
  if (kind === 'decision') return `${decisionNumber(Number(row.number))} ${String(row.title)}`;
  return String(row.title);
}


export function watchLinkTargets(db: KeelDB, programId: string, kinds: readonly LinkKind[] = LINK_KINDS): Observable<Partial<LinkTargets>> {
  return liveQuery(async () => {
    const entries = await Promise.all(
      kinds.map(async (kind) => {
        const rows = (await db.table(LINK_TABLES[kind]).where({ programId }).toArray()) as Record<string, unknown>[];
        const targets = rows.map((row) => ({ id: String(row.id), label: linkLabel(kind, row) }));
        return [kind, targets.sort((a, b) => a.label.localeCompare(b.label))] as const;
      }),
    );
    return Object.fromEntries(entries) as Partial<LinkTargets>;
  });
}
