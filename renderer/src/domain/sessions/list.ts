import type { Session } from './model';

// The sessions list: what is coming first (a running session at the top, then by date, undated
// last), then what was held, newest first.

export const SESSION_FILTERS = ['all', 'upcoming', 'closed'] as const;
export type SessionFilter = (typeof SESSION_FILTERS)[number];

function byDate(a: Session, b: Session): number {
  if (a.date !== b.date) return a.date === '' ? 1 : b.date === '' ? -1 : a.date.localeCompare(b.date);
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export function sessionsInOrder(sessions: readonly Session[]): { upcoming: Session[]; closed: Session[] } {
  const upcoming = sessions.filter((s) => s.status !== 'closed').sort((a, b) => (a.status === 'running' ? 0 : 1) - (b.status === 'running' ? 0 : 1) || byDate(a, b));
  const closed = sessions.filter((s) => s.status === 'closed').sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0) || b.createdAt - a.createdAt);
  return { upcoming, closed };
}

/** The session the presenter window shows from a menu or the palette: the running one, else the next planned. */
export function presenterSession(sessions: readonly Session[]): Session | undefined {
  return sessionsInOrder(sessions).upcoming[0];
}
