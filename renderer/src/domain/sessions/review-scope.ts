import type { UncertaintyItem } from '../uncertainty/model';
import type { AgendaBlock } from './model';

// What an uncertainty block reviews, for the list beside it while it runs.

/** Statuses still in question: what a review goes through when nothing narrower is named. */
const UNDER_REVIEW = new Set<UncertaintyItem['status']>(['open', 'testing']);

/** The shortest title matched in notes: shorter ones would match by accident ("AI"). */
const NAMED_MIN = 4;

/** Items whose title the block's notes or outputs name (case does not matter). */
export function itemsNamedIn(block: Pick<AgendaBlock, 'notes' | 'outputs'>, items: readonly UncertaintyItem[]): UncertaintyItem[] {
  const text = `${block.notes}\n${block.outputs}`.toLocaleLowerCase();
  return items.filter((i) => i.title.length >= NAMED_MIN && text.includes(i.title.toLocaleLowerCase()));
}

/**
 * The items a block reviews: those its notes name, when they name any (the facilitator chose
 * them); otherwise every item still in question (open or being tested).
 */
export function itemsUnderReview(block: Pick<AgendaBlock, 'notes' | 'outputs'>, items: readonly UncertaintyItem[]): { items: UncertaintyItem[]; named: boolean } {
  const named = itemsNamedIn(block, items);
  return named.length ? { items: named, named: true } : { items: items.filter((i) => UNDER_REVIEW.has(i.status)), named: false };
}
