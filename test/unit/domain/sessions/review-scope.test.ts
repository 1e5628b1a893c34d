import { describe, expect, it } from 'vitest';
import { itemsUnderReview } from '../../../../renderer/src/domain/sessions/review-scope';
import type { UncertaintyItem } from '../../../../renderer/src/domain/uncertainty/model';
import { newItem } from '../../../../renderer/src/domain/uncertainty/edits';

function item(title: string, status: UncertaintyItem['status'] = 'open'): UncertaintyItem {
  const made = newItem('p1', { title, layerId: 'l1', kind: 'risk' }, title, 0);
  if (!made.ok) throw new Error(made.message);
  return { ...made.value, status };
}

const items = [item('Data drift'), item('Latency budget', 'testing'), item('Vendor lock-in', 'validated'), item('AI')];

describe('what an uncertainty block reviews', () => {
  it('takes the items its notes or outputs name, whatever their status and case', () => {
    const review = itemsUnderReview({ notes: 'Go through vendor lock-in first,', outputs: 'A verdict on LATENCY BUDGET' }, items);
    expect(review).toEqual({ named: true, items: [items[1], items[2]] });
  });

  it('otherwise takes every item still open or being tested', () => {
    expect(itemsUnderReview({ notes: 'Walk the map', outputs: '' }, items)).toEqual({ named: false, items: [items[0], items[1], items[3]] });
  });

  it('does not match a title too short to mean it (AI in "maintain")', () => {
    expect(itemsUnderReview({ notes: 'maintain the pace', outputs: '' }, items).named).toBe(false);
  });
});
