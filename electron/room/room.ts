// One open room, apart from HTTP: joining, what each device is sent (over its sockets and its held
// poll), the host's commands, and the events the host hears. server.ts turns requests and frames
// into calls here; everything a device sends has passed guard.ts first.
import { deviceState, DeviceRegistry, refusedJoin, type Device } from './devices.js';
import { parseJoinRequest, readDeviceMessage, type DeviceMessageOutcome } from './messages.js';
import type { Unnumbered } from './outbox.js';
import type { JoinResponse, RoomCommand, RoomEvent, ServerMessage } from './protocol.js';
import { FailureWindow, JOIN_FAILURES_PER_MINUTE } from './rate-limit.js';

/** A device's open WebSocket, as the room needs it. */
export interface DeviceSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** How long a poll is held when there is nothing to send, and how long a device counts as polling after its last poll. */
export const POLL_HOLD_MS = 25_000;
export const POLL_IDLE_MS = 10_000;

/** Close codes the page sees: the room ended (after an `ended` frame), or the token is not (or no longer) valid. */
export const CLOSE_ENDED = 4000;
export const CLOSE_UNAUTHORIZED = 4401;
/** Sockets one device may hold open (tabs of one browser share a token); a newer one closes the oldest. */
export const SOCKETS_PER_DEVICE = 4;
export const CLOSE_TOO_MANY = 1008;

interface HeldPoll {
  after: number;
  answer(messages: ServerMessage[]): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface RoomTimings {
  pollHoldMs: number;
  pollIdleMs: number;
}

export class Room {
  readonly registry: DeviceRegistry;
  private readonly joinFailures = new FailureWindow(JOIN_FAILURES_PER_MINUTE, 60_000);
  private readonly sockets = new Map<string, Set<DeviceSocket>>();
  private readonly polls = new Map<string, Set<HeldPoll>>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    code: string,
    joinToken: string,
    private readonly emit: (event: RoomEvent) => void,
    private readonly now: () => number,
    private readonly timings: RoomTimings = { pollHoldMs: POLL_HOLD_MS, pollIdleMs: POLL_IDLE_MS },
  ) {
    this.registry = new DeviceRegistry(code, joinToken);
  }

  // ---- Joining ----

  /** A POST /api/join body from a remote address: the HTTP status and the answer. */
  join(body: string, remote: string): { status: number; response: JoinResponse } {
    const now = this.now();
    if (!this.joinFailures.allows(remote, now)) return { status: 429, response: refusedJoin('too-many-requests') };
    const parsed = parseJoinRequest(body);
    if (!parsed.ok) return { status: 400, response: refusedJoin('bad-request') };
    const joined = this.registry.join(parsed.value, now);
    if (!joined.ok) {
      if (joined.reason === 'wrong-code') this.joinFailures.fail(remote, now);
      return { status: joined.reason === 'room-full' ? 409 : 403, response: refusedJoin(joined.reason) };
    }
    const { device } = joined;
    this.emit({ type: 'device', device: deviceState(device) });
    return { status: 200, response: { ok: true, deviceId: device.id, token: device.token, status: device.status } };
  }

  // ---- Connections ----

  /** Runs a change to a device's connection and tells the host when what it shows changed. */
  private connection(device: Device, change: () => void): void {
    const before = deviceState(device);
    change();
    device.lastSeenAt = this.now();
    const after = deviceState(device);
    if (before.connected !== after.connected || before.via !== after.via) this.emit({ type: 'device', device: after });
  }

  /** A socket said a good hello: it is sent what the device missed (its newest view included), and the host is asked for a fresh view. */
  attachSocket(device: Device, socket: DeviceSocket): void {
    let set = this.sockets.get(device.id);
    if (!set) this.sockets.set(device.id, (set = new Set()));
    const sockets = set;
    const oldest = sockets.size >= SOCKETS_PER_DEVICE ? sockets.values().next().value : undefined;
    if (oldest) {
      sockets.delete(oldest);
      oldest.close(CLOSE_TOO_MANY, 'This device opened the room in too many tabs.');
    }
    this.connection(device, () => {
      sockets.add(socket);
      device.sockets = sockets.size;
    });
    for (const message of device.outbox.since(0)) socket.send(JSON.stringify(message));
    this.emit({ type: 'view-wanted', deviceId: device.id });
  }

  detachSocket(device: Device, socket: DeviceSocket): void {
    const set = this.sockets.get(device.id);
    if (!set?.delete(socket)) return;
    this.connection(device, () => (device.sockets = set.size));
  }

  /**
   * GET /api/poll: answered at once when something newer than `after` is there, else held until
   * there is (or the hold ends). Each tab of a device may hold one; past SOCKETS_PER_DEVICE the
   * oldest is answered empty (answering every older poll would make two tabs knock each other out
   * in a loop).
   */
  poll(device: Device, after: number, answer: (messages: ServerMessage[]) => void): { cancel(): void } {
    let held = this.polls.get(device.id);
    if (!held) this.polls.set(device.id, (held = new Set()));
    const polls = held;
    const oldest = polls.size >= SOCKETS_PER_DEVICE ? polls.values().next().value : undefined;
    if (oldest) this.answerPoll(device, oldest, []);
    clearTimeout(this.idleTimers.get(device.id));
    const starting = !device.polling && device.sockets === 0;
    this.connection(device, () => (device.polling = true));
    if (starting) this.emit({ type: 'view-wanted', deviceId: device.id });
    const ready = device.outbox.since(after);
    if (ready.length > 0) {
      answer(ready);
      this.pollEnded(device);
      return { cancel: () => undefined };
    }
    const poll: HeldPoll = { after, answer, timer: setTimeout(() => this.answerPoll(device, poll, []), this.timings.pollHoldMs) };
    polls.add(poll);
    return {
      cancel: () => {
        if (!polls.delete(poll)) return;
        clearTimeout(poll.timer);
        this.pollEnded(device);
      },
    };
  }

  private answerPoll(device: Device, poll: HeldPoll, messages: ServerMessage[]): void {
    if (!this.polls.get(device.id)?.delete(poll)) return;
    clearTimeout(poll.timer);
    poll.answer(messages);
    this.pollEnded(device);
  }

  /** A device that does not poll again soon is no longer connected by polling. */
  private pollEnded(device: Device): void {
    clearTimeout(this.idleTimers.get(device.id));
    const timer = setTimeout(() => {
      this.idleTimers.delete(device.id);
      if (!this.polls.get(device.id)?.size) this.connection(device, () => (device.polling = false));
    }, this.timings.pollIdleMs);
    timer.unref?.();
    this.idleTimers.set(device.id, timer);
  }

  // ---- Delivery ----

  /** Numbers a message for a device and sends it on every connection it has. */
  private deliver(device: Device, message: Unnumbered): void {
    const numbered = device.outbox.add(message);
    const text = JSON.stringify(numbered);
    for (const socket of this.sockets.get(device.id) ?? []) socket.send(text);
    for (const poll of this.polls.get(device.id) ?? []) this.answerPoll(device, poll, device.outbox.since(poll.after));
  }

  // ---- Messages from devices ----

  /**
   * One message from a known device. Intentions go to the host; a ping asks the host for the
   * view again. A refusal on a socket is answered there with an error frame (`reply`).
   */
  receive(device: Device, text: string, reply?: DeviceSocket): DeviceMessageOutcome {
    const now = this.now();
    device.lastSeenAt = now;
    const outcome = readDeviceMessage(device, text, now);
    if (outcome.kind === 'refused') {
      reply?.send(JSON.stringify(device.outbox.add({ type: 'error', message: outcome.message })));
    } else if (outcome.kind === 'ping') {
      this.emit({ type: 'view-wanted', deviceId: device.id });
      const view = device.outbox.lastView();
      if (view) reply?.send(JSON.stringify(view));
    } else {
      // A secret ballot goes to the host and nowhere else: never kept, logged or echoed here.
      this.emit({ type: 'intention', deviceId: device.id, participantId: device.participantId, intention: outcome.intention, receivedAt: now });
    }
    return outcome;
  }

  // ---- The host's commands ----

  command(command: RoomCommand): void {
    switch (command.type) {
      case 'admit': {
        const device = this.registry.admit(command.deviceId, command.participantId);
        if (device) this.emit({ type: 'device', device: deviceState(device) });
        return;
      }
      case 'remove':
        this.end(command.deviceId, 'removed');
        return;
      case 'joining':
        this.registry.joiningOpen = command.open;
        return;
      case 'ack': {
        const device = this.registry.get(command.deviceId);
        const { id, status, message } = command;
        if (device) this.deliver(device, message === undefined ? { type: 'ack', id, status } : { type: 'ack', id, status, message });
        return;
      }
      case 'publish':
        for (const [deviceId, view] of Object.entries(command.views)) {
          const device = this.registry.get(deviceId);
          if (device) this.deliver(device, { type: 'view', view });
        }
        return;
    }
  }

  /** Tells a device its part ended, closes its connections and forgets its token. */
  private end(deviceId: string, reason: 'removed' | 'room-closed'): void {
    const device = this.registry.get(deviceId);
    if (!device) return;
    this.deliver(device, { type: 'ended', reason });
    for (const socket of this.sockets.get(deviceId) ?? []) socket.close(CLOSE_ENDED, reason);
    this.sockets.delete(deviceId);
    this.polls.delete(deviceId);
    clearTimeout(this.idleTimers.get(deviceId));
    this.idleTimers.delete(deviceId);
    this.registry.remove(deviceId);
    if (reason === 'removed') this.emit({ type: 'device-removed', deviceId });
  }

  /** Ends every device (room mode turned off or the listener lost). */
  close(): void {
    for (const device of this.registry.all()) this.end(device.id, 'room-closed');
  }
}
