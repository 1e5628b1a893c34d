import { liveQuery, type Observable } from 'dexie';
import type { Capture, Session, VoteRound } from '../domain/sessions/model';
import type { Editor } from './editor';

/**
 * The program's planning sessions: reading them (every part of a session reads through here)
 * and planning them. Running a session, voting and looking back have repositories of their own
 * (session-run-repo.ts, votes-repo.ts); every write is one undoable edit.
 */
export class SessionsRepository {
  constructor(
    protected readonly editor: Editor,
    protected readonly now: () => number = Date.now,
  ) {}

  protected get db() {
    return this.editor.db;
  }

  watchSessions(programId: string): Observable<Session[]> {
    return liveQuery(() => this.db.sessions.where({ programId }).toArray());
  }

  /** One session; undefined when it is not there (deleted, or a link from elsewhere). */
  watchSession(id: string): Observable<Session | undefined> {
    return liveQuery(() => this.db.sessions.get(id));
  }

  /** What the session captured, oldest first. */
  watchCaptures(sessionId: string): Observable<Capture[]> {
    return liveQuery(async () => (await this.db.captures.where({ sessionId }).toArray()).sort((a, b) => a.at - b.at));
  }

  /** The session's voting rounds, oldest first. */
  watchVotes(sessionId: string): Observable<VoteRound[]> {
    return liveQuery(async () => (await this.db.votes.where({ sessionId }).toArray()).sort((a, b) => a.createdAt - b.createdAt));
  }
}
