import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeOf, insidePageRoot, pageFileFor, participantPagePolicy, securityHeaders } from '../../../../electron/room/static-files.js';

const root = resolve('/srv/page');

describe('pageFileFor', () => {
  it('serves the page at / and files under /assets/', () => {
    expect(pageFileFor(root, '/')).toEqual({ kind: 'index' });
    expect(pageFileFor(root, '/assets/index-abc.js')).toEqual({ kind: 'asset', file: join(root, 'assets', 'index-abc.js') });
    expect(pageFileFor(root, '/assets/fonts/inter%20latin.woff2')).toEqual({ kind: 'asset', file: join(root, 'assets', 'fonts', 'inter latin.woff2') });
  });

  it.each([
    '/index.html',
    '/api/anything',
    '/etc/passwd',
    '/assets/',
    '/assets/../../etc/passwd',
    '/assets/..%2f..%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/..',
    '/assets/%2e%2e',
    '/assets/..%5c..%5cwindows%5cwin.ini',
    '/assets/a%00.js',
    '/assets/%E0%A4%A',
    '/assets//etc/passwd',
    '/assetsX/a.js',
  ])('refuses %s', (path) => {
    const found = pageFileFor(root, path);
    if (found.kind === 'asset') expect(found.file.startsWith(join(root, 'assets') + '/')).toBe(true);
    else expect(found.kind).toBe('not-found');
    if (path.includes('etc')) expect(found).toEqual({ kind: 'not-found' });
  });

  it('types the page’s files and sends anything else as bytes', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream');
  });
});

describe('headers', () => {
  it('the page may load only its own scripts and connect only to the room', () => {
    const policy = participantPagePolicy('10.0.0.2', 5000);
    expect(policy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://10.0.0.2:5000; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(policy).not.toContain('unsafe-eval');
    expect(securityHeaders('10.0.0.2', 5000)).toMatchObject({
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

describe('insidePageRoot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keel-room-page-'));
  const page = join(dir, 'page');
  mkdirSync(join(page, 'assets'), { recursive: true });
  writeFileSync(join(page, 'assets', 'a.js'), '1');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(page, 'assets', 'link.js'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a real file inside, refuses a link out and a missing file', async () => {
    expect(await insidePageRoot(page, join(page, 'assets', 'a.js'))).toBe(true);
    expect(await insidePageRoot(page, join(page, 'assets', 'link.js'))).toBe(false);
    expect(await insidePageRoot(page, join(page, 'assets', 'missing.js'))).toBe(false);
  });
});
