import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in actions not yet stored (see pending-edits.ts) goes in on the next start or a retry,
// only if nobody changed the text since. The repository loads only when there is something to replay.

export const ACTION_TEXT_FIELDS = ['title', 'owner', 'notes'] as const;
export type ActionTextField = (typeof ACTION_TEXT_FIELDS)[number];

export const actionTextKind = (field: ActionTextField) => `action-${field}`;

export function actionReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/actions-repo')).ActionsRepository(services.editor);
  return Object.fromEntries(
    ACTION_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      actionTextKind(field),
      async (edit) => writeIfUnchanged((await services.db.actions.get(edit.id))?.[field], edit, async () => (await repo()).updateAction(edit.id, { [field]: textOf(edit) })),
    ]),
  );
}
