import { fieldsLinking, kindsLinkingTo, LINK_TABLES, withoutLinks, type LinkKind } from '../domain/links';
import type { KeelDB } from './db';
import { linkLabel } from './link-targets';
import type { EditTransaction } from './editor';

// Deleting a record that others link to: first say what will lose its link (the confirmation
// names them), then unlink them in the same edit, so one undo restores the record and its links.

export interface LinkHolder {
  kind: LinkKind;
  id: string;
  /** The record's title, name or question, for the confirmation. */
  label: string;
}

type Row = { id: string; programId: string } & Record<string, unknown>;

function rowsOf(db: KeelDB, programId: string, kind: LinkKind): Promise<Row[]> {
  return db.table(LINK_TABLES[kind]).where({ programId }).toArray() as Promise<Row[]>;
}

/** The records of the program that link to any of `ids` (of kind `to`), apart from those ids themselves. */
export async function linksTo(db: KeelDB, programId: string, to: LinkKind, ids: readonly string[]): Promise<LinkHolder[]> {
  const targets = new Set(ids);
  const holders: LinkHolder[] = [];
  for (const from of kindsLinkingTo(to)) {
    for (const row of await rowsOf(db, programId, from)) {
      if (from === to && targets.has(row.id)) continue;
      if (ids.some((id) => fieldsLinking(from, row, to, id).length > 0)) holders.push({ kind: from, id: row.id, label: linkLabel(from, row) });
    }
  }
  return holders;
}

/**
 * Inside a deletion's edit: removes every link to `ids` (of kind `to`) from the program's other
 * records, and the reviews that cleared revisit flags on them or caused by them.
 */
export async function removeLinksTo(tx: EditTransaction, db: KeelDB, programId: string, to: LinkKind, ids: readonly string[]): Promise<void> {
  const targets = new Set(ids);
  // Read everything, then write: every step awaits a Dexie operation. An async function that awaits
  // only sometimes (a row with nothing to unlink) upsets Dexie's tracking of the transaction across
  // native awaits, and the edit's later steps then find it committed (PrematureCommitError).
  const unlinks: { table: string; id: string; patch: Record<string, unknown> }[] = [];
  for (const from of kindsLinkingTo(to)) {
    const rows = await rowsOf(db, programId, from);
    for (const row of rows) {
      const patch = from === to && targets.has(row.id) ? undefined : withoutLinks(from, row, to, targets);
      if (patch) unlinks.push({ table: LINK_TABLES[from], id: row.id, patch });
    }
  }
  // A session's trade-off block names the matrix it decides on: it stays, without the matrix.
  if (to === 'matrix') {
    const sessions = await db.sessions.where({ programId }).toArray();
    for (const session of sessions) {
      if (!session.blocks.some((b) => targets.has(b.matrixId))) continue;
      unlinks.push({ table: 'sessions', id: session.id, patch: { blocks: session.blocks.map((b) => (targets.has(b.matrixId) ? { ...b, matrixId: '' } : b)) } });
    }
  }
  for (const { table, id, patch } of unlinks) await tx.update(table, id, patch);
  const reviews = await db.revisitReviews.where({ programId }).toArray();
  const stale = reviews.filter((r) => (r.targetKind === to && targets.has(r.targetId)) || (r.causeKind === to && targets.has(r.causeId)));
  await tx.remove('revisitReviews', stale.map((r) => r.id));
}
