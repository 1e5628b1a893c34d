import type { ParticipantTimer } from '../../../electron/room/protocol';
import { formatCountdown } from '../domain/sessions/timer';
import { plural } from '../domain/words';

// The block's timer as the participant page shows and announces it. The host sends how much time
// was left when it built the view; the page counts down from there by itself.

/** Time left now: a running timer goes down from `remainingMs` since the view came. */
export function remainingNow(timer: ParticipantTimer, receivedAt: number, now: number): number {
  return timer.state === 'running' ? timer.remainingMs - (now - receivedAt) : timer.remainingMs;
}

/** What the clock face shows: "4:05"; "+1:20" over time (the words say "over time by"). */
export function clockText(remainingMs: number): string {
  return remainingMs < 0 ? formatCountdown(remainingMs).slice(1) : formatCountdown(remainingMs);
}

/** The line under the clock, in words. */
export function timerCaption(state: ParticipantTimer['state'], remainingMs: number): string {
  if (state === 'paused') return 'Paused';
  if (state === 'not-started') return 'Not started yet';
  if (state === 'ended') return 'This block has ended';
  return remainingMs < 0 ? 'Over time by' : 'Time left';
}

/**
 * What a screen reader is told, politely, and only when the words change: once a minute while
 * running ("4 minutes left"), never every second.
 */
export function timerAnnouncement(state: ParticipantTimer['state'], remainingMs: number): string {
  if (state === 'paused') return 'The timer is paused.';
  if (state !== 'running') return '';
  if (remainingMs < 0) {
    const over = Math.floor(-remainingMs / 60_000);
    return over === 0 ? 'Time is up.' : `Over time by ${plural(over, 'minute')}.`;
  }
  const minutes = Math.ceil(remainingMs / 60_000);
  return minutes <= 1 ? 'Less than a minute left.' : `${plural(minutes, 'minute')} left.`;
}
