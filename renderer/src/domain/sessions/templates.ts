import { newBlock } from './edits';
import type { AgendaBlock, BlockMethod } from './model';

// Agendas to start a session from. Each block has a length a facilitator would plan, what it
// should produce, and notes on how to run it. The minutes follow what works in the room:
// Parabol's default phases (reflect 5, group 5, vote 2, discuss 20) and Liberating Structures'
// 1-2-4-All (1 minute alone, 2 in pairs, 4 in fours, 5 all together), short cycles over long ones.

export const SESSION_TEMPLATES = ['kickoff', 'metrics', 'tradeoff', 'replanning', 'premortem'] as const;
export type SessionTemplate = (typeof SESSION_TEMPLATES)[number];

interface BlockPlan {
  title: string;
  minutes: number;
  method: BlockMethod;
  outputs: string;
  notes?: string;
}

export interface TemplateInfo {
  /** The template's name, and the new session's title. */
  label: string;
  /** What the session is for, shown when choosing. */
  description: string;
  /** The session's planned length: the blocks and a little room. */
  plannedMinutes: number;
  /** Its trade-off blocks decide on a matrix the user picks. */
  needsMatrix: boolean;
  blocks: readonly BlockPlan[];
}

const ONE_TWO_FOUR_ALL = '1-2-4-All: 1 minute alone, 2 in pairs, 4 in fours, 5 with everyone. Write before you talk.';

export const TEMPLATES: Record<SessionTemplate, TemplateInfo> = {
  kickoff: {
    label: 'Kick-off: map the uncertainty',
    description: 'Start a program by naming what could go wrong at each layer, placing it on the map, and choosing what to test first.',
    plannedMinutes: 90,
    needsMatrix: false,
    blocks: [
      { title: 'Goals and roles', minutes: 10, method: 'free', outputs: 'The program’s goal in one sentence; who speaks for which function.' },
      { title: 'What could go wrong', minutes: 12, method: 'uncertainty', outputs: 'Uncertainties written down, one per card, from every function.', notes: ONE_TWO_FOUR_ALL },
      { title: 'Place them on the map', minutes: 25, method: 'uncertainty', outputs: 'Each uncertainty on the map by impact and uncertainty, in its layer.' },
      { title: 'Vote: what to test first', minutes: 8, method: 'uncertainty', outputs: 'The three uncertainties to test first.', notes: 'Three dots each; the facilitator does not vote.' },
      { title: 'Who tests what', minutes: 20, method: 'actions', outputs: 'An owner and a date for each test.' },
      { title: 'Retro', minutes: 5, method: 'retro', outputs: 'One thing to keep and one to change for the next session.' },
    ],
  },
  metrics: {
    label: 'Metric alignment workshop',
    description: 'Agree on the shared metrics every function will judge the program by, and sign them off.',
    plannedMinutes: 90,
    needsMatrix: false,
    blocks: [
      { title: 'Decisions the metrics inform', minutes: 10, method: 'free', outputs: 'The decisions each metric must help make.' },
      { title: 'Define the metrics', minutes: 30, method: 'metrics', outputs: 'For each metric: formula, unit, direction, data source, window, baseline, target and guardrail.' },
      { title: 'What each function misses', minutes: 15, method: 'metrics', outputs: 'Objections from engineering, product and leadership, each written down.', notes: ONE_TWO_FOUR_ALL },
      { title: 'Sign-off', minutes: 15, method: 'metrics', outputs: 'A sign-off per function, or the change that would earn it.' },
      { title: 'Next steps', minutes: 10, method: 'actions', outputs: 'Owners for the data sources and the first readings.' },
    ],
  },
  tradeoff: {
    label: 'Trade-off decision',
    description: 'Score the options of one trade-off matrix against the shared metrics, compare the functions’ weights, and decide.',
    plannedMinutes: 90,
    needsMatrix: true,
    blocks: [
      { title: 'Frame the question', minutes: 10, method: 'free', outputs: 'The question, the options on the table and what is out of scope.' },
      { title: 'Score the options', minutes: 30, method: 'tradeoff', outputs: 'A score and a reason for each option against each criterion.' },
      { title: 'Weights by function', minutes: 20, method: 'tradeoff', outputs: 'Each function’s weights, and where they disagree.' },
      { title: 'Decide', minutes: 15, method: 'tradeoff', outputs: 'The decision with its reasons, or what would settle it.' },
      { title: 'Follow-ups', minutes: 10, method: 'actions', outputs: 'Actions with owners; scope changes the decision brings.' },
    ],
  },
  replanning: {
    label: 'Re-planning review',
    description: 'Look at what changed since the last session, then adjust the uncertainties, the roadmap and the scope.',
    plannedMinutes: 90,
    needsMatrix: false,
    blocks: [
      { title: 'Since last session', minutes: 15, method: 'since-last', outputs: 'What moved, what was learned, what slipped, agreed by the room.' },
      { title: 'Review uncertainties', minutes: 20, method: 'uncertainty', outputs: 'Items moved on the map with their evidence; the next ones to test.' },
      { title: 'Roadmap review', minutes: 25, method: 'roadmap', outputs: 'Ranges and confidence updated; items moved between now, next and later.' },
      { title: 'Scope changes', minutes: 15, method: 'scope', outputs: 'Each pending change accepted or rejected, with its reason.' },
      { title: 'Open actions', minutes: 10, method: 'actions', outputs: 'Each open action done, moved or dropped.' },
      { title: 'Retro', minutes: 5, method: 'retro', outputs: 'One thing to keep and one to change.' },
    ],
  },
  premortem: {
    label: 'Pre-mortem',
    description: 'Imagine the program has failed and work out why, before it does: the reasons become uncertainties to test and actions.',
    plannedMinutes: 60,
    needsMatrix: false,
    blocks: [
      { title: 'It is a year from now and it failed', minutes: 5, method: 'free', outputs: 'Everyone has the failure in mind.', notes: 'Tell the story of the failure in the past tense.' },
      { title: 'Reflect: why did it fail?', minutes: 5, method: 'uncertainty', outputs: 'Reasons written alone, one per card.' },
      { title: 'Group the reasons', minutes: 5, method: 'uncertainty', outputs: 'Reasons grouped into uncertainties on the map.' },
      { title: 'Vote: the likeliest', minutes: 2, method: 'uncertainty', outputs: 'The reasons most likely to come true.' },
      { title: 'Discuss the top reasons', minutes: 20, method: 'uncertainty', outputs: 'For each: the evidence that would show it coming.' },
      { title: 'Mitigations', minutes: 15, method: 'actions', outputs: 'An action with an owner for each top reason.' },
    ],
  },
};

export function isTemplate(id: string): id is SessionTemplate {
  return (SESSION_TEMPLATES as readonly string[]).includes(id);
}

/** The template's agenda as new blocks; its trade-off blocks decide on `matrixId` ('' for none chosen yet). */
export function templateBlocks(template: SessionTemplate, matrixId = ''): AgendaBlock[] {
  return TEMPLATES[template].blocks.map((plan) =>
    newBlock({
      title: plan.title,
      plannedMinutes: plan.minutes,
      method: plan.method,
      matrixId: plan.method === 'tradeoff' ? matrixId : '',
      outputs: plan.outputs,
      notes: plan.notes ?? '',
    }),
  );
}
