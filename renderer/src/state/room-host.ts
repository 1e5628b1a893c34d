import type { RoomDevice, RoomDiagnosis, RoomInfo, RoomInterface } from '../../../electron/room/protocol';
import type { Submission } from '../domain/room/model';

// What the facilitator's room views read and do. One object for the whole window
// (state/room.svelte.ts), not one per page: once room mode is on, participants' messages are
// recorded and answered whichever area the facilitator is in.

export type RoomPhase =
  /** Room mode cannot run here (a plain static copy of the web build: no room server). */
  | 'unavailable'
  | 'off'
  | 'starting'
  | 'on';

/** A device as the people list shows it, with the session participant it was admitted as. */
export interface RoomPerson extends RoomDevice {
  /** How many items this person submitted in this session. */
  submitted: number;
}

export interface RoomHostApi {
  readonly phase: RoomPhase;
  /** Why room mode is unavailable or failed to start, in a sentence ('' for nothing). */
  readonly problem: string;
  /** The session the room is open for ('' when off). */
  readonly sessionId: string;
  readonly interfaces: RoomInterface[];
  readonly info: RoomInfo | null;
  /** Waiting first, then admitted, each by name. */
  readonly people: RoomPerson[];
  /** This session's submissions, pending first (oldest first), then decided (newest first). */
  readonly submissions: Submission[];

  /** Lists the network interfaces (again). */
  loadInterfaces(): Promise<void>;
  /** Opens the room for a running session on one address; false (with `problem`) when it could not. */
  start(programId: string, sessionId: string, address: string): Promise<boolean>;
  /** Ends room mode after a confirmation (devices are told the room closed); true when it ended. */
  stop(): Promise<boolean>;
  admit(deviceIds: string[]): Promise<void>;
  /** Removes a device after a confirmation naming the person. */
  remove(deviceId: string): Promise<void>;
  setJoining(open: boolean): Promise<void>;
  /** Accepts pending submissions into the program: each as its own item, or all as one item (one undo). */
  accept(submissionIds: string[], how: 'each' | 'group'): Promise<void>;
  decline(submissionIds: string[]): Promise<void>;
  diagnose(): Promise<RoomDiagnosis>;
}
