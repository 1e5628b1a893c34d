import { failed, passed, type Check } from '../check';
import { formatDateTime } from '../time';
import { withForecast } from '../roadmap/forecast';
import type { Horizon, RoadmapItem } from '../roadmap/model';
import type { ScopeChange, ScopeEffect } from './model';

// Applying an accepted scope change to the roadmap: every effect in order (a move, a new item, a
// drop), each forecast change through withForecast so the item's history keeps it. Nothing is
// half-applied: an effect whose item is no longer on the roadmap stops the whole application and
// is named, rather than skipped without a word.

export interface Application {
  /** Items changed, as whole rows after the change (written over the stored ones). */
  updated: RoadmapItem[];
  /** Items added, at the end of their horizon. */
  added: RoadmapItem[];
  /** The change's own fields after it is applied. */
  change: Pick<ScopeChange, 'appliedAt' | 'roadmapItemIds'>;
}

/** The place after the last item of `horizon`. */
function endOf(items: Iterable<RoadmapItem>, horizon: Horizon, except?: string): number {
  let end = 0;
  for (const item of items) if (item.horizon === horizon && item.id !== except) end = Math.max(end, item.order + 1);
  return end;
}

function newItem(change: ScopeChange, effect: Extract<ScopeEffect, { kind: 'add' }>, id: string, order: number, now: number): RoadmapItem {
  return {
    id,
    programId: change.programId,
    title: effect.title,
    description: `Added by the scope change "${change.title}".`,
    owner: '',
    horizon: effect.horizon,
    order,
    earliest: effect.earliest,
    latest: effect.latest,
    confidence: effect.confidence,
    forecastAt: now,
    status: 'planned',
    uncertaintyIds: [],
    metricIds: [],
    decisionIds: [],
    history: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The sentence for effects whose roadmap item is gone. */
function missingSentence(positions: number[], total: number): string {
  const which = total === 1 ? 'Its effect names' : positions.length === 1 ? `Effect ${positions[0]} names` : `Effects ${positions.join(', ')} name`;
  return `${which} a roadmap item that is no longer on the roadmap, so nothing was applied. Remove ${positions.length === 1 ? 'that effect' : 'those effects'} and apply again, or accept without applying.`;
}

/**
 * What applying `change` to the program's roadmap `items` writes, made at `now` (new items get
 * ids from `newId`); refused when it was applied already or names an item that is gone.
 */
export function applyScopeChange(change: ScopeChange, items: readonly RoadmapItem[], now: number, newId: () => string): Check<Application> {
  if (change.appliedAt !== null) return failed(`This change was applied to the roadmap on ${formatDateTime(change.appliedAt)}; it cannot be applied twice.`);
  if (change.effects.length === 0) return failed('This change has no effects on the roadmap to apply.');
  const working = new Map(items.map((item) => [item.id, item]));
  const touched = new Set<string>();
  const added: RoadmapItem[] = [];
  const missing: number[] = [];
  change.effects.forEach((effect, i) => {
    if (effect.kind === 'add') {
      const item = newItem(change, effect, newId(), endOf(working.values(), effect.horizon), now);
      working.set(item.id, item);
      added.push(item);
      return;
    }
    const item = working.get(effect.roadmapItemId);
    if (!item) {
      missing.push(i + 1);
      return;
    }
    let next: RoadmapItem;
    if (effect.kind === 'drop') {
      next = { ...item, status: 'dropped' };
    } else {
      const forecast = withForecast(item, { horizon: effect.horizon, earliest: effect.earliest, latest: effect.latest }, now);
      next = { ...item, ...forecast };
      // Moved to another horizon: it goes to the end there.
      if (effect.horizon !== item.horizon) next.order = endOf(working.values(), effect.horizon, item.id);
    }
    working.set(item.id, { ...next, updatedAt: now });
    touched.add(item.id);
  });
  if (missing.length) return failed(missingSentence(missing, change.effects.length));
  return passed({
    updated: [...touched].map((id) => working.get(id)!),
    added,
    // The items it added are among those it touches, so the change links to them.
    change: { appliedAt: now, roadmapItemIds: [...new Set([...change.roadmapItemIds, ...added.map((a) => a.id)])] },
  });
}
