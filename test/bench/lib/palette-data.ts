// A program with 10,000 named things spread over the kinds the palette finds, and two smaller
// programs beside it: seeded, titles of two to six words from a planning vocabulary, so short
// queries match thousands of things and longer ones a handful.
import type { PaletteRows } from '../../../renderer/src/storage/palette-read';
import { makePrograms, rng } from './data';

const VOCABULARY = (
  'retrieval latency refund policy escalation customer support agent handoff pricing pilot rollout evaluation ' +
  'hallucination guardrail budget vendor quota privacy consent multilingual voice channel tone drift accuracy ' +
  'fallback forecast review workshop onboarding coverage intent ticket summary dashboard warehouse legal réponse'
).split(' ');

/** How many of each kind the big program holds: 10,000 in all. */
export const PALETTE_SIZES = { uncertaintyItems: 3500, metrics: 1000, matrices: 500, decisions: 1000, roadmapItems: 2000, sessions: 500, actions: 1500 } as const;

function title(random: () => number): string {
  const words = 2 + Math.floor(random() * 5);
  const picked = Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
  return picked.join(' ').replace(/^./, (c) => c.toUpperCase());
}

export function makePaletteRows(seed = 21): PaletteRows {
  const random = rng(seed);
  const programs = makePrograms(3, seed);
  const rows: PaletteRows = { programs, uncertaintyItems: [], metrics: [], matrices: [], decisions: [], roadmapItems: [], scopeChanges: [], sessions: [], actions: [] };
  const base = { programId: programs[0]!.id, createdAt: 1, updatedAt: 1 };
  let n = 0;
  const next = () => ({ ...base, id: `thing-${++n}`, updatedAt: n, programId: programs[n % 10 === 0 ? 1 + (n % 2) : 0]!.id });
  const add = <K extends keyof typeof PALETTE_SIZES>(table: K, make: () => object) => {
    for (let i = 0; i < PALETTE_SIZES[table]; i++) (rows[table] as object[]).push(make());
  };
  // Only the fields the palette reads are filled in: these rows go straight into the tables.
  add('uncertaintyItems', () => ({ ...next(), title: title(random) }));
  add('metrics', () => ({ ...next(), name: title(random) }));
  add('matrices', () => ({ ...next(), question: `${title(random)}?` }));
  let number = 0;
  add('decisions', () => ({ ...next(), number: ++number, title: title(random) }));
  add('roadmapItems', () => ({ ...next(), title: title(random) }));
  add('sessions', () => ({ ...next(), title: title(random) }));
  add('actions', () => ({ ...next(), title: title(random) }));
  return rows;
}

/** What is typed, one character at a time: a word, a word start and a fuzzy fragment, two words in reverse order. */
export const PALETTE_QUERIES = ['retrieval latency', 'esc pol', 'hlcntn', 'budget vendor quota', 'reponse', '>export'];
