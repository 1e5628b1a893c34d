// File kinds, dialog filters and default file names. Pure, unit-tested.
import type { FileKind } from './ipc-contract.js';

export interface FileKindInfo {
  /** Appended to default names; includes the leading dot. */
  extension: string;
  /** Extensions for the dialog filter, without dots (Electron's format). */
  filterExtensions: string[];
  filterName: string;
  isBinary: boolean;
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindInfo>> = {
  'keel-json': { extension: '.keel.json', filterExtensions: ['json'], filterName: 'Keel file', isBinary: false },
  'keel-workspace': { extension: '.keel-workspace.json', filterExtensions: ['json'], filterName: 'Keel workspace', isBinary: false },
  markdown: { extension: '.md', filterExtensions: ['md', 'markdown'], filterName: 'Markdown', isBinary: false },
  csv: { extension: '.csv', filterExtensions: ['csv'], filterName: 'CSV spreadsheet', isBinary: false },
  svg: { extension: '.svg', filterExtensions: ['svg'], filterName: 'SVG image', isBinary: false },
  png: { extension: '.png', filterExtensions: ['png'], filterName: 'PNG image', isBinary: true },
  pdf: { extension: '.pdf', filterExtensions: ['pdf'], filterName: 'PDF document', isBinary: true },
  zip: { extension: '.zip', filterExtensions: ['zip'], filterName: 'ZIP archive', isBinary: true },
  yaml: { extension: '.yaml', filterExtensions: ['yaml', 'yml'], filterName: 'YAML', isBinary: false },
};

export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];

export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** The kind's own filter first (the dialog's default), then "All files". */
export function dialogFilters(kind: FileKind): DialogFilter[] {
  const info = FILE_KINDS[kind];
  return [
    { name: info.filterName, extensions: [...info.filterExtensions] },
    { name: 'All files', extensions: ['*'] },
  ];
}

const DEFAULT_BASE_NAME = 'Untitled';
/** Leaves room for the extension and a " (2)" the OS may add, under the 255-byte name limit. */
const MAX_BASE_LENGTH = 120;
/** Windows refuses these as names whatever the extension ("CON.csv" is still CON). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name that is safe on Windows, macOS and Linux and ends with the kind's extension:
 * path separators, reserved characters and control characters become spaces or are dropped,
 * leading dots and trailing dots/spaces are trimmed, reserved device names are prefixed, and
 * the extension is added unless already present (case-insensitively).
 */
export function safeFileName(suggested: string, kind: FileKind): string {
  const { extension } = FILE_KINDS[kind];
  let base = stripExtension(suggested.normalize('NFC'), extension);

  base = [...base]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return '';
      return /[<>:"/\\|?*]/.test(char) ? ' ' : char;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '') // no hidden files, no "..", no leading blanks
    .replace(/[\s.]+$/, ''); // Windows drops trailing dots and spaces silently

  base = truncateCodePoints(base, MAX_BASE_LENGTH).replace(/[\s.]+$/, '');
  if (base === '') base = DEFAULT_BASE_NAME;
  const stem = base.split('.')[0] ?? base;
  if (WINDOWS_RESERVED.test(stem.trim())) base = `_${base}`;
  return `${base}${extension}`;
}

function stripExtension(name: string, extension: string): string {
  if (name.toLowerCase().endsWith(extension)) return name.slice(0, -extension.length);
  // "plan.json" for a keel-json file should become "plan.keel.json", not "plan.json.keel.json".
  if (extension === '.keel.json' && name.toLowerCase().endsWith('.json')) return name.slice(0, -'.json'.length);
  return name;
}

function truncateCodePoints(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
