import { describe, expect, it } from 'vitest';
import {
  checkEvidenceInput,
  checkItemPatch,
  checkLayerPatch,
  checkLayerRemoval,
  itemEditLabel,
  newItem,
  newLayer,
  recordEvidence,
} from '../../../../renderer/src/domain/uncertainty/edits';
import { itemLinksAfterMetricsDeleted } from '../../../../renderer/src/domain/uncertainty/cascades';
import type { Layer } from '../../../../renderer/src/domain/uncertainty/model';
import { makeItem } from './items-factory';

const layer = (id: string): Layer => ({ id, programId: 'p1', name: id, description: '', color: '#336699', order: 0 });

describe('new items', () => {
  it('places a new item mid-map, open, with its first history point, and its title cleaned', () => {
    const made = newItem('p1', { title: '  Users trust\tanswers ', layerId: 'l1', kind: 'assumption' }, 'i1', 5);
    expect(made).toMatchObject({ ok: true, value: { title: 'Users trust answers', impact: 3, uncertainty: 3, status: 'open' } });
    expect(made.ok && made.value.history).toEqual([{ at: 5, impact: 3, uncertainty: 3, status: 'open' }]);
    expect(newItem('p1', { title: ' ', layerId: 'l1', kind: 'risk' }, 'i2', 5)).toEqual({ ok: false, message: 'Give the item a title.' });
  });
});

describe('checkItemPatch', () => {
  it('cleans the title and passes what a file can hold', () => {
    expect(checkItemPatch({ title: ' A\nB ', reviewDate: '', tags: ['eval'] })).toEqual({ ok: true, value: { title: 'A B', reviewDate: '', tags: ['eval'] } });
  });

  it('refuses what a .keel.json file could not hold, with a sentence', () => {
    expect(checkItemPatch({ reviewDate: '2026-02-30' })).toEqual({ ok: false, message: 'Give the review date as a date.' });
    expect(checkItemPatch({ ownerFunction: 'x'.repeat(201) })).toEqual({ ok: false, message: 'Keep the owning function under 200 characters.' });
    expect(checkItemPatch({ nextStep: 'x'.repeat(5001) })).toEqual({ ok: false, message: 'Keep the next step under 5000 characters.' });
    expect(checkItemPatch({ tags: ['x'.repeat(41)] })).toEqual({ ok: false, message: 'Keep each tag under 40 characters.' });
    expect(checkItemPatch({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toEqual({ ok: false, message: 'An item has up to 50 tags.' });
    expect(checkItemPatch({ impact: Number.NaN }).ok).toBe(false);
  });
});

describe('evidence', () => {
  it('needs a real day and something learned', () => {
    expect(checkEvidenceInput({ date: '2026-11-31', learned: 'x', source: '' })).toEqual({ ok: false, message: 'Give the day it was learned as a date.' });
    expect(checkEvidenceInput({ date: '2026-11-30', learned: ' \n ', source: '' })).toEqual({ ok: false, message: 'Say what was learned.' });
    expect(checkEvidenceInput({ date: '2026-11-30', learned: ' It holds ', source: ' Pilot ' })).toMatchObject({ ok: true, value: { learned: 'It holds', source: 'Pilot' } });
  });

  it('records in date order, says how it moved the item, and moves it (clamped to the map)', () => {
    const item = makeItem({ impact: 3, uncertainty: 4, status: 'open', evidence: [{ id: 'e0', date: '2026-11-20', learned: 'later', source: '', effect: '' }] });
    const recorded = recordEvidence(item, { date: '2026-11-01', learned: 'Pilot went well', source: 'Pilot', uncertainty: 0.2, status: 'testing' }, 'e1', 99);
    if (!recorded.ok) throw new Error(recorded.message);
    expect(recorded.value.evidence.map((e) => e.id)).toEqual(['e1', 'e0']);
    expect(recorded.value.evidence[0]).toMatchObject({ effect: 'uncertainty 4 → 1, status open → testing', learned: 'Pilot went well' });
    expect(recorded.value).toMatchObject({ impact: 3, uncertainty: 1, status: 'testing', updatedAt: 99 });
    expect(recorded.value.history.at(-1)).toEqual({ at: 99, impact: 3, uncertainty: 1, status: 'testing' });
  });

  it('says nothing moved when the new values are the ones the item has', () => {
    const item = makeItem({ impact: 2, history: [{ at: 1, impact: 2, uncertainty: 3, status: 'open' }] });
    const recorded = recordEvidence(item, { date: '2026-11-01', learned: 'Confirmed', source: '', impact: 2 }, 'e1', 9);
    expect(recorded.ok && recorded.value.evidence[0]!.effect).toBe('');
    expect(recorded.ok && recorded.value.history).toHaveLength(1);
  });
});

describe('layers', () => {
  it('checks a layer edit: a name, a colour, a description a file can hold', () => {
    expect(checkLayerPatch({ name: '  Data ' })).toEqual({ ok: true, value: { name: 'Data' } });
    expect(checkLayerPatch({ name: '' })).toEqual({ ok: false, message: 'Give the layer a name.' });
    expect(checkLayerPatch({ color: 'red' })).toEqual({ ok: false, message: 'Pick a colour.' });
    expect(checkLayerPatch({ description: 'x'.repeat(5001) })).toEqual({ ok: false, message: 'Keep the description under 5000 characters.' });
  });

  it("stores a layer's description as cleaned, without direction overrides, as an item's", () => {
    expect(checkLayerPatch({ description: 'Vendor \u202Eledom\u202C risk' })).toEqual({ ok: true, value: { description: 'Vendor ledom risk' } });
  });

  it('adds a layer at the bottom of the stack in a colour the stack does not use yet', () => {
    const added = newLayer('p1', ' Vendors ', [layer('a')], 'l2');
    expect(added).toMatchObject({ ok: true, value: { id: 'l2', name: 'Vendors', order: 1, description: '' } });
    expect(added.ok && added.value.color).not.toBe('#336699');
    expect(newLayer('p1', '', [], 'l2').ok).toBe(false);
  });

  it('keeps at least one layer, and moves items only to another layer that exists', () => {
    expect(checkLayerRemoval([layer('a')], 'a', null)).toEqual({ ok: false, message: 'A map needs at least one layer.' });
    expect(checkLayerRemoval([layer('a'), layer('b')], 'a', 'a').ok).toBe(false);
    expect(checkLayerRemoval([layer('a'), layer('b')], 'a', 'gone').ok).toBe(false);
    expect(checkLayerRemoval([layer('a'), layer('b')], 'a', 'b').ok).toBe(true);
    expect(checkLayerRemoval([layer('a'), layer('b')], 'a', null).ok).toBe(true);
  });

  it('drops links to deleted metrics, and leaves items that had none alone', () => {
    expect(itemLinksAfterMetricsDeleted({ metricIds: ['m1', 'm2'] }, ['m1'])).toEqual(['m2']);
    expect(itemLinksAfterMetricsDeleted({ metricIds: ['m2'] }, ['m1'])).toBeUndefined();
  });
});

describe('undo labels', () => {
  it('names an item edit by what it changes', () => {
    expect(itemEditLabel({ impact: 4, uncertainty: 2 })).toBe('Move item');
    expect(itemEditLabel({ status: 'testing' })).toBe('Change status');
    expect(itemEditLabel({ metricIds: [] })).toBe('Change linked metrics');
  });
});

describe('direction controls', () => {
  it('are taken out of every text of an item, its tags and its evidence, as stored', () => {
    const patch = checkItemPatch({ title: 'Refund\u202E policy', description: 'a\u202Eb', nextStep: '\u2066x\u2069', ownerPerson: 'S\u202Dam', tags: ['co\u202Est'] });
    expect(patch).toEqual({ ok: true, value: { title: 'Refund policy', description: 'ab', nextStep: 'x', ownerPerson: 'Sam', tags: ['cost'] } });
    const evidence = checkEvidenceInput({ date: '2026-01-02', learned: 'Top-3\u202E recall', source: 'ev\u202Eal' });
    expect(evidence).toMatchObject({ ok: true, value: { learned: 'Top-3 recall', source: 'eval' } });
  });
});
