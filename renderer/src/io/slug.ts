// Names for files and for other tools made from titles users type: lowercase letters and digits
// joined by single hyphens, as MADR file names and RFC 1123 labels (OpenSLO names) want them.

/** "Task success rate %" → "task-success-rate"; accents lose their marks; empty when nothing is left. */
export function slug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}
