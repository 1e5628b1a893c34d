import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { KeelDB } from '../../../renderer/src/storage/db';

describe('database upgrades', () => {
  it('version 2 gives existing programs the default stack and staleness rule, keeping their data', async () => {
    const name = `keel-upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ programs: 'id, updatedAt' });
    await v1.table('programs').bulkAdd([
      { id: 'a', name: 'Alpha', description: 'kept', createdAt: 1, updatedAt: 2, archivedAt: null, deletedAt: null },
      { id: 'b', name: 'Beta', description: '', createdAt: 1, updatedAt: 2, archivedAt: 5, deletedAt: null },
    ]);
    v1.close();

    const db = new KeelDB(name);
    await db.openChecked();
    expect(await db.programs.get('a')).toMatchObject({ name: 'Alpha', description: 'kept', staleAfterDays: 30 });
    expect(await db.programs.get('b')).toMatchObject({ archivedAt: 5, staleAfterDays: 30 });
    for (const programId of ['a', 'b']) {
      const layers = await db.layers.where({ programId }).sortBy('order');
      expect(layers).toHaveLength(7);
      expect(layers[1]?.name).toBe('Data');
    }
    db.close();
  });

  it('version 3 gives existing programs engineering, product and leadership, keeping the map', async () => {
    const name = `keel-upgrade-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ programs: 'id, updatedAt' });
    v2.version(2).stores({ layers: 'id, programId', uncertaintyItems: 'id, programId, layerId' });
    await v2.table('programs').add({ id: 'a', name: 'Alpha', description: '', createdAt: 1, updatedAt: 2, archivedAt: null, deletedAt: null, staleAfterDays: 14 });
    await v2.table('layers').add({ id: 'l1', programId: 'a', name: 'Model', description: '', color: '#123456', order: 0 });
    await v2.table('uncertaintyItems').add({ id: 'i1', programId: 'a', layerId: 'l1', title: 'Kept', tags: ['x'] });
    v2.close();

    const db = new KeelDB(name);
    await db.openChecked();
    expect(await db.programs.get('a')).toMatchObject({ staleAfterDays: 14 });
    expect(await db.layers.where({ programId: 'a' }).count()).toBe(1);
    const functions = await db.functions.where({ programId: 'a' }).sortBy('order');
    expect(functions.map((f) => [f.name, f.required])).toEqual([
      ['Engineering', true],
      ['Product', true],
      ['Leadership', true],
    ]);
    expect(await db.metrics.count()).toBe(0);
    expect(await db.uncertaintyItems.get('i1')).toMatchObject({ title: 'Kept', tags: ['x'], metricIds: [] });
    db.close();
  });

  it('version 4 adds trade-off matrices, keeping programs, functions and metrics as they were', async () => {
    const name = `keel-upgrade-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({ programs: 'id, updatedAt' });
    v3.version(2).stores({ layers: 'id, programId', uncertaintyItems: 'id, programId, layerId' });
    v3.version(3).stores({ functions: 'id, programId', metrics: 'id, programId' });
    const program = { id: 'a', name: 'Alpha', description: '', createdAt: 1, updatedAt: 2, archivedAt: null, deletedAt: null, staleAfterDays: 14 };
    await v3.table('programs').add(program);
    await v3.table('functions').add({ id: 'f1', programId: 'a', name: 'Engineering', required: true, order: 0 });
    await v3.table('metrics').add({ id: 'm1', programId: 'a', name: 'Latency', readings: [] });
    await v3.table('uncertaintyItems').add({ id: 'i1', programId: 'a', layerId: 'l1', title: 'Kept', metricIds: ['m1'] });
    v3.close();

    const db = new KeelDB(name);
    await db.openChecked();
    expect(db.backendDB().version / 10).toBe(db.knownVersion);
    expect(await db.programs.get('a')).toEqual(program);
    expect(await db.functions.where({ programId: 'a' }).count()).toBe(1);
    expect(await db.metrics.get('m1')).toMatchObject({ name: 'Latency' });
    expect(await db.uncertaintyItems.get('i1')).toMatchObject({ metricIds: ['m1'] });
    expect(await db.matrices.where({ programId: 'a' }).count()).toBe(0);
    await db.matrices.add({ id: 'x', programId: 'a' } as never);
    expect(await db.matrices.where({ programId: 'a' }).primaryKeys()).toEqual(['x']);
    db.close();
  });
});

describe('database upgrade to version 5', () => {
  it('puts each matrix decision in the decision log: the standing one with its basis, the reopened one without', async () => {
    const name = `keel-upgrade-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores({ programs: 'id, updatedAt' });
    v4.version(2).stores({ layers: 'id, programId', uncertaintyItems: 'id, programId, layerId' });
    v4.version(3).stores({ functions: 'id, programId', metrics: 'id, programId' });
    v4.version(4).stores({ matrices: 'id, programId' });
    await v4.table('programs').add({ id: 'a', name: 'Alpha', description: '', createdAt: 1, updatedAt: 2, archivedAt: null, deletedAt: null, staleAfterDays: 14 });
    await v4.table('functions').add({ id: 'f1', programId: 'a', name: 'Engineering', required: true, order: 0 });
    const decision = { optionId: 'o2', rationale: 'Recall', deciders: 'Priya', date: '2026-12-01', tradedAway: [], recommendedId: 'o2', recordedAt: 2000, reopened: null };
    await v4.table('matrices').add({
      id: 'm',
      programId: 'a',
      question: 'Which retriever?',
      context: '',
      mode: 'rating',
      options: [
        { id: 'o1', title: 'Dense', description: '' },
        { id: 'o2', title: 'Hybrid', description: '' },
      ],
      criteria: [{ id: 'q', name: 'Quality', metricId: '', direction: 'benefit' }],
      scores: [
        { optionId: 'o1', criterionId: 'q', value: 2, rationale: '', confidence: null, expected: null },
        { optionId: 'o2', criterionId: 'q', value: 4, rationale: '', confidence: null, expected: null },
      ],
      functionWeights: [],
      combined: { mode: 'equal' },
      decision,
      pastDecisions: [{ ...decision, optionId: 'o1', recordedAt: 1000, reopened: { at: 1500, reason: 'New data' } }],
      createdAt: 1,
      updatedAt: 2,
    });
    v4.close();

    const db = new KeelDB(name);
    await db.openChecked();
    const records = await db.decisions.where({ programId: 'a' }).sortBy('number');
    expect(records.map((r) => [r.number, r.status, r.title, r.basis === null])).toEqual([
      [1, 'superseded', 'Which retriever? → Dense', true],
      [2, 'accepted', 'Which retriever? → Hybrid', false],
    ]);
    expect(records[0]).toMatchObject({ supersededBy: records[1]!.id, statusNote: 'Reopened on Jan 1, 1970: New data' });
    expect(records[1]!.basis).toMatchObject({ chosen: 1, ranking: [{ score: 0.25 }, { score: 0.75 }], functions: [{ name: 'Engineering' }] });
    db.close();
  });
});
