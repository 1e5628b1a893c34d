import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type KeelApp } from './fixtures';

async function openMap(app: KeelApp, name = 'Support assistant') {
  await app.open();
  await app.createProgram(name);
  await app.page.getByRole('navigation', { name: 'Program areas' }).getByRole('link', { name: 'Uncertainty' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Uncertainty' })).toBeVisible();
}

async function quickAdd(page: Page, titles: string[], layer?: string, kind?: string) {
  if (!(await page.getByRole('textbox', { name: 'New item title' }).isVisible())) {
    await page.getByRole('button', { name: /Add items/ }).first().click();
  }
  if (layer) await page.getByRole('combobox', { name: 'Layer for new items' }).selectOption({ label: layer });
  if (kind) await page.getByRole('combobox', { name: 'Kind for new items' }).selectOption({ label: kind });
  const input = page.getByRole('textbox', { name: 'New item title' });
  for (const title of titles) {
    await input.fill(title);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
}

async function paste(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'New item title' }).evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const mark = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title}\\.`) });

test('add items with the form, the N shortcut and by pasting lines; layer and kind are remembered', async ({ app, page }) => {
  await openMap(app);
  await expect(page.getByRole('heading', { name: 'Nothing mapped yet' })).toBeVisible();
  await quickAdd(page, ['Users trust cited answers'], 'Users and adoption', 'Assumption');
  await page.getByRole('button', { name: 'Done' }).click();

  // Fast capture from the keyboard: N opens it with the last layer and kind.
  await page.locator('body').press('n');
  await expect(page.getByRole('textbox', { name: 'New item title' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Layer for new items' })).toHaveValue(
    await page.getByRole('combobox', { name: 'Layer for new items' }).locator('option', { hasText: 'Users and adoption' }).getAttribute('value') ?? '',
  );
  await page.getByRole('combobox', { name: 'Kind for new items' }).selectOption({ label: 'Risk' });
  await page.getByRole('combobox', { name: 'Layer for new items' }).selectOption({ label: 'Cost and infrastructure' });
  await page.keyboard.press('Tab');
  await page.getByRole('textbox', { name: 'New item title' }).fill('p95 latency over 2 s');
  await page.keyboard.press('Enter');

  await paste(page, '- Vendor deprecates the model\n- GPU quota runs out\n\n3. Token prices rise');
  await expect(app.toast('Added 3 items.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'New item title' })).toBeHidden();

  await expect(page.getByRole('search', { name: 'Filter items' }).getByRole('status')).toHaveText('5 items');
  await expect(mark(page, 'GPU quota runs out')).toHaveAccessibleName(/Risk in Cost and infrastructure/);
  await expect(mark(page, 'Users trust cited answers')).toHaveAccessibleName(/Assumption in Users and adoption/);

  await page.reload();
  await expect(page.locator('.mark')).toHaveCount(5);
});

test('drag an item with the mouse and move one with the keyboard; both stay after reload; undo a move', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Dragged item', 'Keyboard item']);
  await page.getByRole('button', { name: 'Done' }).click();

  const dragged = mark(page, 'Dragged item');
  const box = (await dragged.boundingBox())!;
  const plot = (await page.locator('.plot-bg').boundingBox())!;
  // Drop at uncertainty 4.5 (x) and impact 1.5 (y).
  const target = { x: plot.x + plot.width * (3.5 / 4), y: plot.y + plot.height * (3.5 / 4) };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  await expect(dragged).toHaveAccessibleName(/Impact 1\.5, uncertainty 4\.5: Watch/);

  const keyed = mark(page, 'Keyboard item');
  await keyed.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await expect(keyed).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9: Plan for it/);

  await page.reload();
  await expect(mark(page, 'Dragged item')).toHaveAccessibleName(/Impact 1\.5, uncertainty 4\.5/);
  await expect(mark(page, 'Keyboard item')).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9/);

  // After a reload the history is new; make a move and undo it.
  await mark(page, 'Keyboard item').focus();
  await page.keyboard.press('ArrowDown');
  await expect(mark(page, 'Keyboard item')).toHaveAccessibleName(/Impact 3\.5,/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Move item.')).toBeVisible();
  await expect(mark(page, 'Keyboard item')).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9/);

  // The moves are in the item's history, drawn as a trail when it is selected.
  await mark(page, 'Keyboard item').press('Enter');
  const details = page.getByRole('complementary', { name: 'Item details' });
  await expect(details.getByRole('heading', { name: 'History' })).toBeVisible();
  // Created, then three key presses: one undo step and one point on the path.
  await expect(details.locator('.history li')).toHaveCount(2);
  await expect(page.locator('.trail polyline')).toBeVisible();
});

test('filters and search narrow the map, the list and the counts', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Users trust cited answers'], 'Users and adoption', 'Assumption');
  await quickAdd(page, ['Latency over 2 s', 'Inference cost per ticket'], 'Cost and infrastructure', 'Risk');
  await page.getByRole('button', { name: 'Done' }).click();
  const count = page.getByRole('search', { name: 'Filter items' }).getByRole('status');
  await expect(count).toHaveText('3 items');

  await page.locator('summary').filter({ hasText: /^Kind/ }).click();
  await page.getByRole('checkbox', { name: 'Risk' }).check();
  await expect(count).toHaveText('2 of 3 items');
  await expect(page.locator('.mark')).toHaveCount(2);

  await page.getByRole('searchbox', { name: 'Search items' }).fill('latency');
  await expect(count).toHaveText('1 of 3 items');
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toHaveCount(3);

  // The list sorts and is keyboard navigable; Enter opens the details.
  await page.getByRole('button', { name: 'Title' }).click();
  const rows = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
  await expect(rows.first()).toContainText('Inference cost per ticket');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Latency over 2 s');
});

test('edit the stack: rename, reorder, and remove a layer moving its items', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Hallucinated refund policy'], 'Model behaviour', 'Risk');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Stack' }).click();

  const layers = page.getByRole('list', { name: 'Layers of the AI stack' }).getByRole('listitem');
  await expect(layers).toHaveCount(7);
  const name = page.getByRole('textbox', { name: 'Name of layer 3' });
  await expect(name).toHaveValue('Model behaviour');
  await name.fill('Model quality');
  await name.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of layer 3' })).toHaveValue('Model quality');

  await page.getByRole('button', { name: 'Move Model quality up' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of layer 2' })).toHaveValue('Model quality');
  // Focus stays on the arrow, so it can be pressed again from the keyboard.
  await expect(page.getByRole('button', { name: 'Move Model quality up' })).toBeFocused();

  await page.getByRole('button', { name: 'Remove Model quality' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove “Model quality”?' });
  await dialog.getByRole('combobox', { name: /Its 1 item goes to/ }).selectOption({ label: 'Security and compliance' });
  await dialog.getByRole('button', { name: 'Remove layer' }).click();
  await expect(layers).toHaveCount(6);

  await page.reload();
  await page.getByRole('button', { name: 'Stack' }).click();
  await expect(page.getByRole('list', { name: 'Layers of the AI stack' }).getByRole('listitem')).toHaveCount(6);
  await page.getByRole('button', { name: 'Map' }).click();
  await expect(mark(page, 'Hallucinated refund policy')).toHaveAccessibleName(/Risk in Security and compliance/);
});

test('export the map as SVG and as PNG at 1x and 2x', async ({ app, page }, testInfo) => {
  await openMap(app);
  await quickAdd(page, ['Users trust cited answers', 'Latency over 2 s']);
  await page.getByRole('button', { name: 'Done' }).click();

  const save = async (label: string) => {
    await page.getByText('Export map').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: label }).click();
    const download = await downloading;
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };

  const svg = await save('SVG');
  expect(svg.name).toBe('Support assistant uncertainty map.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('<svg');
  // The file embeds its font, so it renders the same on any machine.
  expect(text).toContain("font-family=\"'Keel Export Inter'");
  expect(text).toMatch(/@font-face\{font-family:'Keel Export Inter';font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}/);
  expect(text).not.toContain('var(--');
  expect(text.match(/<path /g)?.length).toBeGreaterThanOrEqual(2);
  expect(text).toContain('TEST FIRST');

  const width = await page.locator('svg.map').evaluate((el) => (el as SVGSVGElement).width.baseVal.value);
  for (const [label, scale] of [
    ['PNG (1x)', 1],
    ['PNG (2x)', 2],
  ] as const) {
    const png = await save(label);
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(width * scale));
  }
});

test('the uncertainty views pass axe', async ({ app, page }) => {
  test.slow();
  await openMap(app);
  await app.expectAccessible('empty map');
  await quickAdd(page, ['Users trust cited answers', 'Latency over 2 s']);
  await app.expectAccessible('quick add');
  await page.getByRole('button', { name: 'Done' }).click();
  await mark(page, 'Latency over 2 s').press('Enter');
  await app.expectAccessible('map with details');
  await page.getByRole('button', { name: 'List' }).click();
  await app.expectAccessible('list');
  await page.getByRole('button', { name: 'Stack' }).click();
  await app.expectAccessible('stack');
});

test('record evidence that moves an item, set owner and review date; stale items are easy to find', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Retrieval finds the right article', 'Customers accept bot answers']);
  await page.getByRole('button', { name: 'Done' }).click();

  await mark(page, 'Retrieval finds the right article').press('Enter');
  const details = page.getByRole('complementary', { name: 'Item details' });
  await details.getByRole('textbox', { name: 'Owner' }).fill('Sam');
  await details.getByRole('textbox', { name: 'Function' }).fill('Engineering');
  await details.getByRole('textbox', { name: 'Source' }).fill('Offline eval');
  await details.getByRole('textbox', { name: 'What was learned' }).fill('Top-3 recall is 92% on 400 tickets.');
  await details.getByRole('spinbutton', { name: 'New uncertainty' }).fill('1.8');
  await details.getByRole('spinbutton', { name: 'New impact' }).fill('4');
  await details.getByRole('combobox', { name: 'New status' }).selectOption({ label: 'Validated' });
  await details.getByRole('button', { name: 'Add evidence' }).click();
  await expect(details.getByRole('heading', { name: 'Evidence (1)' })).toBeVisible();
  await expect(details.getByText('Moved: impact 3 → 4, uncertainty 3 → 1.8, status open → validated')).toBeVisible();
  await expect(details.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('validated');
  await expect(mark(page, 'Retrieval finds the right article')).toHaveAccessibleName(/uncertainty 1\.8: Plan for it/);

  // A review date in the past makes the other item stale.
  await mark(page, 'Customers accept bot answers').press('Enter');
  await details.locator('#item-review').fill('2020-01-31');
  await details.locator('#item-review').press('Tab');
  await expect(details.getByText('Stale: Review was due 2020-01-31.')).toBeVisible();
  const staleOnly = page.getByRole('checkbox', { name: /Stale only/ });
  await expect(page.getByRole('search', { name: 'Filter items' })).toContainText('Stale only 1');
  await staleOnly.check();
  await expect(page.locator('.mark')).toHaveCount(1);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toHaveText([/Customers accept bot answers\s*stale/]);

  await page.reload();
  await page.locator('summary').filter({ hasText: /^Owner/ }).click();
  await page.getByRole('checkbox', { name: 'Sam (Engineering)' }).check();
  await expect(page.locator('.mark')).toHaveCount(1);
  await mark(page, 'Retrieval finds the right article').press('Enter');
  await expect(details.getByText('Top-3 recall is 92% on 400 tickets.')).toBeVisible();
});

test('delete an item and undo the deletion', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Keep', 'Remove me']);
  await page.getByRole('button', { name: 'Done' }).click();
  await mark(page, 'Remove me').press('Enter');
  await page.getByRole('button', { name: 'Delete item' }).click();
  await expect(page.locator('.mark')).toHaveCount(1);
  await app.toast('Deleted "Remove me".').locator('..').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.mark')).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('.mark')).toHaveCount(1);
});

test('zoom and pan with the buttons; items keep their place', async ({ app, page }) => {
  await openMap(app);
  await quickAdd(page, ['Centre item']);
  await page.getByRole('button', { name: 'Done' }).click();
  const before = (await mark(page, 'Centre item').boundingBox())!;
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Pan right' }).click();
  const after = (await mark(page, 'Centre item').boundingBox())!;
  expect(after.x).not.toBeCloseTo(before.x, 0);
  await expect(mark(page, 'Centre item')).toHaveAccessibleName(/Impact 3, uncertainty 3/);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(async () => (await mark(page, 'Centre item').boundingBox())!.x).toBeCloseTo(before.x, 0);
});
