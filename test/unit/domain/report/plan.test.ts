import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { programRecords, type ProgramRecords } from '../../../../renderer/src/domain/program-records';
import {
  decisionLog,
  linkedLabels,
  matrixReports,
  openActions,
  recordLabels,
  roadmapByHorizon,
  sessionSummary,
  sinceLast,
  stateNow,
} from '../../../../renderer/src/domain/report/plan';
import { programState } from '../../../../renderer/src/domain/sessions/snapshot';
import type { Session } from '../../../../renderer/src/domain/sessions/model';
import { parseKeelFile } from '../../../../renderer/src/io/keel-file';
import type { ProgramSnapshot } from '../../../../renderer/src/domain/snapshot';

// The report sections' helpers over the format-7 workshop: a decided matrix (with its record and
// frozen basis) and an undecided one, a superseded decision, a closed session and a planned one.

const FIXTURE = fileURLToPath(new URL('../../../fixtures/format-v7/support-assistant-workshop.keel.json', import.meta.url));

function workshop(): { records: ProgramRecords; snapshot: ProgramSnapshot } {
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('the format-7 fixture did not read');
  return { records: programRecords(parsed.snapshot), snapshot: parsed.snapshot };
}

const session = (records: ProgramRecords, title: string): Session => records.sessions.find((s) => s.title === title)!;
const at = (day: string) => new Date(`${day}T12:00:00`).getTime();

describe('recordLabels', () => {
  it('names a record as links name it, and nothing for a record that is gone', () => {
    const { records } = workshop();
    const label = recordLabels(records);
    const accepted = records.decisions.find((d) => d.status === 'accepted')!;
    expect(label('decision', accepted.id)).toBe(`ADR-0002 ${accepted.title}`);
    expect(label('metric', records.metrics[0]!.id)).toBe(records.metrics[0]!.name);
    expect(label('roadmapItem', 'no-such-id')).toBeUndefined();
    expect(linkedLabels(records, 'uncertainty', ['gone', records.uncertaintyItems[1]!.id])).toEqual([records.uncertaintyItems[1]!.title]);
  });
});

describe('matrixReports', () => {
  it('analyses every matrix oldest first, with the decision record that froze its basis', () => {
    const { records } = workshop();
    const reports = matrixReports(records);
    expect(reports.map((r) => r.matrix.question)).toEqual([
      'Which retrieval upgrade ships next quarter?',
      'How do we cut escalations to a human before the holiday peak?',
    ]);
    const [decided, open] = reports;
    expect(decided!.record?.status).toBe('accepted');
    expect(decided!.record?.basis?.question).toBe(decided!.matrix.question);
    expect(open!.record).toBeUndefined();
    expect(open!.matrix.decision).toBeNull();
  });

  it('gives the ranking and vetoes the matrix page shows, matching what the basis froze while the matrix is locked', () => {
    const { records } = workshop();
    const { matrix, resolved, record } = matrixReports(records)[0]!;
    const title = (id: string) => matrix.options.find((o) => o.id === id)!.title;
    const vetoed = resolved.analysis.results.filter((r) => r.vetoes.length > 0).map((r) => title(r.optionId));
    expect(vetoed).toEqual(['Bigger generation model']);
    expect(record!.basis!.vetoes.map((v) => record!.basis!.options[v.option]!.title)).toEqual(vetoed);
    const basisRanks = record!.basis!.ranking.map((r) => r.rank);
    expect(resolved.analysis.results.map((r) => r.rank)).toEqual(basisRanks);
    expect(resolved.analysis.winner?.optionId).toBe(matrix.decision!.recommendedId);
    // One ranking per function, in the functions' order.
    expect(resolved.analysis.perFunction.map((f) => f.functionId)).toEqual(
      [...records.functions].sort((a, b) => a.order - b.order).map((f) => f.id),
    );
  });
});

describe('decisionLog', () => {
  it('lists the log by number', () => {
    const { records } = workshop();
    const reversed = { ...records, decisions: [...records.decisions].reverse() };
    expect(decisionLog(reversed).map((d) => d.number)).toEqual([1, 2, 3]);
  });
});

describe('roadmapByHorizon', () => {
  it('gives Now, Next and Later in order, each in the board order, empty ones too', () => {
    const { records } = workshop();
    const horizons = roadmapByHorizon(records);
    expect(horizons.map((h) => h.label)).toEqual(['Now', 'Next', 'Later']);
    expect(horizons[0]!.items.map((i) => i.title)).toEqual(['Hybrid retrieval on refund tickets', 'Guardrail on refund amounts', 'Escalation hand-off summary']);
    expect(horizons.flatMap((h) => h.items)).toHaveLength(records.roadmapItems.length);
    const noLater = roadmapByHorizon({ ...records, roadmapItems: records.roadmapItems.filter((i) => i.horizon !== 'later') });
    expect(noLater[2]!.items).toEqual([]);
  });
});

describe('openActions', () => {
  it('keeps open and in-progress actions, soonest due first, and counts the days overdue on the report day', () => {
    const { records } = workshop();
    const rows = openActions(records, at('2026-11-29'));
    expect(rows.map((r) => [r.action.title, r.overdue])).toEqual([
      ['Red-team 200 refund questions against the policy corpus', 5],
      ['Wire success events into the warehouse', 0],
      ['Ask legal for the refund rules', 0],
    ]);
    expect(openActions(records, at('2026-12-14'))[1]!.overdue).toBe(2);
  });
});

describe('sessionSummary', () => {
  it('is the closed session review: blocks as held, captures and votes of that session only', () => {
    const { records } = workshop();
    const { summary, heldMissing } = sessionSummary(records, session(records, 'Kick-off'));
    expect(heldMissing).toBe(false);
    expect(summary.blocks.map((b) => b.result)).toEqual(['done', 'skipped', 'done']);
    expect(summary.carried.map((b) => b.title)).toEqual(['Place them on the map']);
    expect(summary.captures.flatMap((g) => g.captures.map((c) => c.text))).toEqual(
      expect.arrayContaining(['Refund rules differ by country', 'Pilot in one country first', 'Ask legal for the refund rules']),
    );
    expect(summary.votes.map((v) => v.title)).toEqual(['What do we test first?']);
    const planned = sessionSummary(records, session(records, 'Re-planning'));
    expect(planned.heldMissing).toBe(false);
    expect(planned.summary.votes).toEqual([]);
    expect(planned.summary.blocks.every((b) => b.result === 'not-reached')).toBe(true);
  });

  it('says when a closed session lost a snapshot', () => {
    const { records } = workshop();
    const kickoff = session(records, 'Kick-off');
    expect(sessionSummary({ ...records, snapshots: records.snapshots.filter((s) => s.id !== kickoff.endSnapshotId) }, kickoff).heldMissing).toBe(true);
  });
});

describe('stateNow', () => {
  it('is the state a session snapshot keeps of the same program', () => {
    const { records, snapshot } = workshop();
    expect(stateNow(records)).toEqual(programState(snapshot));
  });
});

describe('sinceLast', () => {
  it('has nothing to compare for the first session', () => {
    const { records } = workshop();
    expect(sinceLast(records, session(records, 'Kick-off'))).toEqual({ kind: 'no-earlier' });
  });

  it('compares the last close with now for a planned session, so a change made since shows', () => {
    const { records } = workshop();
    const replanning = session(records, 'Re-planning');
    const before = sinceLast(records, replanning);
    expect(before.kind).toBe('changes');
    const action = records.actions.find((a) => a.title === 'Ask legal for the refund rules')!;
    const changed = { ...records, actions: records.actions.map((a) => (a.id === action.id ? { ...a, status: 'done' as const } : a)) };
    const after = sinceLast(changed, replanning);
    if (after.kind !== 'changes' || before.kind !== 'changes') throw new Error('expected changes');
    expect(after.until).toBe('now');
    expect(after.last.title).toBe('Kick-off');
    expect(after.changes.filter((c) => c.target.id === action.id)).toHaveLength(1);
    expect(after.changes.length).toBe(before.changes.length + (before.changes.some((c) => c.target.id === action.id) ? 0 : 1));
  });

  it('compares with the session’s own close once it is closed, and says when a snapshot is missing', () => {
    const { records } = workshop();
    const kickoff = session(records, 'Kick-off');
    const later: Session = { ...session(records, 'Re-planning'), status: 'closed', startedAt: kickoff.endedAt! + 1000, endedAt: kickoff.endedAt! + 2000, endSnapshotId: kickoff.endSnapshotId };
    const closed = sinceLast({ ...records, sessions: records.sessions.map((s) => (s.id === later.id ? later : s)) }, later);
    // Its close kept the same state as the last one's: nothing changed between them.
    expect(closed).toMatchObject({ kind: 'changes', until: 'end', changes: [] });
    const lost = sinceLast({ ...records, snapshots: [] }, session(records, 'Re-planning'));
    expect(lost).toMatchObject({ kind: 'missing', last: { title: 'Kick-off' } });
  });
});
