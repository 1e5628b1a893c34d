import { describe, expect, it } from 'vitest';
import { ballotDots, canAdd, changeDots, dotsLeft } from '../../../renderer/src/participant/dots';
import { clockText, remainingNow, timerAnnouncement, timerCaption } from '../../../renderer/src/participant/timer-words';

const running = { state: 'running' as const, remainingMs: 5 * 60_000, plannedMinutes: 10 };

describe('the block’s timer on the page', () => {
  it('counts down from the view’s time only while running', () => {
    expect(remainingNow(running, 1000, 1000 + 61_000)).toBe(239_000);
    expect(remainingNow({ ...running, state: 'paused' }, 1000, 999_999)).toBe(300_000);
    expect(remainingNow({ ...running, remainingMs: 2000 }, 0, 5000)).toBe(-3000);
  });

  it('shows minutes and seconds; over time without the sign, the words say it', () => {
    expect(clockText(300_000)).toBe('5:00');
    expect(clockText(239_000)).toBe('3:59');
    expect(clockText(239_400)).toBe('4:00');
    expect(clockText(-1)).toBe('0:01');
    expect(clockText(-80_000)).toBe('1:20');
    expect(timerCaption('running', -1)).toBe('Over time by');
    expect(timerCaption('running', 1)).toBe('Time left');
    expect(timerCaption('paused', 1)).toBe('Paused');
    expect(timerCaption('not-started', 1)).toBe('Not started yet');
  });

  it('is announced once a minute, not every second', () => {
    const words = new Set<string>();
    for (let ms = 300_000; ms >= -125_000; ms -= 1000) words.add(timerAnnouncement('running', ms));
    expect([...words]).toEqual([
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
      'Less than a minute left.',
      'Time is up.',
      'Over time by 1 minute.',
      'Over time by 2 minutes.',
    ]);
    expect(timerAnnouncement('paused', 10_000)).toBe('The timer is paused.');
    expect(timerAnnouncement('not-started', 10_000)).toBe('');
  });
});

describe('dots before they are cast', () => {
  const round = { dotsPerVoter: 3, maxPerCandidate: 2, candidates: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] };

  it('stay within the dots per voter and the most on one candidate', () => {
    let dots = {};
    dots = changeDots(round, dots, 'a', 1);
    dots = changeDots(round, dots, 'a', 1);
    const full = changeDots(round, dots, 'a', 1);
    expect(full).toBe(dots);
    expect(canAdd(round, dots, 'a')).toBe(false);
    dots = changeDots(round, dots, 'b', 1);
    expect(dotsLeft(round, dots)).toBe(0);
    expect(changeDots(round, dots, 'c', 1)).toBe(dots);
    expect(changeDots(round, dots, 'c', -1)).toBe(dots);
    dots = changeDots(round, dots, 'a', -1);
    expect(dots).toEqual({ a: 1, b: 1 });
    expect(dotsLeft(round, dots)).toBe(1);
  });

  it('make a ballot of the candidates with dots, in the round’s order', () => {
    expect(ballotDots(round, { c: 1, a: 2, b: 0 })).toEqual([
      { candidateId: 'a', dots: 2 },
      { candidateId: 'c', dots: 1 },
    ]);
  });
});
