import { textOf, writeIfUnchanged, type ReplayHandler } from './pending-edits';
import type { Services } from './services';

// Typing in a session's plan not yet stored (see pending-edits.ts) goes in on the next start or a
// retry, only if nobody changed the text since. Ids are "session", "session/participant" or
// "session/block". The repository loads only when there is something to replay, so the sessions
// area stays out of the start-up bundle.

export const SESSION_TEXT_FIELDS = ['title', 'place', 'facilitator', 'goals'] as const;
export type SessionTextField = (typeof SESSION_TEXT_FIELDS)[number];
export const PARTICIPANT_TEXT_FIELDS = ['name', 'function'] as const;
export type ParticipantTextField = (typeof PARTICIPANT_TEXT_FIELDS)[number];
export const BLOCK_TEXT_FIELDS = ['title', 'outputs', 'notes'] as const;
export type BlockTextField = (typeof BLOCK_TEXT_FIELDS)[number];

/** The journal's kinds: "session-title", "participant-name", "block-outputs". */
export const sessionTextKind = (field: SessionTextField) => `session-${field}`;
export const participantTextKind = (field: ParticipantTextField) => `participant-${field}`;
export const blockTextKind = (field: BlockTextField) => `block-${field}`;

export function sessionReplayHandlers(services: Services): Record<string, ReplayHandler> {
  const repo = async () => new (await import('../storage/sessions-repo')).SessionsRepository(services.editor);
  const session = (id: string) => services.db.sessions.get(id);
  const handlers: [string, ReplayHandler][] = [
    ...SESSION_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      sessionTextKind(field),
      async (edit) => writeIfUnchanged((await session(edit.id))?.[field], edit, async () => (await repo()).updateSession(edit.id, { [field]: textOf(edit) })),
    ]),
    ...PARTICIPANT_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      participantTextKind(field),
      async (edit) => {
        const [id, participantId] = edit.id.split('/') as [string, string];
        const stored = (await session(id))?.participants.find((p) => p.id === participantId)?.[field];
        return writeIfUnchanged(stored, edit, async () => (await repo()).updateParticipant(id, participantId, { [field]: textOf(edit) }));
      },
    ]),
    ...BLOCK_TEXT_FIELDS.map((field): [string, ReplayHandler] => [
      blockTextKind(field),
      async (edit) => {
        const [id, blockId] = edit.id.split('/') as [string, string];
        const stored = (await session(id))?.blocks.find((b) => b.id === blockId)?.[field];
        return writeIfUnchanged(stored, edit, async () => (await repo()).updateBlock(id, blockId, { [field]: textOf(edit) }));
      },
    ]),
  ];
  return Object.fromEntries(handlers);
}
