import type { Observable, Subscription } from 'dexie';
import type { BallotMessage, Intention, SubmitMessage, ParticipantView, RoomCommand, RoomDevice, RoomDiagnosis, RoomEvent, RoomInfo, RoomInterface, RoomLink } from '../../../electron/room/protocol';
import type { Program } from '../domain/program';
import { inboxOrder } from '../domain/room/inbox';
import type { Submission } from '../domain/room/model';
import { participantView, waitingView, type ViewSource } from '../domain/room/view';
import type { Session, VoteRound } from '../domain/sessions/model';
import { plural } from '../domain/words';
import { roomLink } from '../platform/room';
import { ProgramRepository } from '../storage/programs-repo';
import { SessionsRepository } from '../storage/sessions-repo';
import { SubmissionsRepository, type IntentionAnswer } from '../storage/submissions-repo';
import { VotesRepository } from '../storage/votes-repo';
import { BatchedIntake } from './batched-intake';
import { confirm } from './confirm.svelte';
import { preference } from './preferences.svelte';
import type { RoomHostApi, RoomPerson, RoomPhase } from './room-host';
import type { Services } from './services';
import { toasts } from './toasts.svelte';
import { Writes } from './writes';

// The host of room mode: the facilitator's window is the authority. Devices' intentions arrive
// as events from the room server (through the RoomLink); each is decided against the session as
// stored (domain/room/decide.ts, inside the repositories' transactions), recorded, acknowledged,
// and every device is sent its own view again (domain/room/view.ts builds it, with the secrecy
// rules). One object for the window: once the room is on, it answers whichever area is open.

/** The network the room was last opened on: offered first next time (every window, after a reload). */
const lastAddress = preference<string>('keel.room.address', (v) => (typeof v === 'string' ? v : undefined), '');
/** The session the room running now is for, so a reloaded window picks the room up again. */
const openRoom = preference<{ programId: string; sessionId: string } | null>(
  'keel.room.session',
  (v) => (v && typeof v === 'object' && typeof (v as Record<string, unknown>).programId === 'string' && typeof (v as Record<string, unknown>).sessionId === 'string' ? (v as { programId: string; sessionId: string }) : undefined),
  null,
);

/**
 * The client id of each ballot recorded from a device, by round and participant, while the room
 * runs: a resend after the facilitator's window reloaded is still answered as recorded, and a
 * second ballot still refused. (Who voted is in the round already; what they voted is not here.)
 */
const ballotIds = preference<Record<string, string>>(
  'keel.room.ballots',
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((id) => typeof id === 'string') ? (v as Record<string, string>) : undefined),
  {},
);

/** How long changes gather before every device is sent its view again (an ack's own device is sent at once). */
export const PUBLISH_DELAY_MS = 100;

const CLOSED_REASONS = {
  ended: 'The session ended, so room mode ended with it.',
  deleted: 'The session is no longer there, so room mode ended.',
  programGone: 'The program was deleted, so room mode ended.',
} as const;

export interface RoomHostOptions {
  now?: () => number;
}

export class RoomHostState implements RoomHostApi {
  phase = $state<RoomPhase>('off');
  problem = $state('');
  sessionId = $state('');
  interfaces = $state.raw<RoomInterface[]>([]);
  info = $state.raw<RoomInfo | null>(null);

  private programId = '';
  /** The room's devices by id (each change a new object: the people list follows). */
  private devices = $state.raw<Readonly<Record<string, RoomDevice>>>({});
  private session = $state.raw<Session | undefined>(undefined);
  private rounds = $state.raw<VoteRound[]>([]);
  private stored = $state.raw<Submission[]>([]);
  private loaded = { session: false, rounds: false, submissions: false };
  private watching: Subscription[] = [];
  private publishTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly sessions: SessionsRepository;
  private readonly programs: ProgramRepository;
  private readonly submissionsRepo: SubmissionsRepository;
  private readonly votes: VotesRepository;
  private readonly writes: Writes;
  private readonly now: () => number;
  private unsubscribe: (() => void) | undefined;
  private disposed = false;
  // A full room sends hundreds of items and ballots at once: each kind is stored in batches.
  private readonly itemIntake = new BatchedIntake<{ participantId: string; message: SubmitMessage }, IntentionAnswer>((items) =>
    this.submissionsRepo.receiveMany(this.sessionId, items),
  );
  private readonly ballotIntake = new BatchedIntake<{ participantId: string; message: BallotMessage; recordedClientId: string | undefined }, IntentionAnswer>((ballots) =>
    this.votes.receiveBallots(this.sessionId, ballots),
  );
  /** What each device was last sent (its view's key): a view that did not change is not sent again. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping of what was sent, never shown
  private readonly sent = new Map<string, string>();

  readonly people: RoomPerson[] = $derived.by(() => {
    const counts: Record<string, number> = {};
    for (const s of this.stored) counts[s.participantId] = (counts[s.participantId] ?? 0) + 1;
    return Object.values(this.devices)
      .map((d) => ({ ...d, submitted: d.participantId ? (counts[d.participantId] ?? 0) : 0 }))
      .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) || a.id.localeCompare(b.id) : a.status === 'waiting' ? -1 : 1));
  });

  readonly submissions: Submission[] = $derived(inboxOrder(this.stored));

  constructor(
    private readonly services: Services,
    private readonly link: RoomLink | undefined,
    options: RoomHostOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sessions = new SessionsRepository(services.editor, this.now);
    this.programs = new ProgramRepository(services.editor, this.now);
    this.submissionsRepo = new SubmissionsRepository(services.editor, this.now);
    this.votes = new VotesRepository(services.editor, this.now);
    this.writes = new Writes(services.editor);
    if (!link) {
      this.phase = 'unavailable';
      this.problem = 'Room mode needs Keel’s desktop app, or Keel started with npm start or npm run web: this copy of Keel cannot listen for devices.';
      return;
    }
    // Listening starts once a running room is picked up: the server holds what participants
    // sent meanwhile, which would otherwise be answered "The room is closed" during a reload.
    void this.pickUp().finally(() => {
      if (!this.disposed) this.unsubscribe = link.onEvent((event) => void this.handle(event));
    });
  }

  /** The network offered first: the one the room was last opened on. */
  get preferredAddress(): string {
    return lastAddress.value;
  }

  /** A room still running from before this window reloaded: carries on with it. */
  private async pickUp(): Promise<void> {
    const running = await this.link!.current().catch(() => null);
    if (!running || this.phase !== 'off') return;
    // Another window may have opened it since this one read the preference.
    openRoom.reload();
    const room = openRoom.value;
    if (!room) {
      // Nothing says which session it serves: it cannot be answered for, so it is closed.
      await this.link!.stop().catch(() => undefined);
      return;
    }
    this.programId = room.programId;
    this.sessionId = room.sessionId;
    this.info = running.info;
    this.devices = Object.fromEntries(running.devices.map((d) => [d.id, d]));
    this.phase = 'on';
    this.watch();
  }

  async loadInterfaces(): Promise<void> {
    if (!this.link) return;
    const listed = await this.writes.read(() => this.link!.interfaces(), 'the network interfaces');
    if (!listed.ok) return;
    // The network used last time first, so the same room is preselected.
    const preferred = lastAddress.value;
    this.interfaces = [...listed.value.filter((i) => i.address === preferred), ...listed.value.filter((i) => i.address !== preferred)];
  }

  async start(programId: string, sessionId: string, address: string): Promise<boolean> {
    if (!this.link) return false;
    if (this.phase === 'on' || this.phase === 'starting') {
      this.problem = 'Room mode is on already: turn it off before opening it for another session.';
      return false;
    }
    this.phase = 'starting';
    this.problem = '';
    const session = await this.services.db.sessions.get(sessionId).catch(() => undefined);
    if (!session || session.status !== 'running') {
      this.phase = 'off';
      this.problem = session ? 'Start the session first: room mode opens for a running session.' : 'That session is no longer there.';
      return false;
    }
    const started = await this.link
      .start({ address, sessionTitle: session.title })
      .catch((error: unknown) => ({ ok: false as const, message: `Room mode could not start: ${error instanceof Error ? error.message : String(error)}` }));
    if (!started.ok) {
      this.phase = 'off';
      this.problem = started.message;
      return false;
    }
    lastAddress.set(address);
    openRoom.set({ programId, sessionId });
    this.programId = programId;
    this.sessionId = sessionId;
    this.info = started.info;
    this.devices = {};
    this.sent.clear();
    ballotIds.set({});
    this.phase = 'on';
    this.watch();
    return true;
  }

  async stop(): Promise<boolean> {
    if (this.phase !== 'on' || !this.link) return false;
    const count = Object.keys(this.devices).length;
    const ok = await confirm({
      title: 'Turn room mode off?',
      message: `${count ? `${plural(count, 'device')} will be told the room has closed. ` : ''}What participants submitted stays in the session’s inbox.`,
      confirmLabel: 'Turn off',
      danger: true,
    });
    if (!ok) return false;
    await this.end('');
    return true;
  }

  /** Stops the server and forgets the room; `problem` says why when it was not the facilitator's choice. */
  private async end(problem: string): Promise<void> {
    if (this.phase !== 'on') return;
    this.closeDown(problem);
    await this.link?.stop().catch(() => undefined);
  }

  private closeDown(problem: string): void {
    this.phase = 'off';
    this.problem = problem;
    this.sessionId = '';
    this.programId = '';
    this.info = null;
    this.devices = {};
    this.sent.clear();
    ballotIds.set({});
    openRoom.set(null);
    this.unwatch();
  }

  /** Destroys the object (tests, and a window closing): stops listening, leaves the room running. */
  dispose(): void {
    this.disposed = true;
    this.unwatch();
    this.unsubscribe?.();
  }

  async admit(deviceIds: string[]): Promise<void> {
    for (const id of deviceIds) {
      const device = this.devices[id];
      if (!device || device.status !== 'waiting') continue;
      const participant = await this.writes.run(() => this.participantFor(device));
      if (!participant.ok) return;
      await this.send({ type: 'admit', deviceId: id, participantId: participant.value });
      this.devices = { ...this.devices, [id]: { ...device, status: 'admitted', participantId: participant.value } };
      await this.publishNow([id]);
    }
  }

  /** The session's participant this device joins as: one of the same name (case aside), else a new one. */
  private async participantFor(device: RoomDevice): Promise<string> {
    const session = await this.services.db.sessions.get(this.sessionId);
    const name = device.name.trim().toLocaleLowerCase();
    const same = session?.participants.find((p) => p.name.trim().toLocaleLowerCase() === name);
    if (same) return same.id;
    return (await this.sessions.addParticipant(this.sessionId, { name: device.name, function: device.function })).id;
  }

  async remove(deviceId: string): Promise<void> {
    const device = this.devices[deviceId];
    if (!device) return;
    const ok = await confirm({
      title: `Remove ${device.name}?`,
      message: `${device.name}’s device leaves the room and cannot come back with the same link. What they submitted stays in the inbox.`,
      confirmLabel: 'Remove',
      danger: true,
    });
    if (!ok) return;
    if (await this.send({ type: 'remove', deviceId })) this.forget(deviceId);
  }

  async setJoining(open: boolean): Promise<void> {
    if (!(await this.send({ type: 'joining', open }))) return;
    if (this.info) this.info = { ...this.info, joiningOpen: open };
  }

  async accept(submissionIds: string[], how: 'each' | 'group'): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.writes.run(() => this.submissionsRepo.accept(submissionIds, how), {
      success: (rows) => (rows.length === 1 ? 'Accepted the item into the program.' : how === 'group' ? `Accepted ${plural(rows.length, 'item')} as one.` : `Accepted ${plural(rows.length, 'item')} into the program.`),
      undo: true,
    });
  }

  async decline(submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.writes.run(() => this.submissionsRepo.decline(submissionIds), {
      success: (rows) => (rows.length === 1 ? 'Declined the item.' : `Declined ${plural(rows.length, 'item')}.`),
      undo: true,
    });
  }

  async diagnose(): Promise<RoomDiagnosis> {
    if (!this.link) throw new Error('Room mode is unavailable here.');
    return this.link.diagnose();
  }

  private forget(deviceId: string): void {
    const { [deviceId]: _gone, ...rest } = this.devices;
    this.devices = rest;
    this.sent.delete(deviceId);
  }

  // --- Events from the room server ---

  private async handle(event: RoomEvent): Promise<void> {
    switch (event.type) {
      case 'device':
        this.devices = { ...this.devices, [event.device.id]: event.device };
        if (this.phase === 'on') await this.publishNow([event.device.id]);
        return;
      case 'device-removed':
        this.forget(event.deviceId);
        return;
      case 'intention':
        return this.answer(event.deviceId, event.participantId, event.intention);
      case 'view-wanted':
        this.sent.delete(event.deviceId);
        if (this.phase === 'on') await this.publishNow([event.deviceId]);
        return;
      case 'stopped':
        if (this.phase === 'on') this.closeDown(event.reason);
        return;
    }
  }

  /** Decides, records and acknowledges one intention, then sends its device its new view at once. */
  private async answer(deviceId: string, participantId: string, intention: Intention): Promise<void> {
    let answer: IntentionAnswer;
    if (this.phase !== 'on') answer = { status: 'refused', message: 'The room is closed.' };
    else {
      try {
        answer = intention.type === 'submit' ? await this.itemIntake.add({ participantId, message: intention }) : await this.receiveBallot(participantId, intention);
      } catch (error) {
        console.error(error);
        answer = { status: 'refused', message: 'Keel could not record it just now: send it again.' };
      }
    }
    await this.send({ type: 'ack', deviceId, id: intention.id, ...answer }, false);
    // The device's new view (its item, the vote count) follows with everyone's, once the stored
    // change reaches the live queries: one publish for a burst rather than one per message.
    if (this.phase === 'on') this.schedulePublish();
  }

  private async receiveBallot(participantId: string, ballot: Extract<Intention, { type: 'ballot' }>): Promise<IntentionAnswer> {
    const key = `${ballot.roundId} ${participantId}`;
    ballotIds.reload();
    const answer = await this.ballotIntake.add({ participantId, message: ballot, recordedClientId: Object.hasOwn(ballotIds.value, key) ? ballotIds.value[key] : undefined });
    if (answer.status === 'recorded' && !Object.hasOwn(ballotIds.value, key)) ballotIds.set({ ...ballotIds.value, [key]: ballot.id });
    return answer;
  }

  private async send(command: RoomCommand, tell = true): Promise<boolean> {
    try {
      await this.link?.send(command);
      return true;
    } catch (error) {
      if (tell) toasts.show(`The room did not answer: ${error instanceof Error ? error.message : String(error)}`, 'error');
      else console.error(error);
      return false;
    }
  }

  // --- Views ---

  /** Follows the session, its rounds and its submissions while the room is on. */
  private watch(): void {
    this.unwatch();
    const { sessionId, programId } = this;
    this.loaded = { session: false, rounds: false, submissions: false };
    const follow = <T>(observable: Observable<T>, next: (value: T) => void) => {
      this.watching.push(observable.subscribe({ next, error: (error: unknown) => console.error(error) }));
    };
    follow(this.sessions.watchSession(sessionId), (session) => {
      this.session = session;
      this.loaded.session = true;
      if (!session) return void this.end(CLOSED_REASONS.deleted);
      if (session.status === 'closed') return void this.end(CLOSED_REASONS.ended);
      this.schedulePublish();
    });
    follow(this.sessions.watchVotes(sessionId), (rounds) => {
      this.rounds = rounds;
      this.loaded.rounds = true;
      this.schedulePublish();
    });
    follow(this.submissionsRepo.watchSubmissions(sessionId), (rows) => {
      this.stored = rows;
      this.loaded.submissions = true;
      this.schedulePublish();
    });
    follow(this.programs.watch(programId), (program: Program | undefined) => {
      if (!program || program.deletedAt !== null) void this.end(CLOSED_REASONS.programGone);
    });
  }

  private unwatch(): void {
    for (const subscription of this.watching.splice(0)) subscription.unsubscribe();
    clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    this.session = undefined;
    this.rounds = [];
    this.stored = [];
  }

  private schedulePublish(): void {
    if (this.publishTimer !== undefined) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = undefined;
      if (this.loaded.session && this.loaded.rounds && this.loaded.submissions) void this.publish(Object.keys(this.devices), this.source());
    }, PUBLISH_DELAY_MS);
  }

  private source(): ViewSource | undefined {
    return this.session ? { session: this.session, rounds: this.rounds, submissions: this.stored, now: this.now() } : undefined;
  }

  /** Sends these devices their views from the session as stored now (not waiting for the live queries). */
  private async publishNow(deviceIds: string[]): Promise<void> {
    const { sessionId } = this;
    const [session, rounds, submissions] = await Promise.all([
      this.services.db.sessions.get(sessionId),
      this.services.db.votes.where({ sessionId }).toArray(),
      this.services.db.submissions.where({ sessionId }).toArray(),
    ]).catch(() => [undefined, [], []] as const);
    if (!session || this.sessionId !== sessionId) return;
    await this.publish(deviceIds, { session, rounds, submissions, now: this.now() });
  }

  private async publish(deviceIds: readonly string[], source: ViewSource | undefined): Promise<void> {
    if (!source || this.phase !== 'on') return;
    const views: Record<string, ParticipantView> = {};
    for (const id of deviceIds) {
      const device = this.devices[id];
      if (!device) continue;
      // Only an admitted device is shown the session; one waiting sees its title and its own name.
      const view = device.status === 'admitted' && device.participantId ? participantView(source, device.participantId, device.name) : waitingView(source.session.title, device.name);
      const key = viewKey(view, source.now);
      if (this.sent.get(id) === key) continue;
      this.sent.set(id, key);
      views[id] = view;
    }
    if (Object.keys(views).length) await this.send({ type: 'publish', views }, false);
  }
}

/**
 * A view's identity for "has it changed": a running timer's time left changes with every build,
 * so it counts by the second it ends at, which stays put while the block runs.
 */
function viewKey(view: ParticipantView, now: number): string {
  const timer = view.block?.timer;
  if (!timer || timer.state !== 'running') return JSON.stringify(view);
  return JSON.stringify({ ...view, block: { ...view.block, timer: { ...timer, remainingMs: Math.round((now + timer.remainingMs) / 1000) } } });
}

let host: RoomHostState | undefined;

/** The window's room host, made on first use (views reach it through state/room-entry.ts). */
export function roomHost(services: Services): RoomHostState {
  host ??= new RoomHostState(services, roomLink());
  return host;
}
