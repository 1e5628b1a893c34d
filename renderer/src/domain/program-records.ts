import type { Action } from './actions/model';
import type { DecisionRecord } from './decisions/model';
import type { Metric, ProgramFunction } from './metrics/model';
import type { Program } from './program';
import type { RevisitReview } from './revisit/model';
import type { RoadmapItem } from './roadmap/model';
import type { ScopeChange } from './scope/model';
import type { Capture, Session, VoteRound } from './sessions/model';
import type { SessionSnapshot } from './sessions/snapshot';
import type { ProgramSnapshot } from './snapshot';
import type { Matrix } from './tradeoffs/model';
import type { Layer, UncertaintyItem } from './uncertainty/model';

/**
 * One program and every record it owns, typed per table: what the reports, Markdown, CSV and
 * OpenSLO writers read. Keys are the database's table names, as in a `.keel.json` file.
 */
export interface ProgramRecords {
  program: Program;
  layers: Layer[];
  uncertaintyItems: UncertaintyItem[];
  functions: ProgramFunction[];
  metrics: Metric[];
  matrices: Matrix[];
  roadmapItems: RoadmapItem[];
  decisions: DecisionRecord[];
  scopeChanges: ScopeChange[];
  actions: Action[];
  revisitReviews: RevisitReview[];
  sessions: Session[];
  captures: Capture[];
  votes: VoteRound[];
  snapshots: SessionSnapshot[];
}

/**
 * The typed view of a snapshot read from the database or a validated file. The rows are the
 * stored ones (validated on the way in), so this only names their types; a table missing from
 * the snapshot is empty.
 */
export function programRecords(snapshot: ProgramSnapshot): ProgramRecords {
  const rows = <T>(table: string): T[] => (snapshot.owned[table] ?? []) as unknown as T[];
  return {
    program: snapshot.program,
    layers: rows('layers'),
    uncertaintyItems: rows('uncertaintyItems'),
    functions: rows('functions'),
    metrics: rows('metrics'),
    matrices: rows('matrices'),
    roadmapItems: rows('roadmapItems'),
    decisions: rows('decisions'),
    scopeChanges: rows('scopeChanges'),
    actions: rows('actions'),
    revisitReviews: rows('revisitReviews'),
    sessions: rows('sessions'),
    captures: rows('captures'),
    votes: rows('votes'),
    snapshots: rows('snapshots'),
  };
}
