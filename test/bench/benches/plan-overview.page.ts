// The program's overview, "what needs attention", for the plan benchmark program (lib/plan-data.ts):
// from the program's records to the sections on screen. Both sides work the sections out
// (revisitFlags + attentionOf, as AttentionState does per change), then the subject mounts
// AttentionList (flushSync) and the baseline builds the same lines with createElement/textContent;
// both timed until forced layout. The page checks both show the same text and links.
import '../../../renderer/src/styles/app.css';
import { ATTENTION_TITLES, attentionOf, type AttentionSection } from '../../../renderer/src/domain/attention';
import { revisitFlags } from '../../../renderer/src/domain/revisit/flags';
import { recordHref } from '../../../renderer/src/state/revisit.svelte';
import { attentionHost } from '../lib/attention.svelte';
import { BENCH_NOW, BENCH_PROGRAM_ID } from '../lib/data';
import { compare, median } from '../lib/measure';
import { makePlanProgram, PLAN_SIZES } from '../lib/plan-data';
import type { Benchmark } from '../lib/types';

const STALE_AFTER_DAYS = 30;
/** As AttentionSection shows a section until "Show all". */
const FIRST_LINES = 8;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The same lines by hand: a card per section with its count, a link and a reason per line. */
function buildPlain(target: HTMLElement, sections: readonly AttentionSection[]): void {
  const href = (kind: Parameters<typeof recordHref>[1], id: string) => recordHref(BENCH_PROGRAM_ID, kind, id);
  for (const section of sections) {
    const card = el('section', 'card attention');
    card.setAttribute('aria-labelledby', `attention-${section.id}`);
    const h2 = el('h2', '', `${ATTENTION_TITLES[section.id]} `);
    h2.id = `attention-${section.id}`;
    h2.append(el('span', 'count-pill', String(section.lines.length)));
    const list = el('ul', 'stack-list line-list');
    for (const line of section.lines.slice(0, FIRST_LINES)) {
      const li = el('li', '');
      const a = el('a', 'title', line.title);
      a.href = href(line.kind, line.id);
      a.dir = 'auto';
      const detail = el('span', 'detail');
      if (line.flag) {
        const reason = el('span', 'reason');
        line.flag.chain.forEach((step, i) => {
          reason.append(`${i ? `which ${step.relation}` : step.relation.charAt(0).toUpperCase() + step.relation.slice(1)} `);
          const link = el('a', '', step.record.short);
          link.href = href(step.record.kind, step.record.id);
          link.title = step.record.label;
          reason.append(link, ', ');
        });
        reason.append(`${line.flag.cause.failure}.`);
        detail.append(reason);
        const button = el('button', 'btn btn-small', 'Mark reviewed…');
        button.setAttribute('aria-label', `Mark ${line.title} reviewed…`);
        li.append(a, ' ', detail, ' ', button);
      } else {
        detail.dir = 'auto';
        detail.textContent = line.detail;
        li.append(a, ' ', detail);
      }
      list.append(li);
    }
    card.append(h2, list);
    if (section.lines.length > FIRST_LINES) {
      const more = el('button', 'btn btn-small more', `Show all ${section.lines.length}`);
      more.setAttribute('aria-expanded', 'false');
      card.append(more);
    }
    target.append(card);
  }
}

/** What a reader gets: the text (whitespace aside: Svelte keeps the template's between blocks) and every link's address. */
function shown(target: HTMLElement): string {
  const links = [...target.querySelectorAll('a')].map((a) => a.getAttribute('href')).join(' ');
  return `${(target.textContent ?? '').replace(/\s+/g, '')} | ${links}`;
}

const bench: Benchmark = {
  name: 'plan.overview',
  unit: 'ms',
  target: 1.3,
  baselineLabel:
    `plain DOM (createElement/textContent) of the same lines, after the same revisitFlags + attentionOf over the plan program ` +
    `(${PLAN_SIZES.uncertaintyItems} items, ${PLAN_SIZES.metrics} metrics, ${PLAN_SIZES.matrices} matrices, ${PLAN_SIZES.roadmapItems} roadmap items, ` +
    `${PLAN_SIZES.actions} actions, ${PLAN_SIZES.decisions} decisions); same text and links (checked); both timed until forced layout`,
  async run() {
    const program = makePlanProgram();
    const sectionsOf = () => attentionOf(program, revisitFlags(program, []), BENCH_NOW, STALE_AFTER_DAYS).filter((s) => s.lines.length > 0);
    const host = attentionHost();
    const target = document.createElement('div');
    target.style.width = '900px';
    document.body.append(target);
    try {
      const sections = sectionsOf();
      const destroy = host.render(target, sections);
      const fromSvelte = shown(target);
      destroy();
      target.textContent = '';
      buildPlain(target, sections);
      const plain = shown(target);
      target.textContent = '';
      if (fromSvelte !== plain) {
        let at = 0;
        while (at < plain.length && plain[at] === fromSvelte[at]) at++;
        throw new Error(`The plain baseline no longer shows what AttentionList shows; update buildPlain.\n  svelte: ...${fromSvelte.slice(Math.max(0, at - 80), at + 120)}\n  plain:  ...${plain.slice(Math.max(0, at - 80), at + 120)}`);
      }

      const compute: number[] = [];
      const result = await compare(
        async () => {
          const start = performance.now();
          const destroyIt = host.render(target, sectionsOf());
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          destroyIt();
          target.textContent = '';
          return ms;
        },
        async () => {
          const start = performance.now();
          const worked = sectionsOf();
          compute.push(performance.now() - start);
          buildPlain(target, worked);
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          target.textContent = '';
          return ms;
        },
        { warmup: 3, reps: 15 },
      );
      const lines = sections.reduce((n, s) => n + s.lines.length, 0);
      return {
        ...result,
        note:
          `${lines} lines in ${sections.length} sections (${sections.map((s) => `${s.id} ${s.lines.length}`).join(', ')}); ` +
          `the first ${FIRST_LINES} of each shown. Working the sections out (revisitFlags + attentionOf) alone: ${median(compute).toFixed(1)} ms.`,
      };
    } finally {
      target.remove();
      await host.close();
    }
  },
};

export default bench;
