// How the bytes of a chosen file become text: one rule for Electron (read-text-file.ts) and the
// browser (renderer/src/platform/files.ts), so a file reads the same in both. Pure: no Node APIs.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The file's encoding and how many leading bytes are its byte-order mark. Without a mark, UTF-16
 * is recognised as RFC 4627 does for JSON: the text starts with an ASCII character, so one of its
 * first two bytes is zero.
 */
function sniff(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes.length >= 2 && a !== 0 && b === 0) return { encoding: 'utf-16le', skip: 0 };
  if (bytes.length >= 2 && a === 0 && b !== 0) return { encoding: 'utf-16be', skip: 0 };
  return { encoding: 'utf-8', skip: 0 };
}

/** The text of a file's bytes (without its byte-order mark), or undefined when they are not text in that encoding. */
export function decodeFileText(bytes: Uint8Array): string | undefined {
  const { encoding, skip } = sniff(bytes);
  try {
    // ignoreBOM: the mark is skipped above, so one written twice stays visible as damage.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return undefined;
  }
}

/** What the user is told when a chosen file is not text. */
export function notTextMessage(fileName: string): string {
  return `"${fileName}" is not a text file; choose a .keel.json file exported from Keel.`;
}
