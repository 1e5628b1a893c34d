import { ACTION_SOURCES } from './actions/model';
import { decisionNumber } from './decisions/model';
import { ownValue } from './ids';

// The plan's links between records, declared once: what a deletion must unlink (and say it will),
// what the revisit flags follow, and what the pickers offer. A new linking field is added here.

export const LINK_KINDS = ['uncertainty', 'metric', 'matrix', 'roadmapItem', 'decision', 'scope', 'action'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The table each kind of record lives in. */
export const LINK_TABLES: Readonly<Record<LinkKind, string>> = {
  uncertainty: 'uncertaintyItems',
  metric: 'metrics',
  matrix: 'matrices',
  roadmapItem: 'roadmapItems',
  decision: 'decisions',
  scope: 'scopeChanges',
  action: 'actions',
};

export const LINK_NOUNS: Readonly<Record<LinkKind, [one: string, many: string]>> = {
  uncertainty: ['uncertainty item', 'uncertainty items'],
  metric: ['metric', 'metrics'],
  matrix: ['trade-off matrix', 'trade-off matrices'],
  roadmapItem: ['roadmap item', 'roadmap items'],
  decision: ['decision record', 'decision records'],
  scope: ['scope change', 'scope changes'],
  action: ['action', 'actions'],
};

// How a decision record is numbered wherever a link names it (the rule is the log's own).
export { decisionNumber };

/** How a record is named wherever a link to it shows: a metric by its name, a matrix by its question, a decision with its number. */
export function linkLabel(kind: LinkKind, row: Record<string, unknown>): string {
  if (kind === 'metric') return String(row.name);
  if (kind === 'matrix') return String(row.question);
  if (kind === 'decision') return `${decisionNumber(Number(row.number))} ${String(row.title)}`;
  return String(row.title);
}

/** A record a link can point at, as pickers list it and links show it. */
export interface LinkTarget {
  id: string;
  label: string;
}

/** A field of a plan record that holds links: a list of ids, or one id ('' for none). */
export interface LinkField {
  from: LinkKind;
  field: string;
  to: LinkKind;
  list: boolean;
}

export const LINK_FIELDS: readonly LinkField[] = [
  { from: 'uncertainty', field: 'metricIds', to: 'metric', list: true },
  { from: 'roadmapItem', field: 'uncertaintyIds', to: 'uncertainty', list: true },
  { from: 'roadmapItem', field: 'metricIds', to: 'metric', list: true },
  { from: 'roadmapItem', field: 'decisionIds', to: 'decision', list: true },
  { from: 'decision', field: 'uncertaintyIds', to: 'uncertainty', list: true },
  { from: 'decision', field: 'metricIds', to: 'metric', list: true },
  { from: 'decision', field: 'roadmapItemIds', to: 'roadmapItem', list: true },
  { from: 'decision', field: 'matrixId', to: 'matrix', list: false },
  { from: 'decision', field: 'supersedes', to: 'decision', list: false },
  { from: 'decision', field: 'supersededBy', to: 'decision', list: false },
  { from: 'scope', field: 'roadmapItemIds', to: 'roadmapItem', list: true },
  { from: 'scope', field: 'metricIds', to: 'metric', list: true },
  { from: 'scope', field: 'uncertaintyIds', to: 'uncertainty', list: true },
];

type Row = { id: string } & Record<string, unknown>;

/** The fields of `row` (a record of kind `from`) that point at `id` of kind `to`. */
export function fieldsLinking(from: LinkKind, row: Row, to: LinkKind, id: string): string[] {
  const fields = LINK_FIELDS.filter((f) => f.from === from && f.to === to && fieldHolds(row, f, id)).map((f) => f.field);
  if (from === 'action' && isSource(row.source, to, id)) fields.push('source');
  if (from === 'scope' && to === 'roadmapItem' && effectsNaming(row.effects, id)) fields.push('effects');
  return fields;
}

/**
 * `row` without its links to `ids` of kind `to`: ids dropped from lists, single links emptied, an
 * action's source forgotten, a scope change's effects on a deleted roadmap item dropped. Returns
 * undefined when nothing links.
 */
export function withoutLinks(from: LinkKind, row: Row, to: LinkKind, ids: ReadonlySet<string>): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const f of LINK_FIELDS) {
    if (f.from !== from || f.to !== to) continue;
    const value = ownValue(row, f.field);
    if (f.list && Array.isArray(value) && value.some((v) => ids.has(v as string))) patch[f.field] = value.filter((v) => !ids.has(v as string));
    if (!f.list && typeof value === 'string' && ids.has(value)) patch[f.field] = '';
  }
  if (from === 'action' && [...ids].some((id) => isSource(row.source, to, id))) patch.source = null;
  if (from === 'scope' && to === 'roadmapItem' && Array.isArray(row.effects)) {
    const kept = row.effects.filter((e: { roadmapItemId?: string }) => e.roadmapItemId === undefined || !ids.has(e.roadmapItemId));
    if (kept.length !== row.effects.length) patch.effects = kept;
  }
  return Object.keys(patch).length ? patch : undefined;
}

function fieldHolds(row: Row, f: LinkField, id: string): boolean {
  const value = ownValue(row, f.field);
  return f.list ? Array.isArray(value) && value.includes(id) : value === id;
}

function isSource(source: unknown, kind: LinkKind, id: string): boolean {
  return source !== null && typeof source === 'object' && (source as { kind?: string }).kind === kind && (source as { id?: string }).id === id;
}

function effectsNaming(effects: unknown, id: string): boolean {
  return Array.isArray(effects) && effects.some((e: { roadmapItemId?: string }) => e.roadmapItemId === id);
}

/** The kinds whose records can link to `to`. */
export function kindsLinkingTo(to: LinkKind): LinkKind[] {
  const kinds = new Set(LINK_FIELDS.filter((f) => f.to === to).map((f) => f.from));
  if ((ACTION_SOURCES as readonly string[]).includes(to)) kinds.add('action');
  return [...kinds];
}
