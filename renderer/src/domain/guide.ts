import { agreementOf } from './metrics/agreement';
import type { Metric, ProgramFunction } from './metrics/model';
import type { Program } from './program';
import type { Session } from './sessions/model';
import type { UncertaintyItem } from './uncertainty/model';

// The first-workshop guide's steps, ticked off from the program's real records: a facilitator
// goes from nothing to a first workshop by creating a program, mapping a few uncertainties,
// agreeing a metric and planning a session.

export const GUIDE_STEPS = ['program', 'uncertainties', 'metric', 'session'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/** "A few" uncertainties: enough to compare on the map and to vote on. */
export const GUIDE_MIN_UNCERTAINTIES = 3;

/** What the guide reads of the program it follows; `program` is undefined while there is none. */
export interface GuideRecords {
  program: Pick<Program, 'id'> | undefined;
  uncertaintyItems: readonly Pick<UncertaintyItem, 'id'>[];
  metrics: readonly Pick<Metric, 'id' | 'signoffs'>[];
  functions: readonly ProgramFunction[];
  sessions: readonly Pick<Session, 'id'>[];
}

export interface GuideProgress {
  done: Record<GuideStep, boolean>;
  /** How many steps are done. */
  count: number;
  /** The first step not done, or undefined when all are. */
  next: GuideStep | undefined;
  /** How many uncertainties are mapped, toward GUIDE_MIN_UNCERTAINTIES. */
  mapped: number;
  /** A metric defined but not agreed yet, to open for sign-off; undefined when there is none. */
  metricToAgree: string | undefined;
}

export function guideProgress(records: GuideRecords): GuideProgress {
  const hasProgram = records.program !== undefined;
  const agreed = (m: GuideRecords['metrics'][number]) => agreementOf(m, records.functions).state === 'agreed';
  const done: Record<GuideStep, boolean> = {
    program: hasProgram,
    uncertainties: hasProgram && records.uncertaintyItems.length >= GUIDE_MIN_UNCERTAINTIES,
    // Agreed as the metrics area says it: every required function agrees to the current version.
    metric: hasProgram && records.metrics.some(agreed),
    session: hasProgram && records.sessions.length > 0,
  };
  return {
    done,
    count: GUIDE_STEPS.filter((s) => done[s]).length,
    next: GUIDE_STEPS.find((s) => !done[s]),
    mapped: hasProgram ? records.uncertaintyItems.length : 0,
    metricToAgree: hasProgram ? records.metrics.find((m) => !agreed(m))?.id : undefined,
  };
}

/**
 * The program the guide follows: the one open now, else the one worked on last among those not
 * archived or in the trash; undefined when there is none.
 */
export function guideProgram<P extends Pick<Program, 'id' | 'updatedAt' | 'archivedAt' | 'deletedAt'>>(
  programs: readonly P[],
  openId: string | undefined,
  samples: ReadonlySet<string> = new Set(),
): P | undefined {
  // The sample program is someone else's finished workshop: it must not tick a new user's steps.
  const active = programs.filter((p) => p.archivedAt === null && p.deletedAt === null && !samples.has(p.id));
  const open = openId === undefined ? undefined : active.find((p) => p.id === openId);
  return open ?? active.reduce<P | undefined>((latest, p) => (!latest || p.updatedAt > latest.updatedAt ? p : latest), undefined);
}
