import { LINK_KINDS, LINK_NOUNS, type LinkKind } from './links';
import { plural } from './words';

// What a deletion's confirmation says about the records that link to what is deleted.

/** "2 roadmap items and 1 decision record link to it; they will lose the link." ('' when nothing links.) */
export function linkLossSentence(holders: readonly { kind: LinkKind }[]): string {
  if (holders.length === 0) return '';
  const parts = LINK_KINDS.map((kind) => [kind, holders.filter((h) => h.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => plural(n, ...LINK_NOUNS[kind]));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
  const one = holders.length === 1;
  return `${list} ${one ? 'links' : 'link'} to it; ${one ? 'it' : 'they'} will lose the link.`;
}
