// First render of the home screen's list of 1,000 programs (ProgramList.svelte) against a plain
// DOM list of the same rows built with createElement/textContent. Both are timed until layout.
import { flushSync, mount, unmount } from 'svelte';
import '../../../renderer/src/styles/app.css';
import ProgramList, { type ProgramRowActions } from '../../../renderer/src/views/programs/ProgramList.svelte';
import type { Program } from '../../../renderer/src/domain/program';
import { relativeTime } from '../../../renderer/src/domain/time';
import { routeHref } from '../../../renderer/src/state/routes';
import { BENCH_NOW, makePrograms } from '../lib/data';
import { compare } from '../lib/measure';
import type { Benchmark } from '../lib/types';

const COUNT = 1000;
const noop = () => {};
const actions: ProgramRowActions = {
  rename: noop,
  duplicate: noop,
  export: noop,
  archive: noop,
  unarchive: noop,
  trash: noop,
  restore: noop,
  deleteForever: noop,
};
const BUTTONS = ['Rename', 'Duplicate', 'Export', 'Archive', 'Delete'];

/** The class attribute of each element the component renders, scoping hash included. */
interface RowClasses {
  list: string;
  row: string;
  main: string;
  name: string;
  description: string;
  when: string;
  actions: string;
  buttons: string[];
}

function renderSvelte(target: HTMLElement, programs: Program[]) {
  const component = mount(ProgramList, { target, props: { programs, view: 'active', now: BENCH_NOW, actions } });
  flushSync();
  return component;
}

/** Reads the classes Svelte gave one rendered row, so the plain list gets the same styles. */
function readClasses(target: HTMLElement, sample: Program): RowClasses {
  const component = renderSvelte(target, [{ ...sample, description: sample.description || 'x' }]);
  const cls = (selector: string) => {
    const el = target.querySelector(selector);
    if (!el) throw new Error(`ProgramList no longer renders ${selector}; update the plain baseline to match`);
    return el.getAttribute('class') ?? '';
  };
  const classes: RowClasses = {
    list: cls('ul'),
    row: cls('li'),
    main: cls('li > div'),
    name: cls('li > div > a'),
    description: cls('li > div > p'),
    when: cls('li > span'),
    actions: cls('li > div[role="group"]'),
    buttons: [...target.querySelectorAll('li > div[role="group"] > button')].map((b) => b.getAttribute('class') ?? ''),
  };
  void unmount(component);
  target.textContent = '';
  return classes;
}

/** What a hand-written list would have ready before building DOM: the row texts and links. */
interface RowText {
  program: Program;
  href: string;
  when: string;
}

function buildPlain(target: HTMLElement, rows: readonly RowText[], classes: RowClasses): void {
  const list = document.createElement('ul');
  list.className = classes.list;
  list.setAttribute('aria-label', 'Programs');
  for (const { program, href, when } of rows) {
    const row = document.createElement('li');
    row.className = classes.row;
    row.setAttribute('data-testid', 'program-row');
    const main = document.createElement('div');
    main.className = classes.main;
    const name = document.createElement('a');
    name.className = classes.name;
    name.setAttribute('dir', 'auto');
    name.setAttribute('href', href);
    name.textContent = program.name;
    main.append(name);
    const description = document.createElement('p');
    description.className = classes.description;
    description.textContent = program.description;
    main.append(description);
    const whenEl = document.createElement('span');
    whenEl.className = classes.when;
    whenEl.textContent = when;
    const group = document.createElement('div');
    group.className = classes.actions;
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', `Actions for ${program.name}`);
    BUTTONS.forEach((label, i) => {
      const button = document.createElement('button');
      button.className = classes.buttons[i] ?? '';
      button.textContent = label;
      group.append(button);
    });
    row.append(main, whenEl, group);
    list.append(row);
  }
  // One delegated listener, as hand-written lists (and Svelte's own event delegation) do.
  list.addEventListener('click', noop);
  target.append(list);
}

/** The rendered markup without Svelte's comment anchors and whitespace between tags. */
function markup(target: HTMLElement): string {
  return target.innerHTML.replace(/<!--[^]*?-->/g, '').replace(/>\s+</g, '><');
}

const bench: Benchmark = {
  name: 'home.render1000',
  unit: 'ms',
  target: 1.3,
  baselineLabel:
    'plain DOM (createElement/textContent) of the same 1,000 rows, texts and links prepared beforehand; ' +
    'same app.css and component styles; both timed until forced layout',
  async run() {
    const programs = makePrograms(COUNT, 2);
    const target = document.createElement('div');
    target.id = 'bench-render';
    document.body.append(target);
    try {
      const classes = readClasses(target, programs[0]!);
      const rows: RowText[] = programs.map((program) => ({
        program,
        href: routeHref({ name: 'program', programId: program.id, area: 'overview' }),
        when: `Updated ${relativeTime(program.updatedAt, BENCH_NOW)}`,
      }));

      // The baseline must build exactly what the component builds, or the ratio means nothing.
      const component = renderSvelte(target, programs);
      const fromSvelte = markup(target);
      void unmount(component);
      target.textContent = '';
      buildPlain(target, rows, classes);
      const plain = markup(target);
      target.textContent = '';
      if (fromSvelte !== plain) {
        let at = 0;
        while (at < plain.length && plain[at] === fromSvelte[at]) at++;
        throw new Error(
          `The plain baseline no longer matches ProgramList's markup; update buildPlain.\n` +
            `  svelte: ...${fromSvelte.slice(Math.max(0, at - 80), at + 120)}\n` +
            `  plain:  ...${plain.slice(Math.max(0, at - 80), at + 120)}`,
        );
      }

      return await compare(
        async () => {
          const start = performance.now();
          const instance = renderSvelte(target, programs);
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          void unmount(instance);
          target.textContent = '';
          void document.body.offsetHeight;
          return ms;
        },
        async () => {
          const start = performance.now();
          buildPlain(target, rows, classes);
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          target.textContent = '';
          void document.body.offsetHeight;
          return ms;
        },
        { warmup: 3, reps: 15 },
      );
    } finally {
      target.remove();
    }
  },
};

export default bench;
