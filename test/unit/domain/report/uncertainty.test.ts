import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programRecords } from '../../../../renderer/src/domain/program-records';
import { mapNumbers, testFirstItems } from '../../../../renderer/src/domain/report/uncertainty';
import type { UncertaintyItem } from '../../../../renderer/src/domain/uncertainty/model';
import { parseKeelFile } from '../../../../renderer/src/io/keel-file';

function fixtureRecords() {
  const result = parseKeelFile(readFileSync(new URL('../../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('fixture did not parse');
  return programRecords(result.snapshot);
}

function item(id: string, impact: number, uncertainty: number, extra: Partial<UncertaintyItem> = {}): UncertaintyItem {
  return {
    id,
    programId: 'p',
    layerId: 'l',
    title: id,
    description: '',
    kind: 'risk',
    impact,
    uncertainty,
    ownerPerson: '',
    ownerFunction: '',
    status: 'open',
    nextStep: '',
    reviewDate: '',
    tags: [],
    metricIds: [],
    evidence: [],
    history: [
      { at: 1, impact: 3, uncertainty: 3, status: 'open' },
      { at: 2, impact, uncertainty, status: 'open' },
    ],
    createdAt: Number(id.replace(/\D/g, '')) || 0,
    updatedAt: 0,
    ...extra,
  };
}

describe("the report's uncertainty lists", () => {
  it('numbers items in the order they were added, as the map does', () => {
    const numbers = mapNumbers([item('i3', 4, 4), item('i1', 2, 2), item('i2', 5, 1)]);
    expect([...numbers]).toEqual([
      ['i1', 1],
      ['i2', 2],
      ['i3', 3],
    ]);
  });

  it('lists open items high on impact and uncertainty, highest impact first', () => {
    const items = [
      item('a1', 3.5, 4),
      item('a2', 5, 3),
      item('a3', 4.2, 4.9),
      item('low', 2, 5), // watch
      item('known', 5, 1), // plan for it
      item('done', 5, 5, { status: 'validated' }),
      item('testing4', 4.8, 3.1, { status: 'testing' }),
      // Never placed: still in the middle where it was created.
      item('new5', 3, 3, { history: [{ at: 1, impact: 3, uncertainty: 3, status: 'open' }] }),
    ];
    expect(testFirstItems(items, []).map((i) => i.id)).toEqual(['a2', 'testing4', 'a3', 'a1']);
  });

  it('agrees with the fixture: its open test-first items, by impact', () => {
    const records = fixtureRecords();
    const first = testFirstItems(records.uncertaintyItems, records.layers);
    expect(first.map((i) => i.title)).toEqual(['Hallucinated refund policy', 'Customers accept bot answers', 'Agents trust suggested replies', 'Tone drifts on angry tickets']);
    expect(mapNumbers(records.uncertaintyItems).size).toBe(records.uncertaintyItems.length);
  });
});
