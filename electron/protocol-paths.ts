// Maps app://keel/... requests to files of the built renderer. Pure: no Electron, no file I/O,
// so every refusal below is unit-tested.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { APP_HOST, APP_SCHEME } from './security.js';

export type ProtocolResolution =
  | { kind: 'file'; filePath: string; isSpaFallback: boolean }
  | { kind: 'refused'; reason: string };

const INDEX_FILE = 'index.html';

/**
 * Decides which file under `rootDir` answers `requestUrl`.
 * Refuses other schemes or hosts, credentials, ports, `..` (literal or percent-encoded),
 * encoded separators, backslashes, drive letters, NUL and dotfiles. Paths without a file
 * extension (client-side routes such as /programs/42) fall back to index.html; a missing
 * asset with an extension is left to the caller to answer 404 rather than masked as HTML.
 */
export function resolveProtocolRequest(requestUrl: string, rootDir: string): ProtocolResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', reason: 'unparseable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', reason: 'wrong scheme' };
  if (url.hostname.toLowerCase() !== APP_HOST) return { kind: 'refused', reason: 'wrong host' };
  if (url.port !== '' || url.username !== '' || url.password !== '') {
    return { kind: 'refused', reason: 'port or credentials' };
  }

  const rawSegments = url.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'malformed percent-encoding' };
    }
    if (!isSafeSegment(segment)) return { kind: 'refused', reason: `unsafe path segment "${raw}"` };
    segments.push(segment);
  }

  const last = segments.at(-1) ?? '';
  const isSpaFallback = last === '' || path.posix.extname(last) === '';
  const relativeParts = isSpaFallback ? [INDEX_FILE] : segments.filter((s) => s !== '');

  // Belt and braces: whatever the segment checks missed, the result must stay inside root.
  const filePath = pathInsideRoot(rootDir, relativeParts);
  if (filePath === undefined) return { kind: 'refused', reason: 'outside the renderer folder' };
  return { kind: 'file', filePath, isSpaFallback };
}

/** `parts` resolved under `rootDir`, or undefined unless the result lies strictly inside it. */
export function pathInsideRoot(rootDir: string, parts: readonly string[]): string | undefined {
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...parts);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return filePath;
}

/** Whether one decoded segment of a request's path may name part of a renderer file's path. */
export function isSafeSegment(segment: string): boolean {
  if (segment === '') return true; // "//" or a trailing slash: harmless, joined away
  if (segment === '.' || segment === '..') return false;
  if (segment.startsWith('.')) return false; // no dotfiles (.env, .git...) from the build folder
  if (segment.includes('/') || segment.includes('\\')) return false;
  if (segment.includes(':')) return false; // Windows drive letters and alternate data streams
  // Control characters (NUL included) never name a renderer asset.
  for (const char of segment) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused by Chromium unless served with a JavaScript MIME type. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Sent with every app:// response; the renderer's own <meta> CSP is the second layer. */
export function responseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change only when the app is updated; revalidating is cheap for local files.
    'Cache-Control': 'no-cache',
  };
}
