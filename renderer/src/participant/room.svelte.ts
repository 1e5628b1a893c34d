import type { ParticipantRound, ParticipantView, ServerMessage, SubmissionKind, SubmitMessage } from '../../../electron/room/protocol';
import { joinTokenOf, postJoin } from './api';
import { newClientId } from './client-id';
import { RoomConnection, type ConnectionEvents, type LinkState, type Transport } from './connection';
import { ballotDots, type Dots } from './dots';
import { Outbox, type OutboxItem, type OutgoingMessage } from './outbox';
import { normaliseCode } from './join-code';
import { forgetSaved, isRecord, isSavedDevice, isSavedDraft, readSaved, SAVED_KEYS, writeSaved, type SavedDevice, type SavedDraft, type TextStore } from './saved';

// The participant page's state: joining, the line to the room, the view the host sent, the
// outbox, the text being written and the dots being placed. The components read it and call it.

export type Phase = 'join' | 'room' | 'ended';
export type EndReason = 'removed' | 'room-closed' | 'refused';

/** One of "Your items": sent, or on its way, or refused. */
export interface MyItem {
  key: string;
  kind: SubmissionKind;
  text: string;
  status: 'sending' | 'sent' | 'accepted' | 'declined' | 'refused';
  /** Why the host refused it ('' otherwise). */
  problem: string;
}

export interface Profile {
  name: string;
  function: string;
}

const PROFILE_KEY = 'keel.room.profile';
const DOTS_KEY = 'keel.room.dots';
const isProfile = (v: unknown): v is Profile => isRecord(v) && typeof v.name === 'string' && typeof v.function === 'string';
const isSavedDots = (v: unknown): v is { roundId: string; dots: Dots } => isRecord(v) && typeof v.roundId === 'string' && isRecord(v.dots);

export type Connect = (token: string, events: ConnectionEvents) => Pick<RoomConnection, 'start' | 'send' | 'stop' | 'retryNow'>;

export interface RoomDeps {
  store: TextStore;
  /** The page's address (its folder is the API's). */
  page: string;
  connect?: Connect;
  fetch?: typeof fetch;
  now?: () => number;
}

export class ParticipantRoom {
  phase = $state<Phase>('join');
  device = $state<SavedDevice | null>(null);
  view = $state.raw<ParticipantView | null>(null);
  /** When the view came (the timer counts down from it). */
  viewAt = $state(0);
  link = $state<LinkState>('connecting');
  via = $state<Transport>('none');
  endReason = $state<EndReason | null>(null);
  outboxItems = $state.raw<readonly OutboxItem[]>([]);
  /** Submissions the host recorded that no view has listed yet (the ack comes just before the view). */
  recorded = $state.raw<{ message: SubmitMessage; ackSeq: number }[]>([]);
  /** Rounds whose ballot the host recorded, before a view says so. */
  votedRounds = $state.raw<string[]>([]);
  draft = $state<SavedDraft>({ kind: '', text: '' });
  profile = $state<Profile>({ name: '', function: '' });
  dots = $state.raw<{ roundId: string; dots: Dots }>({ roundId: '', dots: {} });
  /** The join token of a QR code's link (then only a name and a function are asked); '' once refused. */
  joinToken = $state('');

  private readonly deps: Required<Omit<RoomDeps, 'fetch'>> & Pick<RoomDeps, 'fetch'>;
  private readonly outbox: Outbox;
  private connection: ReturnType<Connect> | null = null;
  private viewSeq = 0;

  constructor(deps: RoomDeps) {
    this.deps = {
      connect: (token, events) => new RoomConnection({ page: deps.page, token, events }),
      now: () => Date.now(),
      ...deps,
    };
    const { store } = deps;
    this.joinToken = joinTokenOf(deps.page);
    this.outbox = new Outbox(store);
    this.outboxItems = this.outbox.items;
    this.draft = readSaved(store, SAVED_KEYS.draft, isSavedDraft) ?? { kind: '', text: '' };
    this.profile = readSaved(store, PROFILE_KEY, isProfile) ?? { name: '', function: '' };
    this.dots = readSaved(store, DOTS_KEY, isSavedDots) ?? { roundId: '', dots: {} };
    const device = readSaved(store, SAVED_KEYS.device, isSavedDevice);
    if (device) this.enter(device);
  }

  // ---- Joining and leaving ----

  /** Joins with the code typed (or the link's join token); '' when joined, else why not in a sentence. */
  async join(profile: Profile, typedCode: string): Promise<string> {
    this.profile = { name: profile.name.trim(), function: profile.function.trim() };
    writeSaved(this.deps.store, PROFILE_KEY, this.profile);
    const request = this.joinToken
      ? { joinToken: this.joinToken, ...this.profile }
      : { code: normaliseCode(typedCode), ...this.profile };
    const outcome = await postJoin(request, this.deps.page, this.deps.fetch);
    if (!outcome.ok) {
      // A link that no longer works: ask for the code instead.
      if (outcome.reason === 'link-expired') this.joinToken = '';
      return outcome.message;
    }
    const device = { deviceId: outcome.deviceId, token: outcome.token, name: this.profile.name };
    writeSaved(this.deps.store, SAVED_KEYS.device, device);
    this.enter(device);
    return '';
  }

  /** Forgets this room on this device (after the page's confirmation); the text being written stays. */
  leave(): void {
    this.connection?.stop();
    this.connection = null;
    forgetSaved(this.deps.store, SAVED_KEYS.device);
    forgetSaved(this.deps.store, DOTS_KEY);
    this.outbox.clear();
    this.outboxItems = this.outbox.items;
    this.reset();
    this.phase = 'join';
  }

  /** From the end screen back to the join form. */
  joinAgain(): void {
    this.reset();
    this.phase = 'join';
  }

  /** The page became visible again or the network came back: reconnect without waiting. */
  wake(): void {
    this.connection?.retryNow();
  }

  private enter(device: SavedDevice): void {
    this.device = device;
    this.phase = 'room';
    this.link = 'connecting';
    this.viewSeq = 0;
    this.connection = this.deps.connect(device.token, {
      message: (m) => this.receive(m),
      state: (state, via) => {
        this.link = state;
        this.via = via;
      },
      up: () => this.resend(),
      refused: () => this.end('refused'),
    });
    this.connection.start();
  }

  private reset(): void {
    this.device = null;
    this.view = null;
    this.endReason = null;
    this.recorded = [];
    this.votedRounds = [];
  }

  private end(reason: EndReason): void {
    this.connection?.stop();
    this.connection = null;
    // The token no longer works: a reload shows the join form, not a room that is gone.
    forgetSaved(this.deps.store, SAVED_KEYS.device);
    this.endReason = reason;
    this.phase = 'ended';
  }

  // ---- What comes from the room ----

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'view':
        // A view older than the one shown (the socket and polling overlapped) changes nothing.
        if (message.seq < this.viewSeq) return;
        this.viewSeq = message.seq;
        this.view = message.view;
        this.viewAt = this.deps.now();
        this.recorded = this.recorded.filter((r) => r.ackSeq > message.seq);
        if (message.view.round?.voted) this.votedRounds = this.votedRounds.filter((id) => id !== message.view.round?.id);
        return;
      case 'ack': {
        const item = this.outbox.acknowledge(message.id, message.status, message.message);
        this.outboxItems = this.outbox.items;
        if (item && message.status === 'recorded') {
          if (item.message.type === 'submit') this.recorded = [...this.recorded, { message: item.message, ackSeq: message.seq }];
          else {
            this.votedRounds = [...this.votedRounds, item.message.roundId];
            forgetSaved(this.deps.store, DOTS_KEY);
          }
        }
        return;
      }
      case 'ended':
        return this.end(message.reason);
      case 'error':
        // The server could not read something the page sent; the outbox still holds it.
        return;
    }
  }

  private resend(): void {
    for (const message of this.outbox.unsent) this.connection?.send(message);
  }

  private send(message: OutgoingMessage): boolean {
    // Kept before it is sent: a connection that drops now loses nothing.
    const kept = this.outbox.add(message);
    this.outboxItems = this.outbox.items;
    this.connection?.send(message);
    return kept;
  }

  // ---- Writing ----

  saveDraft(draft: SavedDraft): void {
    this.draft = draft;
    writeSaved(this.deps.store, SAVED_KEYS.draft, draft);
  }

  /** Submits the draft for the current block; the field empties at once (the item shows as sending). */
  submit(kind: SubmissionKind, text: string): void {
    const block = this.view?.block;
    const trimmed = text.trim();
    if (!block || trimmed === '') return;
    this.send({ type: 'submit', id: newClientId(), blockId: block.id, kind, text: trimmed });
    this.saveDraft({ kind, text: '' });
  }

  /** Sending, refused, recorded, and the view's own: newest first. */
  get items(): MyItem[] {
    const waiting = this.outboxItems
      .filter((i) => i.message.type === 'submit')
      .map((i): MyItem => {
        const m = i.message as SubmitMessage;
        return { key: m.id, kind: m.kind, text: m.text, status: i.refused === null ? 'sending' : 'refused', problem: i.refused ?? '' };
      })
      .reverse();
    const recorded = this.recorded.map((r): MyItem => ({ key: r.message.id, kind: r.message.kind, text: r.message.text, status: 'sent', problem: '' })).reverse();
    const mine = (this.view?.mine ?? []).map((s): MyItem => ({ key: s.id, kind: s.kind, text: s.text, status: s.status === 'pending' ? 'sent' : s.status, problem: '' }));
    return [...waiting, ...recorded, ...mine];
  }

  dismiss(id: string): void {
    this.outbox.dismiss(id);
    this.outboxItems = this.outbox.items;
  }

  // ---- Voting ----

  /** The dots placed so far in this round (none for another round). */
  dotsFor(round: ParticipantRound): Dots {
    return this.dots.roundId === round.id ? this.dots.dots : {};
  }

  placeDots(round: ParticipantRound, dots: Dots): void {
    this.dots = { roundId: round.id, dots };
    writeSaved(this.deps.store, DOTS_KEY, this.dots);
  }

  /** What the round's ballot is doing: being sent, refused (with why), in, or not cast yet. */
  ballotState(round: ParticipantRound): { state: 'open' | 'sending' | 'refused' | 'in'; problem: string } {
    if (round.voted || this.votedRounds.includes(round.id)) return { state: 'in', problem: '' };
    const item = this.outboxItems.find((i) => i.message.type === 'ballot' && i.message.roundId === round.id);
    if (!item) return { state: 'open', problem: '' };
    return item.refused === null ? { state: 'sending', problem: '' } : { state: 'refused', problem: item.refused };
  }

  castVote(round: ParticipantRound): void {
    // A refused ballot is replaced by the new one.
    for (const item of this.outboxItems) if (item.message.type === 'ballot' && item.message.roundId === round.id) this.outbox.dismiss(item.message.id);
    this.send({ type: 'ballot', id: newClientId(), roundId: round.id, dots: ballotDots(round, this.dotsFor(round)) });
  }
}
