import { LINK_KINDS, LINK_NOUNS, type LinkKind } from './links';
import { andList } from './tradeoffs/labels';
import { plural } from './words';

/**
 * What a deletion's confirmation says about the records linking to what goes: "2 roadmap items and
 * 1 decision record link to it; they will lose the link." Empty when nothing links to it.
 */
export function describeLinkLoss(holders: readonly { kind: LinkKind }[]): string {
  if (holders.length === 0) return '';
  const parts = LINK_KINDS.flatMap((kind) => {
    const n = holders.filter((h) => h.kind === kind).length;
    return n ? [plural(n, ...LINK_NOUNS[kind])] : [];
  });
  return `${andList(parts)} ${holders.length === 1 ? 'links' : 'link'} to it; ${holders.length === 1 ? 'it' : 'they'} will lose the link.`;
}
