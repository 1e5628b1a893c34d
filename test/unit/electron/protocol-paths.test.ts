import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy.js';
import {
  contentTypeFor,
  isSafeSegment,
  pathInsideRoot,
  resolveProtocolRequest,
  responseHeaders,
} from '../../../electron/protocol-paths.js';

const root = path.resolve('/opt/keel/dist/renderer');
const inRoot = (...parts: string[]): string => path.join(root, ...parts);

describe('resolveProtocolRequest', () => {
  it.each([
    ['app://keel/index.html', inRoot('index.html'), false],
    ['app://keel/assets/index-Abc123.js', inRoot('assets', 'index-Abc123.js'), false],
    ['app://keel/assets/index-Abc123.css?v=2#x', inRoot('assets', 'index-Abc123.css'), false],
    ['app://keel/icon.svg', inRoot('icon.svg'), false],
    ['app://keel/fonts/Inter%20Var.woff2', inRoot('fonts', 'Inter Var.woff2'), false],
    ['app://keel//assets//a.js', inRoot('assets', 'a.js'), false],
    ['app://KEEL/index.html', inRoot('index.html'), false],
  ])('serves %s', (url, filePath, isSpaFallback) => {
    expect(resolveProtocolRequest(url, root)).toEqual({ kind: 'file', filePath, isSpaFallback });
  });

  it.each(['app://keel', 'app://keel/', 'app://keel/programs', 'app://keel/programs/42/metrics', 'app://keel/programs/'])(
    'falls back to index.html for the client-side route %s',
    (url) => {
      expect(resolveProtocolRequest(url, root)).toEqual({ kind: 'file', filePath: inRoot('index.html'), isSpaFallback: true });
    },
  );

  it('does not mask a missing asset (with an extension) as index.html', () => {
    expect(resolveProtocolRequest('app://keel/assets/missing.js', root)).toEqual({
      kind: 'file',
      filePath: inRoot('assets', 'missing.js'),
      isSpaFallback: false,
    });
  });

  it.each([
    ['app://keel/%2e%2e/%2e%2e/etc/passwd.txt', inRoot('etc', 'passwd.txt')],
    ['app://keel/assets/%2E%2E/%2E%2E/secret.json', inRoot('secret.json')],
    ['app://keel/../../etc/passwd.txt', inRoot('etc', 'passwd.txt')],
  ])('clamps dot segments (removed by URL parsing) inside the root: %s', (url, filePath) => {
    expect(resolveProtocolRequest(url, root)).toEqual({ kind: 'file', filePath, isSpaFallback: false });
  });

  it('decodes once only: a double-encoded traversal is a literal (harmless) file name', () => {
    expect(resolveProtocolRequest('app://keel/%252e%252e%252fx.js', root)).toEqual({
      kind: 'file',
      filePath: inRoot('%2e%2e%2fx.js'),
      isSpaFallback: false,
    });
  });

  it.each([
    ['encoded slash traversal', 'app://keel/..%2f..%2fetc%2fpasswd.txt'],
    ['encoded slash', 'app://keel/assets%2findex.js'],
    ['encoded backslash traversal', 'app://keel/..%5c..%5cwindows%5cwin.ini'],
    ['encoded dot-dot with encoded slash', 'app://keel/assets/%2e%2e%2f%2e%2e%2fx.js'],
    ['absolute path after decoding', 'app://keel/%2fetc%2fpasswd.txt'],
    ['windows drive', 'app://keel/C:%5cWindows%5cwin.ini'],
    ['windows drive, plain', 'app://keel/C:/Windows/win.ini'],
    ['NUL byte', 'app://keel/index.html%00.png'],
    ['control character', 'app://keel/a%0Ab.js'],
    ['malformed escape', 'app://keel/%E0%A4%A.js'],
    ['dotfile', 'app://keel/.env.json'],
    ['dot directory', 'app://keel/.git/config.txt'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://keel.evil/index.html'],
    ['port', 'app://keel:99/index.html'],
    ['credentials', 'app://me@keel/index.html'],
    ['a password alone', 'app://:secret@keel/index.html'],
    ['other scheme', 'file:///opt/keel/dist/renderer/index.html'],
    ['https', 'https://keel/index.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveProtocolRequest(url, root).kind).toBe('refused');
  });
});

// The two traversal defences, each on its own: either would stop a traversal the other missed,
// so each must fail a test when it is removed.
describe('traversal defence 1: every decoded path segment is checked', () => {
  it.each(['..', '.', '../etc', '..\\etc', 'a/b', 'a\\b', 'C:', 'file.txt:stream', '.env', '.git', 'a\0b', 'a\nb', 'a\u007fb'])(
    'refuses the segment %j',
    (segment) => expect(isSafeSegment(segment)).toBe(false),
  );

  it.each(['index.html', 'Inter Var.woff2', 'a..b.js', '', 'programme-été.png'])('allows the segment %j', (segment) => {
    expect(isSafeSegment(segment)).toBe(true);
  });

  it.each([
    'app://keel/..%2f..%2fetc%2fpasswd.txt',
    'app://keel/..%5c..%5cwindows%5cwin.ini',
    'app://keel/assets/%2e%2e%2f%2e%2e%2fx.js',
    'app://keel/%2fetc%2fpasswd.txt',
  ])('refuses %s at the segment check, before any path is built', (url) => {
    expect(resolveProtocolRequest(url, root)).toEqual({ kind: 'refused', reason: expect.stringMatching(/^unsafe path segment/) });
  });
});

describe('traversal defence 2: the resolved file must lie inside the renderer folder', () => {
  it.each([
    ['a parent folder', ['..', 'secret.txt']],
    ['a deeper escape', ['assets', '..', '..', '..', 'etc', 'passwd']],
    ['an absolute path', [path.resolve('/etc/passwd')]],
    ['the folder itself', []],
    ['the folder itself, by a detour', ['assets', '..']],
  ])('refuses %s', (_name, parts) => {
    expect(pathInsideRoot(root, parts)).toBeUndefined();
  });

  it('gives the file inside the folder, from a relative root too', () => {
    expect(pathInsideRoot(root, ['assets', 'a.js'])).toBe(inRoot('assets', 'a.js'));
    expect(pathInsideRoot(root, ['assets', '..', 'index.html'])).toBe(inRoot('index.html'));
    expect(pathInsideRoot('dist/renderer', ['index.html'])).toBe(path.resolve('dist/renderer/index.html'));
  });
});

describe('content types and headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeFor(file)).toBe(type));

  it('sends the strict CSP and nosniff with every file', () => {
    const headers = responseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});
