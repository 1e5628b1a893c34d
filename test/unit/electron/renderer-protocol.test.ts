import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy.js';
import { serveRendererRequest } from '../../../electron/renderer-protocol.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'keel-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Keel</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export const x = 1;');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer folder');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> => serveRendererRequest(new Request(url, { method }), root);

describe('serveRendererRequest', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await get('app://keel/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Keel</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await get('app://keel/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export const x = 1;');
  });

  it('answers client-side routes with index.html', async () => {
    const response = await get('app://keel/programs/7');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Keel</title>');
  });

  it('answers 404 for a missing asset, as plain text that is not mistaken for a script', async () => {
    const response = await get('app://keel/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('Not found');
  });

  it('answers 404 (with the CSP) for a traversal attempt and never reads outside the root', async () => {
    const response = await get('app://keel/..%2fsecret.txt');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://keel/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('Method not allowed');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://keel/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('explains a missing renderer build', async () => {
    const response = await serveRendererRequest(new Request('app://keel/'), path.join(base, 'nowhere'));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
