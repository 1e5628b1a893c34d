import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in scope changes not yet stored (see pending-edits.ts) goes in on the next start or a
// retry, only if nobody changed the text since. The repository loads only when there is something
// to replay, so the scope changes' rules stay out of the start-up bundle.

export const SCOPE_TEXT_FIELDS = ['title', 'description', 'requestedBy', 'requestedFunction', 'impactRoadmap', 'impactCost', 'rationale'] as const;
export type ScopeTextField = (typeof SCOPE_TEXT_FIELDS)[number];

export const scopeTextKind = (field: ScopeTextField) => `scope-${field}`;

export function scopeReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/scope-repo')).ScopeRepository(services.editor);
  return Object.fromEntries(
    SCOPE_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      scopeTextKind(field),
      async (edit) =>
        writeIfUnchanged((await services.db.scopeChanges.get(edit.id))?.[field], edit, async () => (await repo()).updateChange(edit.id, { [field]: textOf(edit) })),
    ]),
  );
}
