// The cold-start benchmark's baseline: the home screen's job done with raw IndexedDB and plain
// DOM. Served beside the built app (same origin, so the same 'keel' database): it reads every
// program, keeps the active ones newest first, builds one row per program with the same texts
// and buttons as the app's list, and filters on typing; '/' focuses the search, as in the app.
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function row(program) {
  const li = el('li', 'row');
  li.dataset.testid = 'program-row';
  const main = el('div', 'main');
  const name = el('a', 'name', program.name);
  name.href = `#/programs/${encodeURIComponent(program.id)}`;
  main.append(name, el('p', 'description', program.description));
  const actions = el('div', 'row-actions');
  actions.setAttribute('role', 'group');
  for (const label of ['Rename', 'Duplicate', 'Export', 'Archive', 'Delete']) actions.append(el('button', 'btn btn-small btn-ghost', label));
  li.append(main, el('span', 'when', `Updated ${dateFormat.format(program.updatedAt)}`), actions);
  return li;
}

const open = indexedDB.open('keel');
open.onsuccess = () => {
  const read = open.result.transaction('programs').objectStore('programs').getAll();
  read.onsuccess = () => {
    const active = read.result.filter((p) => p.archivedAt === null && p.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt);
    const search = el('input');
    search.id = 'program-search';
    search.type = 'search';
    const list = el('ul', 'list');
    const show = (words) => list.replaceChildren(...active.filter((p) => words.every((w) => `${p.name}\n${p.description}`.toLowerCase().includes(w))).map(row));
    search.addEventListener('input', () => show(search.value.toLowerCase().split(/\s+/).filter(Boolean)));
    window.addEventListener('keydown', (event) => {
      if (event.key === '/' && event.target === document.body) {
        event.preventDefault();
        search.focus();
      }
    });
    show([]);
    const main = el('main');
    main.append(el('h1', '', 'Your programs'), search, list);
    document.getElementById('app').append(main);
  };
};
