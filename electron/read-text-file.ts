// Reads a text file the user chose, refusing huge files before reading them into memory.
import { open } from 'node:fs/promises';
import { decodeFileText } from './text-decoding.js';

export type ReadTextResult =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; sizeBytes: number }
  | { kind: 'not-a-file' }
  | { kind: 'not-text' };

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads `filePath` as text by the rule in text-decoding.ts (UTF-8, or UTF-16; a leading BOM is dropped). Files over `limitBytes` are refused
 * from their size before any content is read; reading stops at `limitBytes + 1` bytes in case
 * the file grew after the size check.
 */
export async function readTextFileWithinLimit(
  filePath: string,
  limitBytes: number,
  openFile: typeof open = open,
): Promise<ReadTextResult> {
  const handle = await openFile(filePath, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { kind: 'not-a-file' };
    if (stats.size > limitBytes) return { kind: 'too-large', sizeBytes: stats.size };

    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, limitBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limitBytes) return { kind: 'too-large', sizeBytes: Math.max(total, stats.size) };
    }

    const text = decodeFileText(Buffer.concat(chunks, total));
    return text === undefined ? { kind: 'not-text' } : { kind: 'text', text };
  } finally {
    await handle.close();
  }
}
