import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../renderer/src/domain/actions/model';
import type { DecisionRecord } from '../../../renderer/src/domain/decisions/model';
import { defaultFunctions } from '../../../renderer/src/domain/metrics/functions';
import type { RoadmapItem } from '../../../renderer/src/domain/roadmap/model';
import type { OwnedRow, ProgramSnapshot } from '../../../renderer/src/domain/snapshot';
import type { UncertaintyItem } from '../../../renderer/src/domain/uncertainty/model';
import { defaultLayers } from '../../../renderer/src/domain/uncertainty/stack';
import { CURRENT_FORMAT_VERSION } from '../../../renderer/src/io/format';
import { parseKeelFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import { action, decision, roadmapItem } from '../domain/revisit/factories';
import { makeItem } from '../domain/uncertainty/items-factory';

// test/fixtures/plan/revisit.keel.json: a current-format program whose assumption is linked from a
// roadmap item, an accepted decision record and an action (the revisit flags' end-to-end test
// invalidates it). Written by the app's own serialiser from the records below; regenerate with
// KEEL_WRITE_FIXTURES=1 npx vitest run test/unit/io/plan-fixture.test.ts

const FIXTURE = new URL('../../fixtures/plan/revisit.keel.json', import.meta.url);
const T = Date.UTC(2026, 10, 2, 9);

function snapshot(): ProgramSnapshot {
  const programId = '7d1f0c52-3a6e-4f7b-9c21-000000000001';
  let n = 0;
  const id = () => `7d1f0c52-3a6e-4f7b-9c21-${String(++n + 100).padStart(12, '0')}`;
  const layers = defaultLayers(programId, id);
  const functions = defaultFunctions(programId, id);
  const users = layers.find((l) => l.name === 'Users and adoption')!;
  const base = { programId, layerId: users.id, createdAt: T, updatedAt: T, ownerPerson: 'Priya', ownerFunction: 'Product' };
  const latency: UncertaintyItem = makeItem({
    ...base,
    id: id(),
    title: 'Users accept 2 s latency',
    impact: 4,
    uncertainty: 4,
    nextStep: 'Measure abandonment at 2 s in the pilot',
    history: [{ at: T, impact: 4, uncertainty: 4, status: 'open' }],
  });
  const tone: UncertaintyItem = makeItem({ ...base, id: id(), title: 'Agents want suggested replies', impact: 3, uncertainty: 2, history: [{ at: T, impact: 3, uncertainty: 2, status: 'open' }] });
  const hybrid: RoadmapItem = roadmapItem({
    programId,
    id: id(),
    title: 'Hybrid retrieval',
    owner: 'Sam',
    earliest: '2026-12-01',
    latest: '2026-12-19',
    confidence: 'high',
    forecastAt: T,
    uncertaintyIds: [latency.id],
    createdAt: T,
    updatedAt: T,
  });
  const adr: DecisionRecord = decision({
    programId,
    id: id(),
    number: 3,
    title: 'Answer within 2 seconds, without a reranker',
    deciders: 'Sam, Priya',
    date: '2026-11-02',
    context: 'Pilot users abandon slow answers.',
    outcome: 'Skip the cross-encoder reranker to stay under 2 s.',
    uncertaintyIds: [latency.id],
    createdAt: T,
    updatedAt: T,
  });
  const measure: Action = action({ programId, id: id(), title: 'Measure abandonment at 2 s', owner: 'Priya', due: '2027-01-15', source: { kind: 'uncertainty', id: latency.id }, createdAt: T, updatedAt: T });
  const rows = (list: readonly object[]) => list as unknown as OwnedRow[];
  return {
    program: { id: programId, name: 'Support assistant plan', description: 'The plan rests on what users will accept.', createdAt: T, updatedAt: T, archivedAt: null, deletedAt: null, staleAfterDays: 0 },
    owned: {
      layers: rows(layers),
      uncertaintyItems: rows([latency, tone]),
      functions: rows(functions),
      metrics: [],
      matrices: [],
      roadmapItems: rows([hybrid]),
      decisions: rows([adr]),
      scopeChanges: [],
      actions: rows([measure]),
      revisitReviews: [],
    },
  };
}

describe('the plan fixture (current format)', () => {
  it('is what the serialiser writes for its records, and the reader takes it whole', () => {
    const text = serializeProgram(snapshot(), '0.12.0', new Date(T));
    if (process.env.KEEL_WRITE_FIXTURES) writeFileSync(FIXTURE, text);
    const stored = readFileSync(FIXTURE, 'utf8');
    expect(stored).toBe(text);
    const parsed = parseKeelFile(stored);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.file.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    const [assumption] = parsed.file.data.uncertaintyItems.filter((i) => i.title === 'Users accept 2 s latency');
    expect(parsed.file.data.roadmapItems[0]!.uncertaintyIds).toEqual([assumption!.id]);
    expect(parsed.file.data.decisions[0]).toMatchObject({ status: 'accepted', uncertaintyIds: [assumption!.id] });
    expect(parsed.file.data.actions[0]!.source).toEqual({ kind: 'uncertainty', id: assumption!.id });
  });
});
