import type { Action, ActionStatus } from '../actions/model';
import type { DecisionRecord, DecisionStatus } from '../decisions/model';
import { breaches } from '../metrics/guardrail';
import type { Metric, ProgramFunction } from '../metrics/model';
import type { Horizon, ForecastConfidence, RoadmapItem, RoadmapStatus } from '../roadmap/model';
import type { ScopeChange, ScopeDecision } from '../scope/model';
import type { ProgramSnapshot } from '../snapshot';
import type { Matrix } from '../tradeoffs/model';
import type { ItemKind, ItemStatus, Layer, UncertaintyItem } from '../uncertainty/model';
import { truncate } from '../words';

// What a session keeps of the program when it starts and when it closes: every record of every
// area, with the fields "since last session" compares, and not the rest (readings, evidence text,
// scores), so a snapshot is small and fifty of them do not slow a program down. Two snapshots,
// or a snapshot and the program now, are compared by domain/sessions/diff.ts.

export interface ProgramState {
  layers: { id: string; name: string }[];
  functions: { id: string; name: string }[];
  uncertainty: {
    id: string;
    title: string;
    layerId: string;
    kind: ItemKind;
    impact: number;
    uncertainty: number;
    status: ItemStatus;
    /**
     * How many evidence entries it had, and the start of the latest one's lesson ('' for none):
     * "since last session" quotes only its first words, and a lesson may run to pages.
     */
    evidence: number;
    lastEvidence: string;
  }[];
  metrics: {
    id: string;
    name: string;
    version: number;
    /** Function ids that agreed to the current version. */
    agreed: string[];
    /** Whether the latest reading broke the guardrail. */
    breached: boolean;
    /** The latest reading's day ('' for none) and value. */
    latestDate: string;
    latestValue: number | null;
  }[];
  matrices: {
    id: string;
    question: string;
    /** The option decided on, by title ('' while undecided). */
    decided: string;
    /** How many times a decision was reopened. */
    reopened: number;
  }[];
  roadmap: {
    id: string;
    title: string;
    horizon: Horizon;
    earliest: string;
    latest: string;
    confidence: ForecastConfidence;
    status: RoadmapStatus;
  }[];
  decisions: { id: string; number: number; title: string; status: DecisionStatus }[];
  scope: { id: string; title: string; decision: ScopeDecision }[];
  actions: { id: string; title: string; status: ActionStatus; owner: string; due: string }[];
}

/** A program's state, kept by a session. */
export interface SessionSnapshot {
  id: string;
  programId: string;
  sessionId: string;
  /** Why it was taken: the session starting or closing. */
  moment: 'start' | 'end';
  at: number;
  state: ProgramState;
}

/** How much of the latest lesson a snapshot keeps. */
export const LESSON_KEPT = 120;

const rows = <T>(snapshot: ProgramSnapshot, table: string) => (snapshot.owned[table] ?? []) as unknown as T[];

/** The state of a program, as a session keeps it. */
export function programState(snapshot: ProgramSnapshot): ProgramState {
  return {
    layers: rows<Layer>(snapshot, 'layers').map(({ id, name }) => ({ id, name })),
    functions: rows<ProgramFunction>(snapshot, 'functions').map(({ id, name }) => ({ id, name })),
    uncertainty: rows<UncertaintyItem>(snapshot, 'uncertaintyItems').map((item) => ({
      id: item.id,
      title: item.title,
      layerId: item.layerId,
      kind: item.kind,
      impact: item.impact,
      uncertainty: item.uncertainty,
      status: item.status,
      evidence: item.evidence.length,
      lastEvidence: truncate(latestEvidence(item), LESSON_KEPT),
    })),
    metrics: rows<Metric>(snapshot, 'metrics').map((metric) => {
      const latest = metric.readings[metric.readings.length - 1];
      return {
        id: metric.id,
        name: metric.name,
        version: metric.version,
        agreed: metric.signoffs.filter((s) => s.state === 'agree').map((s) => s.functionId),
        breached: latest ? breaches(latest.value, metric.guardrail) : false,
        latestDate: latest?.date ?? '',
        latestValue: latest?.value ?? null,
      };
    }),
    matrices: rows<Matrix>(snapshot, 'matrices').map((matrix) => ({
      id: matrix.id,
      question: matrix.question,
      decided: matrix.decision ? (matrix.options.find((o) => o.id === matrix.decision?.optionId)?.title ?? '') : '',
      reopened: matrix.pastDecisions.length,
    })),
    roadmap: rows<RoadmapItem>(snapshot, 'roadmapItems').map((item) => ({
      id: item.id,
      title: item.title,
      horizon: item.horizon,
      earliest: item.earliest,
      latest: item.latest,
      confidence: item.confidence,
      status: item.status,
    })),
    decisions: rows<DecisionRecord>(snapshot, 'decisions').map(({ id, number, title, status }) => ({ id, number, title, status })),
    scope: rows<ScopeChange>(snapshot, 'scopeChanges').map(({ id, title, decision }) => ({ id, title, decision })),
    actions: rows<Action>(snapshot, 'actions').map(({ id, title, status, owner, due }) => ({ id, title, status, owner, due })),
  };
}

/** The latest evidence by date (entries are kept in the order they were written). */
function latestEvidence(item: UncertaintyItem): string {
  let latest = item.evidence[0];
  for (const entry of item.evidence) if (latest && entry.date >= latest.date) latest = entry;
  return latest?.learned ?? '';
}
