// Web mode sends Keel's Content-Security-Policy as a header (with frame-ancestors, which the
// page's <meta> tag cannot carry), and the page's <meta> policy is the same one.
import { test as plain } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { expect, test } from './fixtures';

test('the page and its scripts come with the CSP header, and the page carries the same policy', async ({ app, page }) => {
  const scripts: Array<string | undefined> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.headers()['content-security-policy']);
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await app.open();
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([CONTENT_SECURITY_POLICY]));

  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas).toHaveCount(1);
  await expect(metas).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY);
  // First in <head>: a <meta> policy covers only what comes after it.
  expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'))).toBe(
    'Content-Security-Policy',
  );
});

// Plain test: the refused frame is reported on the console, which the app fixture counts as a
// failure.
plain('no other page can frame Keel', async ({ page, baseURL }) => {
  const refused = page.waitForEvent('console', {
    predicate: (message) => message.text().includes("frame-ancestors 'none'"),
    timeout: 10_000,
  });
  await page.setContent(`<iframe title="framed" src="${baseURL}"></iframe>`);
  await refused;
  await expect(page.frameLocator('iframe[title="framed"]').locator('#app')).toHaveCount(0);
});
