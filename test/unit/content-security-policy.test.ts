// Keel's Content-Security-Policy comes from one module (electron/content-security-policy.ts):
// these tests fail if it is loosened, if the renderer's <meta> tag or the web preview's header
// stops being written, or if either starts carrying a policy of its own.
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, Plugin, PluginOption } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/content-security-policy';
import viteConfig from '../../vite.config';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

const APP_ONLY = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** The tags the config's own plugins add to index.html, in order. */
async function injectedTags(): Promise<HtmlTagDescriptor[]> {
  const plugins = [viteConfig.plugins ?? []].flat(Infinity as 1) as PluginOption[];
  const tags: HtmlTagDescriptor[] = [];
  for (const plugin of plugins) {
    const hook = (plugin as Plugin | null)?.transformIndexHtml;
    if (!hook || (typeof hook !== 'function' && !('handler' in hook))) continue;
    const handler = typeof hook === 'function' ? hook : hook.handler;
    const result = await (handler as (html: string, ctx: unknown) => unknown)('', { path: '/index.html', filename: 'index.html' });
    if (Array.isArray(result)) tags.push(...(result as HtmlTagDescriptor[]));
  }
  return tags;
}

describe('the Content-Security-Policy', () => {
  it('allows only the app itself in the <meta> policy', () => {
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(APP_ONLY);
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
  });

  it("adds frame-ancestors 'none' in the header, which a <meta> tag cannot carry", () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual({ ...APP_ONLY, 'frame-ancestors': "'none'" });
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('is written into index.html first in <head> by the Vite config', async () => {
    const csp = (await injectedTags()).filter((tag) => tag.attrs?.['http-equiv'] === 'Content-Security-Policy');
    expect(csp).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ]);
  });

  it('has no hand-written copy in renderer/index.html', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<meta[^>]+http-equiv=["']?Content-Security-Policy/i);
  });

  it('is sent as a header by the web preview (npm run web, the end-to-end tests)', () => {
    expect(viteConfig.preview?.headers).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
