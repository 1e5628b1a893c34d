import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../renderer/src/domain/time';

describe('relativeTime', () => {
  const now = Date.UTC(2026, 10, 24, 12, 0, 0);
  it('says just now, minutes, hours and days', () => {
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 60_000, now)).toBe('1 minute ago');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(relativeTime(now - 24 * 3_600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 3 * 24 * 3_600_000, now)).toBe('3 days ago');
  });
  it('falls back to a date after a week', () => {
    expect(relativeTime(now - 30 * 24 * 3_600_000, now)).toMatch(/2026/);
  });
});
