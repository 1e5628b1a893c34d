// Room mode's one protocol: what participants' devices, the room server and the facilitator's
// window (the host) say to each other. The room server (electron/room/, in Electron's main
// process or in the Node process that serves the web build) checks every message from a device
// against these schemas before anything else reads it; the host and the participant page import
// the types only (the participant page stays small, and what reaches it was built by the host).
//
// Who decides what: the host (the facilitator's Keel, the renderer) is the authority. Devices send
// intentions (a submitted item, a ballot); the server checks the device's token, the request and
// the message's shape, and passes it to the host; the host checks it against the session (domain
// rules), records it and acknowledges it. Secret ballots go from one device to the host only: the
// server never sends a device anything but what the host built for it (its own view).
//
// This module holds no run-time code but constants: the schemas themselves are in
// device-schemas.ts, which only the room server loads, so neither zod nor its compiled parsers
// (which probe `new Function`, refused by the app's CSP) reach the renderer or the participant page.
import type { z } from 'zod';
import type * as schemas from './device-schemas.js';

// ---- Limits (the server enforces them; the host's domain rules repeat none of them) ----

/** The largest message a device may send, in bytes (HTTP body or WebSocket frame). */
export const ROOM_MESSAGE_MAX_BYTES = 16 * 1024;
/** A submitted item's text, in characters. */
export const ROOM_TEXT_MAX = 1000;
/** A participant's name and function, in characters. */
export const ROOM_NAME_MAX = 80;
/** Devices in one room (joined, waiting or admitted). */
export const ROOM_DEVICES_MAX = 200;
/** Messages a device may send: a burst of this many, refilled at ROOM_RATE_PER_SECOND. */
export const ROOM_RATE_BURST = 20;
export const ROOM_RATE_PER_SECOND = 5;
/** The short room code: this many characters from ROOM_CODE_ALPHABET (no 0/O, 1/I/L). */
export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Paths the room server answers on the chosen address (and nothing else). */
export const ROOM_PATHS = {
  /** The participant page (GET), its assets under /assets/. */
  page: '/',
  /** POST JoinRequest -> JoinResponse. */
  join: '/api/join',
  /** WebSocket upgrade; the first frame must be a HelloMessage. */
  socket: '/api/socket',
  /** Fallback when WebSockets fail: POST a DeviceMessage; GET poll?after=<seq> (long poll, 25 s). */
  send: '/api/send',
  poll: '/api/poll',
  /** GET: 200 "ok", for the host's own reachability check (no token, reveals nothing). */
  health: '/api/health',
} as const;

/** A device proves who it is with this header on HTTP requests (and in its hello on a socket). */
export const ROOM_TOKEN_HEADER = 'x-keel-device';

// ---- What participants write ----

export const SUBMISSION_KINDS = ['uncertainty', 'idea', 'concern', 'parking'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
  uncertainty: 'Uncertainty',
  idea: 'Idea',
  concern: 'Concern',
  parking: 'Parking-lot topic',
};

// ---- Device -> server (the schemas that check them: device-schemas.ts) ----

/** POST /api/join: the room code typed (or the join token from the QR code), a name and a function. */
export type JoinRequest = z.infer<typeof schemas.JoinRequestSchema>;

export type JoinResponse =
  | { ok: true; deviceId: string; token: string; status: DeviceStatus }
  | { ok: false; reason: 'wrong-code' | 'joining-closed' | 'room-full' | 'bad-request' | 'too-many-requests'; message: string };

/** The first frame on a socket: the device's own token. */
export type HelloMessage = z.infer<typeof schemas.HelloMessageSchema>;
/** An item written for the block with `blockId`; `id` is the device's own (a resent id is recorded once). */
export type SubmitMessage = z.infer<typeof schemas.SubmitMessageSchema>;
export type BallotMessage = z.infer<typeof schemas.BallotMessageSchema>;
/** Everything a joined device may send (socket frames after the hello; POST /api/send bodies). */
export type DeviceMessage = z.infer<typeof schemas.DeviceMessageSchema>;
/** The intentions the server passes on to the host. */
export type Intention = SubmitMessage | BallotMessage;

// ---- What a device sees (built by the host, per device) ----

export type DeviceStatus = 'waiting' | 'admitted';

export interface ParticipantTimer {
  /** 'running' counts down; 'paused' and 'not-started' hold `remainingMs`; 'ended' shows nothing. */
  state: 'not-started' | 'running' | 'paused' | 'ended';
  /** Milliseconds left when the host built this view (negative: over time). */
  remainingMs: number;
  plannedMinutes: number;
}

export interface ParticipantBlock {
  id: string;
  title: string;
  /** What the block is about, in words ("Review uncertainties"). */
  methodLabel: string;
  /** What the block should produce, as the facilitator wrote it ('' for nothing). */
  outputs: string;
  timer: ParticipantTimer;
  /** What participants may submit during this block; empty: nothing (the page says so). */
  accepts: SubmissionKind[];
}

export interface ParticipantRound {
  id: string;
  title: string;
  dotsPerVoter: number;
  maxPerCandidate: number;
  secret: boolean;
  candidates: { id: string; label: string }[];
  /** Whether this device's participant may vote in it, and whether they have. */
  canVote: boolean;
  voted: boolean;
  /** How many of the round's voters have voted (a count only, never who). */
  votedCount: number;
  voterCount: number;
  /** Present only after the reveal: totals per candidate, most dots first. Never individual ballots. */
  results?: { candidateId: string; label: string; dots: number }[];
}

export interface ParticipantSubmission {
  id: string;
  kind: SubmissionKind;
  text: string;
  status: 'pending' | 'accepted' | 'declined';
}

/** Everything one device is shown: what the current block shows, and its own items. */
export interface ParticipantView {
  sessionTitle: string;
  /** The participant's own name, as admitted. */
  name: string;
  status: DeviceStatus;
  /** The current block, or null between blocks. Absent while waiting to be admitted. */
  block: ParticipantBlock | null;
  /** The current block's open or just revealed voting round, or null. */
  round: ParticipantRound | null;
  /** This participant's own submissions in this session, newest first. */
  mine: ParticipantSubmission[];
}

// ---- Server -> device ----

export type ServerMessage =
  /** Sent after a good hello, and whenever the host publishes a new view for this device. */
  | { type: 'view'; seq: number; view: ParticipantView }
  /** The host's answer to an intention (sent again, the same, for a resent id). */
  | { type: 'ack'; seq: number; id: string; status: 'recorded' | 'refused'; message?: string }
  /** The facilitator removed this device, or room mode ended: the page stops and says so. */
  | { type: 'ended'; seq: number; reason: 'removed' | 'room-closed' }
  /** A message that could not be read or was over a limit (the connection stays open). */
  | { type: 'error'; seq: number; message: string };

// ---- Server <-> host (the facilitator's window) ----

/** One device as the facilitator's people list shows it. */
export interface RoomDevice {
  id: string;
  name: string;
  function: string;
  status: DeviceStatus;
  connected: boolean;
  /** How it is connected now: a WebSocket, the polling fallback, or not at all. */
  via: 'socket' | 'poll' | 'none';
  /** The session participant it was admitted as ('' while waiting). */
  participantId: string;
  joinedAt: number;
  lastSeenAt: number;
}

export type RoomEvent =
  /** A device joined, was admitted, connected or disconnected: its whole state. */
  | { type: 'device'; device: RoomDevice }
  /** A device was removed (by the facilitator) and its token no longer works. */
  | { type: 'device-removed'; deviceId: string }
  /** A checked intention from an admitted device; the host answers with an 'ack' command. */
  | { type: 'intention'; deviceId: string; participantId: string; intention: Intention; receivedAt: number }
  /** A device asked for its view again (it reconnected): the host publishes to it. */
  | { type: 'view-wanted'; deviceId: string }
  /** The server stopped (turned off, the address went away, or an error). */
  | { type: 'stopped'; reason: string };

export type RoomCommand =
  /** Admits a waiting device as a participant of the session (the host made or matched the participant). */
  | { type: 'admit'; deviceId: string; participantId: string }
  /** Removes a device: its token stops working and its connections close. */
  | { type: 'remove'; deviceId: string }
  /** Opens or closes joining (devices already in stay). */
  | { type: 'joining'; open: boolean }
  /** The answer to an intention. */
  | { type: 'ack'; deviceId: string; id: string; status: 'recorded' | 'refused'; message?: string }
  /** New views: each device is sent its own (devices not listed keep what they have). */
  | { type: 'publish'; views: Record<string, ParticipantView> };

/** A network interface the facilitator may open the room on. */
export interface RoomInterface {
  /** The OS's name for it ("Wi-Fi", "en0", "wlp2s0"). */
  name: string;
  /** Its IPv4 address (phones cannot resolve .local names, so the address is what is shown). */
  address: string;
  /** A guess from the name and address, to sort and to warn ("VPN", "virtual switch"). */
  kind: 'wifi' | 'ethernet' | 'vpn' | 'virtual' | 'loopback' | 'other';
}

export interface RoomStartRequest {
  /** One of the addresses `interfaces()` listed. */
  address: string;
  sessionTitle: string;
}

export interface RoomInfo {
  address: string;
  port: number;
  /** http://address:port/ : what is shown in large type. */
  url: string;
  /** The url with the join token: what the QR code holds. */
  joinUrl: string;
  /** The short code typed on the join page. */
  code: string;
  joiningOpen: boolean;
}

export type RoomStartResult = { ok: true; info: RoomInfo } | { ok: false; message: string };

export interface RoomDiagnosis {
  address: string;
  port: number;
  /** Whether this machine reached the room's address and port itself (GET /api/health). */
  reachable: boolean;
  /** Whether the address is still one of this machine's interfaces. */
  addressPresent: boolean;
  /** Plain sentences for the usual causes, most likely first. */
  advice: string[];
}

/**
 * The host's side of room mode, the same in Electron (IPC to main) and in the browser fallback
 * (HTTP to the Node process serving the app). renderer/src/platform/room.ts picks one.
 */
export interface RoomLink {
  interfaces(): Promise<RoomInterface[]>;
  /** Starts listening on the address (on a port the server chooses); one room at a time. */
  start(request: RoomStartRequest): Promise<RoomStartResult>;
  /** Stops listening and ends every device's session. */
  stop(): Promise<void>;
  /** The room running now (after a reload of the facilitator's window), or null. */
  current(): Promise<{ info: RoomInfo; devices: RoomDevice[] } | null>;
  send(command: RoomCommand): Promise<void>;
  /** Subscribes to the server's events; returns the unsubscribe function. */
  onEvent(listener: (event: RoomEvent) => void): () => void;
  diagnose(): Promise<RoomDiagnosis>;
}
