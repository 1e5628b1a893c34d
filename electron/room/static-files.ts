// The participant page's files: which file a path names (only the page's folder, never outside it),
// its content type, and the headers every room response carries. The page is plain HTTP on a local
// address, so its Content-Security-Policy is what stops an injected script from running.
import { realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { ROOM_PATHS } from './protocol.js';

export const PAGE_NOT_BUILT = 'The participant page is not built: run npm run build:renderer.';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The policy of the participant page: its own scripts only, and sockets to the room only. */
export function participantPagePolicy(address: string, port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // Older Safari does not count ws: to the same host as 'self'.
    `connect-src 'self' ws://${address}:${port}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response of the room server. */
export function securityHeaders(address: string, port: number): Record<string, string> {
  return {
    'Content-Security-Policy': participantPagePolicy(address, port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export type PageFile =
  | { kind: 'index' }
  /** A file inside the page's assets folder (not yet known to exist). */
  | { kind: 'asset'; file: string }
  | { kind: 'not-found' };

/**
 * The file a request path names: `/` is the page, `/assets/...` its assets, nothing else. The
 * path is decoded and resolved first, then must still be inside the assets folder: `..`, encoded
 * `%2e%2e%2f`, backslashes and NUL bytes cannot leave it.
 */
export function pageFileFor(pageRoot: string, pathname: string): PageFile {
  if (pathname === ROOM_PATHS.page) return { kind: 'index' };
  if (!pathname.startsWith('/assets/')) return { kind: 'not-found' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice('/assets/'.length));
  } catch {
    return { kind: 'not-found' };
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'not-found' };
  const assets = resolve(pageRoot, 'assets');
  const file = resolve(assets, decoded);
  if (!file.startsWith(assets + sep)) return { kind: 'not-found' };
  return { kind: 'asset', file };
}

/** The index page's path. */
export function indexFile(pageRoot: string): string {
  return join(resolve(pageRoot), 'index.html');
}

/** Whether a file's real path (links followed) is still inside the page's folder. */
export async function insidePageRoot(pageRoot: string, file: string): Promise<boolean> {
  try {
    const [root, real] = await Promise.all([realpath(pageRoot), realpath(file)]);
    return real.startsWith(root + sep);
  } catch {
    return false;
  }
}
