import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reidentify, type OwnedRow, type ProgramSnapshot } from '../../../renderer/src/domain/snapshot';
import { makeProgram } from '../factories';
import { snapshotArb } from '../io/arbitraries';

describe('reidentify', () => {
  it('gives every record a new id and rewrites references between them', () => {
    const program = makeProgram({ id: 'p-old' });
    const snapshot: ProgramSnapshot = {
      program,
      owned: {
        layers: [{ id: 'l1', programId: 'p-old', name: 'Data' }],
        uncertaintyItems: [{ id: 'i1', programId: 'p-old', title: 'p-old is not a reference here', layerId: 'l1', metricIds: ['m1'] }],
        functions: [{ id: 'f1', programId: 'p-old', name: 'Engineering' }],
        metrics: [{ id: 'm1', programId: 'p-old', ownerFunctionId: 'f1', signoffs: [{ functionId: 'f1' }], versions: [{ signoffs: [{ functionId: 'f1' }] }] }],
        matrices: [{ id: 'x1', programId: 'p-old', criteria: [{ id: 'c1', metricId: 'm1' }], functionWeights: [{ functionId: 'f1', weights: { c1: 1 } }] }],
      },
    };
    let n = 0;
    const copy = reidentify(snapshot, () => `new-${++n}`);
    const idOf = (old: string) => `new-${['p-old', 'l1', 'i1', 'f1', 'm1', 'x1'].indexOf(old) + 1}`;
    expect(copy.program.id).toBe(idOf('p-old'));
    expect(copy.owned).toEqual({
      layers: [{ id: idOf('l1'), programId: idOf('p-old'), name: 'Data' }],
      // Only whole strings equal to an id are references; text containing one is left alone.
      uncertaintyItems: [{ id: idOf('i1'), programId: idOf('p-old'), title: 'p-old is not a reference here', layerId: idOf('l1'), metricIds: [idOf('m1')] }],
      functions: [{ id: idOf('f1'), programId: idOf('p-old'), name: 'Engineering' }],
      metrics: [{ id: idOf('m1'), programId: idOf('p-old'), ownerFunctionId: idOf('f1'), signoffs: [{ functionId: idOf('f1') }], versions: [{ signoffs: [{ functionId: idOf('f1') }] }] }],
      // A matrix's own option and criterion ids stay; its links to metrics and functions follow them.
      matrices: [{ id: idOf('x1'), programId: idOf('p-old'), criteria: [{ id: 'c1', metricId: idOf('m1') }], functionWeights: [{ functionId: idOf('f1'), weights: { c1: 1 } }] }],
    });
    expect(snapshot.program.id).toBe('p-old');
  });

  it('rewrites ids only: a description, tag or name equal to an id stays as written', () => {
    const snapshot: ProgramSnapshot = {
      program: makeProgram({ id: 'data', description: 'risk' }),
      owned: {
        layers: [{ id: 'risk', programId: 'data', name: 'data', description: 'risk' }],
        uncertaintyItems: [{ id: 'i1', programId: 'data', layerId: 'risk', title: 'risk', tags: ['risk', 'data'], metricIds: [] }],
      },
    };
    const copy = reidentify(snapshot, (() => { let n = 0; return () => `new-${++n}`; })());
    expect(copy.program).toMatchObject({ id: 'new-1', description: 'risk' });
    expect(copy.owned.layers).toEqual([{ id: 'new-2', programId: 'new-1', name: 'data', description: 'risk' }]);
    expect(copy.owned.uncertaintyItems).toEqual([{ id: 'new-3', programId: 'new-1', layerId: 'new-2', title: 'risk', tags: ['risk', 'data'], metricIds: [] }]);
  });

  it('refuses a table whose references it does not know, rather than copy stale links', () => {
    const snapshot: ProgramSnapshot = { program: makeProgram(), owned: { futureThings: [{ id: 's1', programId: 'p' }] } };
    expect(() => reidentify(snapshot, () => 'x')).toThrow(/futureThings/);
  });

  it('leaves no old id behind in any program the app can hold (property)', () => {
    let n = 0;
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const old = new Set([snapshot.program.id, ...Object.values(snapshot.owned).flat().map((row: OwnedRow) => row.id)]);
        const copy = reidentify(snapshot, () => `new-${++n}`);
        const strings: string[] = [];
        JSON.stringify(copy, (_key, value: unknown) => {
          if (typeof value === 'string') strings.push(value);
          return value;
        });
        expect(strings.filter((s) => old.has(s))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
