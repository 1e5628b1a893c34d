import fc from 'fast-check';
import { PROGRAM_NAME_MAX, type Program } from '../../../renderer/src/domain/program';
import type { ProgramSnapshot, OwnedRow } from '../../../renderer/src/domain/snapshot';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  type Layer,
  type UncertaintyItem,
} from '../../../renderer/src/domain/uncertainty/model';

const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
const day = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const score = fc.integer({ min: 10, max: 50 }).map((n) => n / 10);

export const programArb: fc.Arbitrary<Program> = fc.record({
  id: fc.uuid(),
  name: fc
    .string({ minLength: 1, maxLength: PROGRAM_NAME_MAX, unit: 'grapheme' })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= PROGRAM_NAME_MAX),
  description: text(300),
  createdAt: time,
  updatedAt: time,
  archivedAt: fc.constant(null),
  deletedAt: fc.constant(null),
  staleAfterDays: fc.integer({ min: 0, max: 3650 }),
});

/** A whole program with layers and items whose references are consistent. */
export const snapshotArb: fc.Arbitrary<ProgramSnapshot> = programArb.chain((program) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.uuid(),
        name: fc.string({ minLength: 1, maxLength: 80 }),
        description: text(100),
        color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      }),
      { minLength: 1, maxLength: 5, selector: (l) => l.id },
    )
    .chain((rawLayers) => {
      const layers: Layer[] = rawLayers.map((l, order) => ({ ...l, programId: program.id, order }));
      const item: fc.Arbitrary<UncertaintyItem> = fc.record({
        id: fc.uuid(),
        programId: fc.constant(program.id),
        layerId: fc.constantFrom(...layers.map((l) => l.id)),
        title: fc.string({ minLength: 1, maxLength: 200 }),
        description: text(200),
        kind: fc.constantFrom(...ITEM_KINDS),
        impact: score,
        uncertainty: score,
        ownerPerson: text(40),
        ownerFunction: text(40),
        status: fc.constantFrom(...ITEM_STATUSES),
        nextStep: text(100),
        reviewDate: fc.oneof(fc.constant(''), day),
        tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 4 }),
        evidence: fc.array(
          fc.record({ id: fc.uuid(), date: day, learned: text(100), source: text(40), effect: text(40) }),
          { maxLength: 3 },
        ),
        history: fc.array(
          fc.record({ at: time, impact: score, uncertainty: score, status: fc.constantFrom(...ITEM_STATUSES) }),
          { maxLength: 4 },
        ),
        createdAt: time,
        updatedAt: time,
      });
      return fc.uniqueArray(item, { maxLength: 8, selector: (i) => i.id }).map((items) => ({
        program,
        owned: { layers: layers as unknown as OwnedRow[], uncertaintyItems: items as unknown as OwnedRow[] },
      }));
    }),
).filter((snapshot) => {
  // Ids are unique across the whole program, as the app makes them (a file that repeats one is refused).
  const ids = [snapshot.program.id, ...Object.values(snapshot.owned).flat().map((row) => row.id)];
  return new Set(ids).size === ids.length;
});
