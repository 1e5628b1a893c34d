import { liveQuery, type Observable } from 'dexie';
import { decisionNumber, linkLabel, LINK_KINDS, LINK_TABLES, type LinkKind, type LinkTarget } from '../domain/links';
import type { KeelDB } from './db';

// What a link can point at in one program, by kind: each record's id and its title (a metric's
// name, a matrix's question, a decision's number and title). Pickers offer these, and links
// show these labels, without loading the areas the records belong to.

export type { LinkTarget };
// Where the log's numbers were first written; they are a domain rule now (domain/links.ts).
export { decisionNumber };

export type LinkTargets = Record<LinkKind, LinkTarget[]>;

// How a record is named wherever a link shows it: a domain rule (domain/links.ts), the reports use it too.
export { linkLabel };


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
