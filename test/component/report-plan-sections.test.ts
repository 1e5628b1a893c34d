import { render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programRecords, type ProgramRecords } from '../../renderer/src/domain/program-records';
import type { ReportContext } from '../../renderer/src/domain/report/sections';
import type { Session, VoteRound } from '../../renderer/src/domain/sessions/model';
import { parseKeelFile } from '../../renderer/src/io/keel-file';
import ActionsSection from '../../renderer/src/views/report/sections/ActionsSection.svelte';
import AgendaSection from '../../renderer/src/views/report/sections/AgendaSection.svelte';
import DecisionsSection from '../../renderer/src/views/report/sections/DecisionsSection.svelte';
import RoadmapSection from '../../renderer/src/views/report/sections/RoadmapSection.svelte';
import ScopeSection from '../../renderer/src/views/report/sections/ScopeSection.svelte';
import SinceLastSection from '../../renderer/src/views/report/sections/SinceLastSection.svelte';
import TradeoffsSection from '../../renderer/src/views/report/sections/TradeoffsSection.svelte';
import VotesSection from '../../renderer/src/views/report/sections/VotesSection.svelte';

// The plan's and a session's report sections, rendered from the format-7 workshop as the report
// page renders them: what an empty program says, a vetoed option, a secret ballot's totals
// only, and each roadmap horizon on its own landscape pages.

// jsdom's import.meta.url is not a file URL: the tests run from the project's root.
const FIXTURE = join(process.cwd(), 'test/fixtures/format-v7/support-assistant-workshop.keel.json');
const NOV_29 = new Date('2026-11-29T12:00:00').getTime();

function workshop(): ProgramRecords {
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('the format-7 fixture did not read');
  return programRecords(parsed.snapshot);
}

function context(records: ProgramRecords, sessionTitle?: string): { report: ReportContext } {
  const session = sessionTitle ? records.sessions.find((s) => s.title === sessionTitle) : undefined;
  return { report: { records, session, generatedAt: NOV_29 } };
}

function emptyProgram(): ProgramRecords {
  const records = workshop();
  return { ...records, matrices: [], decisions: [], scopeChanges: [], roadmapItems: [], actions: [], captures: [], votes: [], snapshots: [] };
}

describe('an empty program', () => {
  it('says in one sentence that each section has nothing yet', () => {
    const records = emptyProgram();
    const cases = [
      [TradeoffsSection, 'No trade-off matrix has been set up yet.'],
      [DecisionsSection, 'No decision has been recorded yet.'],
      [ScopeSection, 'No scope change has been recorded.'],
      [RoadmapSection, 'The roadmap has no items yet.'],
      [ActionsSection, 'No action is open: every action is done or cancelled, or none has been written.'],
    ] as const;
    for (const [Section, sentence] of cases) {
      const { unmount } = render(Section, context(records));
      expect(screen.getByRole('heading', { level: 2 })).toBeInTheDocument();
      expect(screen.getByText(sentence)).toBeInTheDocument();
      expect(screen.queryByRole('table')).toBeNull();
      unmount();
    }
  });

  it('says what a session left empty: no earlier session, no vote, nothing captured', () => {
    const records = emptyProgram();
    const blank = { ...records, sessions: records.sessions.map((s) => ({ ...s, startSnapshotId: '', endSnapshotId: '' })) };
    render(SinceLastSection, context(blank, 'Kick-off'));
    expect(screen.getByText('No session was closed before this one, so there is nothing to compare with.')).toBeInTheDocument();
    render(VotesSection, context(blank, 'Kick-off'));
    expect(screen.getByText('No vote was held in this session.')).toBeInTheDocument();
    render(AgendaSection, context(blank, 'Kick-off'));
    expect(screen.getByText('Nothing was captured in this session.')).toBeInTheDocument();
  });

  it('says a session section belongs to a session’s report when there is no session', () => {
    for (const Section of [AgendaSection, VotesSection, SinceLastSection]) {
      const { unmount } = render(Section, context(workshop()));
      expect(screen.getByText('This section is part of a session’s report.'.replace('’', "'"))).toBeInTheDocument();
      unmount();
    }
  });
});

describe('TradeoffsSection', () => {
  it('marks the vetoed option in the ranking and says which guardrail it breaks, in words', () => {
    render(TradeoffsSection, context(workshop()));
    const matrix = screen.getAllByTestId('report-matrix')[0]!;
    const ranking = within(matrix).getByTestId('report-combined-ranking');
    expect(within(ranking).getByRole('row', { name: /Bigger generation model/ })).toHaveTextContent(/vetoed/);
    expect(within(ranking).getByRole('row', { name: /Hybrid search/ })).toHaveTextContent(/recommended, chosen/);
    expect(within(matrix).getByTestId('report-vetoes')).toHaveTextContent(
      'Bigger generation model is vetoed: Cost per resolved ticket expected $0.71 breaks its guardrail (must stay ≤ $0.60).',
    );
    // Each function's ranking has a column per function and its top pick.
    const perFunction = within(matrix).getByTestId('report-function-ranking');
    expect(within(perFunction).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Option', 'Engineering', 'Product', 'Leadership', 'Securitynot weighed: all equal']);
  });

  it('says an undecided matrix is not decided, and the sensitivity sentence the results panel leads with', () => {
    render(TradeoffsSection, context(workshop()));
    const open = screen.getAllByTestId('report-matrix')[1]!;
    expect(open).toHaveTextContent('Not decided yet.');
    expect(within(open).getByTestId('report-sensitivity')).toHaveTextContent(/^Sensitivity needs a recommended option scored on every criterion\./);
  });
});

describe('VotesSection', () => {
  const named = (records: ProgramRecords): ProgramRecords => {
    const kickoff = records.sessions.find((s) => s.title === 'Kick-off')!;
    const round = records.votes[0]!;
    const voters = kickoff.participants.map((p) => p.id);
    const open: VoteRound = {
      ...round,
      id: 'named',
      title: 'Which roadmap item first?',
      secret: false,
      createdAt: round.createdAt + 1,
      ballots: [
        { voterId: voters[0]!, dots: [{ candidateId: round.candidates[0]!.id, dots: 2 }] },
        { voterId: voters[1]!, dots: [] },
      ],
    };
    return { ...records, votes: [round, open] };
  };

  it('gives a secret ballot’s totals with ties, and never who gave what', () => {
    render(VotesSection, context(workshop(), 'Kick-off'));
    const round = screen.getByTestId('report-vote');
    expect(round).toHaveTextContent('Secret ballot: only the totals are kept.');
    const rows = within(round).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1 (tied)Hallucinated refund policy3',
      '1 (tied)Refund rules differ by country3',
      '3Agents trust suggested replies2',
      '4 (tied)Customers accept bot answers0',
      '4 (tied)Help centre coverage of top intents0',
      '4 (tied)Tone drifts on angry tickets0',
      '4 (tied)Vendor LLM API quota0',
    ]);
    expect(round).not.toHaveTextContent(/Who gave what|Ana|Ben|Cy/);
  });

  it('names who gave what in a named round once revealed, and shows nothing of a round not revealed', () => {
    const records = named(workshop());
    const { unmount } = render(VotesSection, context(records, 'Kick-off'));
    const [, open] = screen.getAllByTestId('report-vote');
    expect(open).toHaveTextContent('Named ballot.');
    expect(within(open!).getByRole('heading', { name: 'Who gave what' })).toBeInTheDocument();
    expect(open).toHaveTextContent('Ana: Agents trust suggested replies (2 dots)');
    expect(open).toHaveTextContent('Ben: no dots');
    unmount();

    const hidden = { ...records, votes: records.votes.map((v) => ({ ...v, revealedAt: null })) };
    render(VotesSection, context(hidden, 'Kick-off'));
    for (const round of screen.getAllByTestId('report-vote')) {
      expect(round).toHaveTextContent(/The result stays hidden until the reveal\./);
      expect(within(round).queryByRole('table')).toBeNull();
    }
  });
});

describe('RoadmapSection', () => {
  it('puts each horizon in its own landscape wrapper, with its items in the board order', () => {
    const { container } = render(RoadmapSection, context(workshop()));
    const wrappers = [...container.querySelectorAll('.report-landscape')] as HTMLElement[];
    expect(wrappers.map((w) => w.dataset.horizon)).toEqual(['now', 'next', 'later']);
    expect(wrappers.map((w) => within(w).getByRole('heading', { level: 3 }).textContent)).toEqual(['Now (3 items)', 'Next (2 items)', 'Later (2 items)']);
    // The section's heading opens the first landscape page rather than standing alone before it.
    expect(within(wrappers[0]!).getByRole('heading', { level: 2, name: 'Roadmap' })).toBeInTheDocument();
    const now = within(wrappers[0]!).getAllByTestId('report-roadmap-item');
    expect(now[0]).toHaveTextContent(/Hybrid retrieval on refund tickets.*medium confidence.*In progress.*Depends on: Hallucinated refund policy/);
    // Each horizon's timeline draws a band per dated item, its look saying its confidence.
    const dated = (horizon: string) => workshop().roadmapItems.filter((i) => i.horizon === horizon && i.earliest).length;
    expect(wrappers.map((w) => w.querySelectorAll('figure svg rect.band').length)).toEqual(['now', 'next', 'later'].map(dated));
    expect([...wrappers[0]!.querySelectorAll('rect.band')].map((r) => [...r.classList].find((c) => c.startsWith('look-')))).toEqual(['look-hatched', 'look-solid', 'look-hatched']);
    expect(wrappers[0]!.querySelector('figcaption')).toHaveTextContent('dashed outline: low confidence; hatched: medium confidence; solid: high confidence.');
  });

  it('keeps an empty horizon’s page, saying nothing is planned there', () => {
    const records = workshop();
    const { container } = render(RoadmapSection, context({ ...records, roadmapItems: records.roadmapItems.filter((i) => i.horizon !== 'next') }));
    const next = container.querySelector('[data-horizon="next"]') as HTMLElement;
    expect(next).toHaveTextContent('Nothing is planned for next.');
  });
});

describe('ActionsSection', () => {
  it('says in words which open actions are overdue on the report’s day', () => {
    render(ActionsSection, context(workshop()));
    const rows = screen.getAllByTestId('report-action');
    expect(rows[0]).toHaveTextContent(/Red-team 200 refund questions.*Overdue by 5 days/);
    expect(rows[1]).not.toHaveTextContent(/Overdue/);
    expect(screen.getByText(/3 open actions, 1 overdue on/)).toBeInTheDocument();
  });
});

describe('AgendaSection', () => {
  it('gives planned against held minutes, the overrun and each block’s outcome', () => {
    const records = workshop();
    const kickoff = records.sessions.find((s) => s.title === 'Kick-off')!;
    // The first block ran 20 minutes over its 12.
    const blocks = kickoff.blocks.map((b, i) => (i === 0 ? { ...b, endedAt: b.startedAt! + 32 * 60_000 } : b));
    const session: Session = { ...kickoff, blocks };
    render(AgendaSection, { report: { records: { ...records, sessions: records.sessions.map((s) => (s.id === session.id ? session : s)) }, session, generatedAt: NOV_29 } });
    const rows = within(screen.getByTestId('report-agenda')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/What could go wrong.*12 min.*32 min.*20 min over.*Done/);
    expect(rows[2]).toHaveTextContent(/Place them on the map.*Skipped, carried over/);
  });
});

describe('the decision log', () => {
  it('prints what a matrix decision was made on, frozen with its record', () => {
    render(DecisionsSection, context(workshop()));
    const record = screen.getAllByTestId('report-decision').find((el) => el.querySelector('h3')?.textContent?.startsWith('ADR-0002'))!;
    expect(within(record).getByText('What it was decided on')).toBeInTheDocument();
    expect(within(record).getByRole('row', { name: /Hybrid search/ })).toHaveTextContent(/1.*Hybrid search.*53.*chosen/);
    expect(within(record).getByRole('row', { name: /Bigger generation model/ })).toHaveTextContent(/37.*vetoed/);
    expect(record).toHaveTextContent('No single weight change flips the winner.');
  });
});
