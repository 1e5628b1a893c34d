// Text users typed, made safe inside GitHub-flavoured Markdown: a table cell keeps to its cell,
// a heading to its line, and nothing typed turns into HTML.

/** Inline text: angle brackets as entities, so a typed "<script>" or "<br>" shows as written. */
export function inline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line (a heading, a list item's title): line breaks become spaces. */
export function oneLine(text: string): string {
  return inline(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}

/** A table cell: `|` escaped, line breaks as `<br>`, blank as "–". */
export function cell(text: string | number | null): string {
  if (text === null || text === '') return '–';
  const shown = inline(String(text).trim()).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  return shown || '–';
}

/** A GitHub-flavoured table. */
export function table(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(cell)), line(header.map(() => '---')), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

/** A block of typed text as paragraphs (kept as typed, only HTML made inert); empty text says so. */
export function paragraphs(text: string, empty = '_Not written yet._'): string {
  return text.trim() ? inline(text.trim()) : empty;
}

/** A list item of typed text: its further lines indented so they stay in the item. */
export function bullet(text: string): string {
  return `* ${inline(text.trim()).replace(/\r?\n/g, '\n  ')}`;
}
