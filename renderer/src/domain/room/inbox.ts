import type { SubmissionKind } from '../../../../electron/room/protocol';
import { ITEM_TITLE_MAX } from '../uncertainty/model';
import { SESSION_TEXT_MAX, type CaptureKind } from '../sessions/model';
import { andList, truncate } from '../words';
import { SUBMISSION_KIND_LABELS } from '../../../../electron/room/protocol';
import type { Submission } from './model';

// The facilitator's inbox of what participants submitted, and what accepting makes of it: a
// capture, through the capture bar's own rules, so an accepted item is exactly what the
// facilitator would have typed. An uncertainty becomes an item on the map; a parking-lot topic a
// topic (which a round can then vote on); an idea or a concern a note of the session.
//
// Words: an item's title and a topic keep the participant's words as written (they are titles
// on the map and labels in a vote); a note says what it is and who raised it ("Idea: … — from
// Ana (Product)"), since a note is the session's record of what was said. Who wrote an accepted
// item is kept on the submission in every case, which points at its capture.

/** Pending first, oldest first (the order they came in); then decided ones, most recently decided first. */
export function inboxOrder(submissions: readonly Submission[]): Submission[] {
  const pending = submissions.filter((s) => s.status === 'pending').sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const decided = submissions.filter((s) => s.status !== 'pending').sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0) || b.at - a.at || a.id.localeCompare(b.id));
  return [...pending, ...decided];
}

/** The capture a submission's kind makes. */
export function captureKindOf(kind: SubmissionKind): CaptureKind {
  if (kind === 'uncertainty') return 'uncertainty';
  if (kind === 'parking') return 'parking';
  return 'note';
}

/** "Ana (Product)", or the name alone when no function was given. */
export function authorOf(submission: Pick<Submission, 'author' | 'function'>): string {
  return submission.function ? `${submission.author} (${submission.function})` : submission.author;
}

/** Identical texts (case and spacing aside) once, in the order first written. */
function distinctTexts(submissions: readonly Submission[]): string[] {
  const seen = new Set<string>();
  return submissions.flatMap((s) => {
    const key = s.text.trim().replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    return [s.text.trim()];
  });
}

export interface AcceptedCapture {
  kind: CaptureKind;
  text: string;
  /** The submissions it is made from (all of them point at the one capture). */
  submissionIds: string[];
}

/**
 * The captures accepting makes: one per submission ('each'), or one for the lot ('group'), whose
 * text joins their distinct texts with " / ". A group of kinds that make different captures is
 * one note (an uncertainty and an idea are not one item on the map). Texts are cut to what the
 * capture holds (an item's title, a note).
 */
export function acceptedCaptures(submissions: readonly Submission[], how: 'each' | 'group'): AcceptedCapture[] {
  const ordered = [...submissions].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  if (ordered.length === 0) return [];
  const groups = how === 'each' ? ordered.map((s) => [s]) : [ordered];
  return groups.map((group) => {
    const kinds = new Set(group.map((s) => captureKindOf(s.kind)));
    const kind: CaptureKind = kinds.size === 1 ? [...kinds][0]! : 'note';
    const body = distinctTexts(group).join(' / ');
    return { kind, text: kind === 'note' ? noteText(group, body) : truncate(body, kind === 'uncertainty' ? ITEM_TITLE_MAX : SESSION_TEXT_MAX, '…'), submissionIds: group.map((s) => s.id) };
  });
}

function noteText(group: readonly Submission[], body: string): string {
  const labels = [...new Set(group.map((s) => SUBMISSION_KIND_LABELS[s.kind]))];
  const authors = [...new Set(group.map(authorOf))];
  // A long list of names gives way to what was said.
  const from = truncate(` — from ${andList(authors)}`, SESSION_TEXT_MAX / 5, '…');
  return `${truncate(`${labels.join(', ')}: ${body}`, SESSION_TEXT_MAX - from.length, '…')}${from}`;
}
