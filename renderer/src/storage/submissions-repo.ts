import { liveQuery, type Observable } from 'dexie';
import type { SubmitMessage } from '../../../electron/room/protocol';
import { newId } from '../domain/ids';
import { decideSubmit } from '../domain/room/decide';
import { acceptedCaptures } from '../domain/room/inbox';
import type { Submission } from '../domain/room/model';
import { plural } from '../domain/words';
import type { Editor } from './editor';
import { InvalidInputError } from './errors';
import { writeCapture } from './session-run-repo';

/** The host's answer to a device's intention, as the ack command carries it. */
export type IntentionAnswer = { status: 'recorded' } | { status: 'refused'; message: string };

/**
 * What participants submit from their devices in room mode, and the facilitator's inbox of it.
 *
 * Receiving is not the facilitator's edit: it goes through the editor (one transaction, in turn
 * with the facilitator's edits) but stays off the undo history, so Undo never takes back what
 * someone in the room wrote. Accepting and declining are the facilitator's edits, each undoable.
 */
export class SubmissionsRepository {
  constructor(
    private readonly editor: Editor,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.editor.db;
  }

  /** The session's submissions, in the order they came. */
  watchSubmissions(sessionId: string): Observable<Submission[]> {
    return liveQuery(async () => (await this.db.submissions.where({ sessionId }).toArray()).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)));
  }

  /**
   * Records participants' submitted items, each once, in one transaction (a full room sends
   * hundreds in a burst, and each commit waits for the disk): each is decided against the session
   * as stored in the same transaction, so a resent id (the same participant and client id) is
   * found even when two copies arrive together, and is answered as recorded without a second row.
   */
  receiveMany(sessionId: string, items: readonly { participantId: string; message: SubmitMessage }[]): Promise<IntentionAnswer[]> {
    return this.editor.edit(
      'Receive submissions',
      async (tx): Promise<IntentionAnswer[]> => {
        const session = await this.db.sessions.get(sessionId);
        if (!session) return items.map(() => ({ status: 'refused', message: 'The session is no longer there.' }));
        const made: Submission[] = [];
        const answers: IntentionAnswer[] = [];
        for (const { participantId, message } of items) {
          const stored = await this.db.submissions.where({ sessionId, participantId, clientId: message.id }).toArray();
          const resent = [...stored, ...made.filter((s) => s.participantId === participantId && s.clientId === message.id)];
          const decision = decideSubmit({ session, submissions: resent, at: this.now(), makeId: newId }, participantId, message);
          if (decision.kind === 'refuse') answers.push({ status: 'refused', message: decision.message });
          else {
            if (decision.kind === 'record') made.push(decision.value);
            answers.push({ status: 'recorded' });
          }
        }
        if (made.length) await tx.insert('submissions', made);
        return answers;
      },
      { undoable: false },
    );
  }

  /** Records one participant's submitted item once (see receiveMany). */
  async receive(sessionId: string, participantId: string, message: SubmitMessage): Promise<IntentionAnswer> {
    const [answer] = await this.receiveMany(sessionId, [{ participantId, message }]);
    return answer!;
  }

  private async pending(ids: readonly string[]): Promise<Submission[]> {
    const found = await this.db.submissions.bulkGet([...ids]);
    const rows = found.filter((s): s is Submission => s !== undefined);
    if (rows.length !== ids.length) throw new InvalidInputError('Some of those items are no longer in the inbox.');
    if (rows.some((s) => s.status !== 'pending')) throw new InvalidInputError('Some of those items were accepted or declined already.');
    if (new Set(rows.map((s) => s.sessionId)).size > 1) throw new InvalidInputError('Those items come from different sessions.');
    return rows;
  }

  /**
   * Accepts pending submissions into the program, in one edit (one undo takes it all back): each
   * as its own capture, or the lot as one, made as the capture bar makes them (an uncertainty on
   * the map, a parking-lot topic, a note) with the block they were written in.
   */
  accept(ids: readonly string[], how: 'each' | 'group'): Promise<Submission[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.editor.edit(acceptLabel(ids.length, how), async (tx) => {
      const rows = await this.pending(ids);
      const at = this.now();
      const accepted: Submission[] = [];
      for (const made of acceptedCaptures(rows, how)) {
        const first = rows.find((s) => s.id === made.submissionIds[0])!;
        const { capture } = await writeCapture(this.db, tx, { programId: first.programId, sessionId: first.sessionId, blockId: first.blockId }, made.kind, made.text, at);
        for (const id of made.submissionIds) accepted.push(await tx.update<Submission>('submissions', id, { status: 'accepted', captureId: capture.id, decidedAt: at }));
      }
      return accepted;
    });
  }

  /** Declines pending submissions (kept, marked declined, so the participant sees it); one undo. */
  decline(ids: readonly string[]): Promise<Submission[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.editor.edit(ids.length === 1 ? 'Decline a submitted item' : `Decline ${plural(ids.length, 'submitted item')}`, async (tx) => {
      const rows = await this.pending(ids);
      const at = this.now();
      const declined: Submission[] = [];
      for (const row of rows) declined.push(await tx.update<Submission>('submissions', row.id, { status: 'declined', decidedAt: at }));
      return declined;
    });
  }
}

function acceptLabel(count: number, how: 'each' | 'group'): string {
  if (count === 1) return 'Accept a submitted item';
  return how === 'group' ? `Accept ${plural(count, 'submitted item')} as one` : `Accept ${plural(count, 'submitted item')}`;
}

