// File names made from what users type: small enough for any view to import without the
// .keel.json reader and writer (schemas, migrations), which load only to import or export.

/** A file name without extension, safe on every OS, made from a title typed by a user. */
export function safeFileStem(title: string, fallback = 'program'): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters are invalid in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, ' ')
    // The save dialog refuses ".." anywhere in a name, so collapse runs of dots.
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80);
  return cleaned || fallback;
}
