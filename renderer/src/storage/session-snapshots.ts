import { newId } from '../domain/ids';
import type { Session } from '../domain/sessions/model';
import { programState, type ProgramState, type SessionSnapshot } from '../domain/sessions/snapshot';
import type { OwnedRow } from '../domain/snapshot';
import type { KeelDB } from './db';
import type { EditTransaction } from './editor';

// The snapshots sessions keep. Reading the program for one touches only the tables its state
// draws on (never the snapshots themselves), inside the caller's edit when there is one, so a
// session starts or closes and keeps its snapshot in one undoable step.

const STATE_TABLES = ['layers', 'functions', 'uncertaintyItems', 'metrics', 'matrices', 'roadmapItems', 'decisions', 'scopeChanges', 'actions'] as const;

/** The program's state now, as a session keeps it. */
export async function readProgramState(db: KeelDB, programId: string): Promise<ProgramState> {
  const owned: Record<string, OwnedRow[]> = {};
  for (const table of STATE_TABLES) owned[table] = (await db.table(table).where({ programId }).toArray()) as OwnedRow[];
  const program = await db.programs.get(programId);
  if (!program) throw new Error(`No program ${programId}`);
  return programState({ program, owned });
}

/** Inside an edit: keeps the program's state now as a snapshot of `session`, and returns it. */
export async function keepSnapshot(tx: EditTransaction, db: KeelDB, session: Session, moment: SessionSnapshot['moment'], at: number): Promise<SessionSnapshot> {
  const state = await readProgramState(db, session.programId);
  const snapshot: SessionSnapshot = { id: newId(), programId: session.programId, sessionId: session.id, moment, at, state };
  await tx.insert('snapshots', [snapshot]);
  return snapshot;
}

/** One kept snapshot, or undefined when it is gone (its session was deleted). */
export function readKeptSnapshot(db: KeelDB, id: string): Promise<SessionSnapshot | undefined> {
  return db.snapshots.get(id);
}
