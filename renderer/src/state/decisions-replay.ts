import { DECISION_PEOPLE_FIELDS, DECISION_TEXT_FIELDS, isEditable, type DecisionTextField } from '../domain/decisions/fields';
import type { ConsideredOption } from '../domain/decisions/model';
import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in the decision log not yet stored (see pending-edits.ts) goes in on the next start or a
// retry, only if nobody changed the text since, and only while the record is still a draft or a
// proposal (an accepted record is never edited: the typing is kept to restore). The repository
// loads only when needed, so the log stays out of the start-up bundle.

export const DECISION_FIELDS: readonly DecisionTextField[] = ['title', ...DECISION_TEXT_FIELDS, ...DECISION_PEOPLE_FIELDS];
export const decisionTextKind = (field: DecisionTextField) => `decision-${field}`;

/** An option considered, journaled under "recordId/index" (the base text guards against a reorder since). */
export const OPTION_KINDS = { title: 'decision-option-title', description: 'decision-option-description' } as const;
export type OptionField = keyof typeof OPTION_KINDS;

export function decisionReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/decisions-repo')).DecisionsRepository(services.editor);
  /** A settled record keeps what was typed for the user to restore ('changed'), never writes it. */
  const settled = 'changed' as const;
  const option = (field: OptionField): ReplayHandler => async (edit) => {
    const [id, at] = edit.id.split('/');
    const record = await services.db.decisions.get(id!);
    if (record && !isEditable(record)) return settled;
    const index = Number(at);
    const current = record?.options[index];
    return writeIfUnchanged(current?.[field], edit, async () => {
      const options: ConsideredOption[] = record!.options.map((o, i) => (i === index ? { ...o, [field]: textOf(edit) } : o));
      return (await repo()).setOptions(record!.id, options, 'Edit option');
    });
  };
  return {
    ...Object.fromEntries(
      DECISION_FIELDS.map((field): [string, ReplayHandler] => [
        decisionTextKind(field),
        async (edit) => {
          const record = await services.db.decisions.get(edit.id);
          if (record && !isEditable(record)) return settled;
          return writeIfUnchanged(record?.[field], edit, async () => (await repo()).updateText(edit.id, field, textOf(edit)));
        },
      ]),
    ),
    [OPTION_KINDS.title]: option('title'),
    [OPTION_KINDS.description]: option('description'),
  };
}
