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

/**
 * The protocol's kinds and their names, as values the renderer uses without loading the
 * protocol's schemas (and zod with them) into its bundles; a unit test checks they are the same.
 */
export const SUBMITTED_KINDS = ['uncertainty', 'idea', 'concern', 'parking'] as const satisfies readonly SubmissionKind[];
export const SUBMITTED_KIND_LABELS: Record<SubmissionKind, string> = {
  uncertainty: 'Uncertainty',
  idea: 'Idea',
  concern: 'Concern',
  parking: 'Parking-lot topic',
};
