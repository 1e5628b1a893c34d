import type { SubmissionKind } from '../../../../electron/room/protocol';

// What participants submit from their own devices in room mode. A submission waits in the
// facilitator's inbox until it is accepted into the program (one by one, all, or a group as one
// item) or declined; it is kept with the session, like its captures, and goes into the file.

export type SubmissionStatus = 'pending' | 'accepted' | 'declined';

export interface Submission {
  id: string;
  programId: string;
  sessionId: string;
  /** The block it was written for ('' between blocks). */
  blockId: string;
  /** The session participant who wrote it (as admitted), and their name and function then. */
  participantId: string;
  author: string;
  function: string;
  kind: SubmissionKind;
  text: string;
  /** The id the device gave it: a resent submission with the same id is recorded once. */
  clientId: string;
  status: SubmissionStatus;
  /** The capture it became when accepted ('' otherwise); a group accepted as one shares it. */
  captureId: string;
  /** When it arrived, and when it was accepted or declined (null while pending). */
  at: number;
  decidedAt: number | null;
}
