import { liveQuery, type Observable } from 'dexie';
import type { BallotMessage } from '../../../electron/room/protocol';
import { decideBallot } from '../domain/room/decide';
import type { Check } from '../domain/check';
import { newId } from '../domain/ids';
import { withForecast } from '../domain/roadmap/forecast';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { Dots, Session, VoteCandidate, VoteRound } from '../domain/sessions/model';
import {
  castBallot,
  checkApply,
  checkRoundSetup,
  describeApply,
  enterTallies,
  newRound,
  revealRound,
  taggedItems,
  votedPlacement,
  type ApplyChoice,
  type RoundSetup,
} from '../domain/sessions/votes';
import type { UncertaintyItem } from '../domain/uncertainty/model';
import { oldestFirst } from '../domain/order';
import { InvalidInputError, valid } from './errors';
import { SessionsRepository } from './sessions-repo';
import type { IntentionAnswer } from './submissions-repo';

/** What a round can be set up on, in one program and session: each candidate with the label it keeps. */
export interface CandidateSources {
  uncertainty: VoteCandidate[];
  roadmapItem: VoteCandidate[];
  /** The program's matrices, each with its options. */
  matrices: { id: string; question: string; options: VoteCandidate[] }[];
  /** The session's parking-lot topics not yet dealt with. */
  parking: VoteCandidate[];
}

/** A random number in [0, 1) from the system's secure source: where a secret ballot goes among the others. */
function secureRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/**
 * A session's voting rounds: setting them up, casting ballots, entering totals, revealing, and
 * applying a result to the program. Every write is one undoable edit.
 */
export class VotesRepository extends SessionsRepository {
  constructor(
    editor: ConstructorParameters<typeof SessionsRepository>[0],
    now: () => number = Date.now,
    private readonly random: () => number = secureRandom,
  ) {
    super(editor, now);
  }

  watchCandidateSources(programId: string, sessionId: string): Observable<CandidateSources> {
    return liveQuery(async () => {
      const [items, roadmap, matrices, captures] = await Promise.all([
        this.db.uncertaintyItems.where({ programId }).toArray(),
        this.db.roadmapItems.where({ programId }).toArray(),
        this.db.matrices.where({ programId }).toArray(),
        this.db.captures.where({ sessionId }).toArray(),
      ]);
      const byLabel = (a: VoteCandidate, b: VoteCandidate) => a.label.localeCompare(b.label);
      return {
        uncertainty: items.map((i) => ({ id: i.id, label: i.title })).sort(byLabel),
        roadmapItem: roadmap.map((i) => ({ id: i.id, label: i.title })).sort(byLabel),
        matrices: oldestFirst(matrices).map((m) => ({ id: m.id, question: m.question, options: m.options.map((o) => ({ id: o.id, label: o.title })) })),
        parking: captures
          .filter((c) => c.kind === 'parking' && !c.done)
          .sort((a, b) => a.at - b.at)
          .map((c) => ({ id: c.id, label: c.text })),
      };
    });
  }

  private async round(id: string): Promise<VoteRound> {
    const round = await this.db.votes.get(id);
    if (!round) throw new InvalidInputError('That voting round no longer exists.');
    return round;
  }

  private async openSession(id: string): Promise<Session> {
    const session = await this.db.sessions.get(id);
    if (!session) throw new InvalidInputError('That session no longer exists.');
    if (session.status === 'closed') throw new InvalidInputError('This session is closed: its votes are kept as they were.');
    return session;
  }

  /** Writes a round's change worked out by a domain rule from the round as stored in the edit. */
  private changeRound(label: string, id: string, change: (round: VoteRound, session: Session) => Check<Partial<VoteRound>>): Promise<VoteRound> {
    return this.editor.edit(label, async (tx) => {
      const round = await this.round(id);
      const session = await this.openSession(round.sessionId);
      const patch = valid(change(round, session));
      const next = await tx.update<VoteRound>('votes', id, { ...patch, updatedAt: this.now() });
      await this.touchProgram(tx, round.programId);
      return next;
    });
  }

  async addRound(sessionId: string, blockId: string, setup: RoundSetup): Promise<VoteRound> {
    return this.editor.edit(`Set up the vote "${setup.title.trim()}"`, async (tx) => {
      const session = await this.openSession(sessionId);
      if (blockId && !session.blocks.some((b) => b.id === blockId)) throw new InvalidInputError('That agenda block is no longer in the session.');
      const checked = valid(checkRoundSetup(setup, session));
      const round = newRound(newId(), session.programId, sessionId, blockId, checked, this.now());
      await tx.insert('votes', [round]);
      await this.touchProgram(tx, session.programId);
      return round;
    });
  }

  /** One voter's ballot. The label names nobody: the undo list may be seen by the room. */
  castBallot(roundId: string, voterId: string, dots: readonly Dots[]): Promise<VoteRound> {
    return this.changeRound('Cast a vote', roundId, (round) => castBallot(round, voterId, dots, this.now(), this.random));
  }

  /**
   * A ballot from a participant's device in room mode, decided against the round as stored
   * (domain/room/decide.ts) and cast as `castBallot` casts it, but left out of the undo history:
   * the facilitator's Undo must never take back someone's vote. A secret ballot goes in nameless.
   */
  receiveBallot(sessionId: string, participantId: string, message: BallotMessage, recordedClientId: string | undefined): Promise<IntentionAnswer> {
    return this.receiveBallots(sessionId, [{ participantId, message, recordedClientId }]).then((answers) => answers[0]!);
  }

  /**
   * Devices' ballots that arrived together, in one transaction (a full room votes at once, and
   * each commit waits for the disk), each decided on the round as the ones before it left it.
   */
  receiveBallots(sessionId: string, ballots: readonly { participantId: string; message: BallotMessage; recordedClientId: string | undefined }[]): Promise<IntentionAnswer[]> {
    return this.editor.edit(
      ballots.length === 1 ? 'Receive a vote' : 'Receive votes',
      async (tx): Promise<IntentionAnswer[]> => {
        const session = await this.db.sessions.get(sessionId);
        if (!session) return ballots.map(() => ({ status: 'refused', message: 'The session is no longer there.' }));
        const rounds = new Map<string, VoteRound | undefined>();
        const changed = new Set<string>();
        const recordedNow = new Map<string, string>();
        const answers: IntentionAnswer[] = [];
        for (const { participantId, message, recordedClientId } of ballots) {
          if (!rounds.has(message.roundId)) rounds.set(message.roundId, await this.db.votes.get(message.roundId));
          const round = rounds.get(message.roundId);
          const key = `${message.roundId} ${participantId}`;
          const decision = decideBallot(session, round, participantId, message, recordedNow.get(key) ?? recordedClientId);
          if (decision.kind === 'refuse') {
            answers.push({ status: 'refused', message: decision.message });
            continue;
          }
          if (decision.kind === 'record') {
            rounds.set(round!.id, { ...round!, ...valid(castBallot(round!, participantId, decision.value, this.now(), this.random)), updatedAt: this.now() });
            changed.add(round!.id);
            recordedNow.set(key, message.id);
          }
          answers.push({ status: 'recorded' });
        }
        for (const id of changed) {
          const { id: _id, ...patch } = rounds.get(id)!;
          await tx.update<VoteRound>('votes', id, patch);
        }
        return answers;
      },
      { undoable: false },
    );
  }

  enterTallies(roundId: string, tallies: readonly Dots[]): Promise<VoteRound> {
    return this.changeRound('Enter vote totals', roundId, (round) => enterTallies(round, tallies, this.now()));
  }

  reveal(roundId: string): Promise<VoteRound> {
    return this.changeRound('Reveal a vote', roundId, (round) => revealRound(round, this.now()));
  }

  /**
   * Applies a revealed result to the program in one edit (so one undo takes it all back): tags
   * the top uncertainty items, or moves the top roadmap items up (a change of horizon is a
   * forecast change, kept in the item's history). The round records when and how.
   */
  async applyResult(roundId: string, choice: ApplyChoice): Promise<VoteRound> {
    return this.editor.edit('Apply a vote’s result', async (tx) => {
      const round = await this.round(roundId);
      const { winners, tag } = valid(checkApply(round, choice));
      const ids = winners.map((w) => w.id);
      const now = this.now();
      let present: string[];
      if (choice.kind === 'test-first' || choice.kind === 'tag') {
        const items = (await this.db.uncertaintyItems.bulkGet(ids)).filter((i): i is UncertaintyItem => i?.programId === round.programId);
        for (const change of valid(taggedItems(items, tag))) await tx.update<UncertaintyItem>('uncertaintyItems', change.id, { tags: change.tags, updatedAt: now });
        present = items.map((i) => i.id);
      } else {
        const items = await this.db.roadmapItems.where({ programId: round.programId }).toArray();
        for (const change of votedPlacement(items, ids, choice.kind === 'roadmap-now')) {
          const current = items.find((i) => i.id === change.id)!;
          const forecast = change.horizon !== current.horizon ? withForecast(current, { horizon: change.horizon }, now) : {};
          await tx.update<RoadmapItem>('roadmapItems', change.id, { ...forecast, order: change.order, updatedAt: now });
        }
        present = items.filter((i) => ids.includes(i.id)).map((i) => i.id);
      }
      if (present.length === 0) throw new InvalidInputError('The top candidates are no longer in the program: there is nothing to apply.');
      const labels = winners.filter((w) => present.includes(w.id)).map((w) => w.label);
      const next = await tx.update<VoteRound>('votes', roundId, { applied: { at: now, how: describeApply(choice.kind, labels, tag) }, updatedAt: now });
      await this.touchProgram(tx, round.programId);
      return next;
    });
  }

  async deleteRound(roundId: string): Promise<void> {
    return this.editor.edit('Delete a voting round', async (tx) => {
      const round = await this.round(roundId);
      await this.openSession(round.sessionId);
      await tx.remove('votes', [roundId]);
      await this.touchProgram(tx, round.programId);
    });
  }
}
