import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in roadmap items not yet stored (see pending-edits.ts) goes in on the next start or a
// retry, only if nobody changed the text since; the repository's rules refuse what may not be
// stored. The repository loads only when there is something to replay, so the roadmap stays out
// of the start-up bundle.

export const ROADMAP_TEXT_FIELDS = ['title', 'description', 'owner'] as const;
export type RoadmapTextField = (typeof ROADMAP_TEXT_FIELDS)[number];

/** The journal's kind for typing in a roadmap item's field ("roadmap-title"). */
export const roadmapTextKind = (field: RoadmapTextField) => `roadmap-${field}`;

export function roadmapReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/roadmap-repo')).RoadmapRepository(services.editor);
  return Object.fromEntries(
    ROADMAP_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      roadmapTextKind(field),
      async (edit) =>
        writeIfUnchanged((await services.db.roadmapItems.get(edit.id))?.[field], edit, async () => (await repo()).updateItem(edit.id, { [field]: textOf(edit) })),
    ]),
  );
}
