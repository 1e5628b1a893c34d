import { expect, test } from './fixtures';

// Raises the app's IndexedDB to a version no Keel build knows, as a newer Keel would.
async function upgradeDatabaseBehindTheApp(page: import('@playwright/test').Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('keel', 500);
        request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture', { keyPath: 'id' });
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('a newer Keel upgrading the database stops this window safely, and the data needs the newer Keel', async ({ app, page }) => {
  await app.open();
  await app.createProgram('Precious plan');

  await upgradeDatabaseBehindTheApp(page);
  // This window was told to step aside: it stops writing instead of overwriting.
  await expect(page.getByRole('alert')).toContainText('Reload this window');

  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'This data needs a newer Keel' })).toBeVisible();
  await expect(alert).toContainText('Nothing has been changed.');

  // The programs are still in the database, untouched.
  const names = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('keel');
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('programs').objectStore('programs').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((p: { name: string }) => p.name));
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(names).toEqual(['Precious plan']);
});
