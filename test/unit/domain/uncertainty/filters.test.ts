import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, facetValues, filterItems, ownerLabel } from '../../../../renderer/src/domain/uncertainty/filters';
import { makeItem } from './items-factory';

const now = new Date(2026, 10, 24).getTime();
const a = makeItem({ title: 'Users trust cited answers', layerId: 'users', kind: 'assumption', ownerPerson: 'Priya', ownerFunction: 'Product', tags: ['Trust'], createdAt: now });
const b = makeItem({ title: 'Latency over 2 s', layerId: 'cost', kind: 'risk', status: 'testing', tags: ['latency', 'cost'], createdAt: now });
const c = makeItem({ title: 'Vendor model deprecation', layerId: 'cost', kind: 'dependency', ownerPerson: 'Sam', createdAt: new Date(2026, 0, 1).getTime() });
const all = [a, b, c];
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('filterItems', () => {
  it('returns everything for the empty filter', () => {
    expect(ids(filterItems(all, EMPTY_FILTER, now, 30))).toEqual(ids(all));
  });
  it('ORs values within a facet and ANDs across facets', () => {
    expect(ids(filterItems(all, { ...EMPTY_FILTER, kinds: ['risk', 'dependency'] }, now, 30))).toEqual([b.id, c.id]);
    expect(ids(filterItems(all, { ...EMPTY_FILTER, kinds: ['risk', 'dependency'], statuses: ['open'] }, now, 30))).toEqual([c.id]);
    expect(ids(filterItems(all, { ...EMPTY_FILTER, layerIds: ['cost'] }, now, 30))).toEqual([b.id, c.id]);
  });
  it('matches owners and tags (tags ignore case)', () => {
    expect(ids(filterItems(all, { ...EMPTY_FILTER, owners: ['Priya (Product)'] }, now, 30))).toEqual([a.id]);
    expect(ids(filterItems(all, { ...EMPTY_FILTER, tags: ['trust'] }, now, 30))).toEqual([a.id]);
  });
  it('searches every word across title, owner and tags', () => {
    expect(ids(filterItems(all, { ...EMPTY_FILTER, text: 'latency COST' }, now, 30))).toEqual([b.id]);
    expect(ids(filterItems(all, { ...EMPTY_FILTER, text: 'sam vendor' }, now, 30))).toEqual([c.id]);
    expect(filterItems(all, { ...EMPTY_FILTER, text: 'nothing like this' }, now, 30)).toEqual([]);
  });
  it('keeps only stale items when asked', () => {
    expect(ids(filterItems(all, { ...EMPTY_FILTER, staleOnly: true }, now, 30))).toEqual([c.id]);
  });
});

describe('facets', () => {
  it('lists owners and tags in use, sorted, tags unique ignoring case', () => {
    const d = makeItem({ tags: ['trust', 'Cost'] });
    expect(facetValues([...all, d])).toEqual({ owners: ['Priya (Product)', 'Sam'], tags: ['cost', 'latency', 'Trust'] });
  });
  it('labels owners with or without a function', () => {
    expect(ownerLabel({ ownerPerson: '', ownerFunction: 'Legal' })).toBe('(Legal)');
    expect(ownerLabel({ ownerPerson: ' ', ownerFunction: '' })).toBe('');
  });
});
