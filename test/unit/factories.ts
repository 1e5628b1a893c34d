import type { Program } from '../../renderer/src/domain/program';
import { KeelDB } from '../../renderer/src/storage/db';
import { Editor } from '../../renderer/src/storage/editor';
import { UndoHistory } from '../../renderer/src/storage/history';
import { ProgramRepository } from '../../renderer/src/storage/programs-repo';

let counter = 0;

export function makeProgram(overrides: Partial<Program> = {}): Program {
  counter++;
  return {
    id: `program-${counter}`,
    name: `Program ${counter}`,
    description: '',
    createdAt: 1_700_000_000_000 + counter,
    updatedAt: 1_700_000_000_000 + counter,
    archivedAt: null,
    deletedAt: null,
    staleAfterDays: 30,
    ...overrides,
  };
}

/** A fresh database (fake-indexeddb) with an editor and repository on a controllable clock. */
export async function freshStore() {
  const db = new KeelDB(`keel-test-${crypto.randomUUID()}`);
  await db.open();
  let time = 1_800_000_000_000;
  const clock = {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
  const editor = new Editor(db, new UndoHistory(), clock.now);
  const programs = new ProgramRepository(editor, clock.now);
  return { db, editor, programs, clock };
}
