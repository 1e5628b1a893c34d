import { LINK_KINDS, LINK_NOUNS, type LinkKind } from './links';
import { andList, plural, quoted } from './words';

// What a deletion's confirmation says about the records that link to the one deleted: how many of
// each kind, named, and that they lose the link (undo gives it back with the record).

const NAMED_MAX = 3;

/** "2 roadmap items ("Voice", "SMS") and 1 action ("Call legal") link to it; they will lose the link." Empty when nothing links. */
export function describeLinkLoss(holders: readonly { kind: LinkKind; label: string }[]): string {
  if (holders.length === 0) return '';
  const parts = LINK_KINDS.flatMap((kind) => {
    const labels = holders.filter((h) => h.kind === kind).map((h) => h.label);
    if (labels.length === 0) return [];
    const [one, many] = LINK_NOUNS[kind];
    const named = labels.slice(0, NAMED_MAX).map(quoted).join(', ') + (labels.length > NAMED_MAX ? ', …' : '');
    return [`${plural(labels.length, one, many)} (${named})`];
  });
  const one = holders.length === 1;
  return `${andList(parts)} ${one ? 'links' : 'link'} to it; ${one ? 'it' : 'they'} will lose the link.`;
}
