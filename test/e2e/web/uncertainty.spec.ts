import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('add items with the form, the N shortcut and by pasting lines; layer and kind are remembered', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await expect(page.getByRole('heading', { name: 'Nothing mapped yet' })).toBeVisible();
  await app.quickAdd(['Users trust cited answers'], 'Users and adoption', 'Assumption');
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

  await app.paste(page.getByRole('textbox', { name: 'New item title' }), '- Vendor deprecates the model\n- GPU quota runs out\n\n3. Token prices rise');
  await expect(app.toast('Added 3 items.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'New item title' })).toBeHidden();

  await expect(page.getByRole('search', { name: 'Filter items' }).getByRole('status')).toHaveText('5 items');
  await expect(await app.map.focus('GPU quota runs out')).toHaveAccessibleName(/Risk in Cost and infrastructure/);
  await expect(await app.map.focus('Users trust cited answers')).toHaveAccessibleName(/Assumption in Users and adoption/);

  await page.reload();
  await app.map.expectMarks(5);
});

test('drag an item with the mouse and move one with the keyboard; both stay after reload; undo a move', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Dragged item', 'Keyboard item']);
  await page.getByRole('button', { name: 'Done' }).click();

  // From the keyboard: Space picks the item up, the arrow keys move it, Space puts it down.
  const keyed = await app.map.focus('Keyboard item');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(keyed).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9: Plan for it/);
  await expect(page.getByRole('status').filter({ hasText: /^Put down Keyboard item/ })).toBeAttached();

  // With the pointer: the other item is alone in the middle now; drop it at uncertainty 4.5, impact 1.5.
  await app.map.expectMarks(2);
  const from = await app.map.point(3, 3);
  const to = await app.map.point(1.5, 4.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  await expect(await app.map.focus('Dragged item')).toHaveAccessibleName(/Impact 1\.5, uncertainty 4\.5: Watch/);

  await page.reload();
  await expect(await app.map.focus('Dragged item')).toHaveAccessibleName(/Impact 1\.5, uncertainty 4\.5/);
  await expect(await app.map.focus('Keyboard item')).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9/);

  // After a reload the history is new; make a move and undo it.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(app.map.option).toHaveAccessibleName(/Impact 3\.5,/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast('Undid: Move item.')).toBeVisible();
  await expect(app.map.option).toHaveAccessibleName(/Impact 3\.6, uncertainty 2\.9/);

  // The moves are in the item's history, drawn as a trail when it is selected.
  await app.map.open('Keyboard item');
  const details = page.getByRole('complementary', { name: 'Item details' });
  await expect(details.getByRole('heading', { name: 'History' })).toBeVisible();
  // Created, then three key presses: one undo step and one point on the path.
  await expect(details.locator('.history li')).toHaveCount(2);
  await expect(page.locator('.trail polyline')).toBeVisible();
});

test('filters and search narrow the map, the list and the counts', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Users trust cited answers'], 'Users and adoption', 'Assumption');
  await app.quickAdd(['Latency over 2 s', 'Inference cost per ticket'], 'Cost and infrastructure', 'Risk');
  await page.getByRole('button', { name: 'Done' }).click();
  const count = page.getByRole('search', { name: 'Filter items' }).getByRole('status');
  await expect(count).toHaveText('3 items');

  await page.locator('summary').filter({ hasText: /^Kind/ }).click();
  await page.getByRole('checkbox', { name: 'Risk' }).check();
  await expect(count).toHaveText('2 of 3 items');
  await app.map.expectMarks(2);

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
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Hallucinated refund policy'], 'Model behaviour', 'Risk');
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
  await expect(await app.map.focus('Hallucinated refund policy')).toHaveAccessibleName(/Risk in Security and compliance/);
});

test('export the map as SVG and as PNG at 1x and 2x', async ({ app, page }, testInfo) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Users trust cited answers', 'Latency over 2 s']);
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
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.expectAccessible('empty map');
  await app.quickAdd(['Users trust cited answers', 'Latency over 2 s']);
  await app.expectAccessible('quick add');
  await page.getByRole('button', { name: 'Done' }).click();
  await app.map.open('Latency over 2 s');
  await app.expectAccessible('map with details');
  await page.getByRole('button', { name: 'List' }).click();
  await app.expectAccessible('list');
  await page.getByRole('button', { name: 'Stack' }).click();
  await app.expectAccessible('stack');
});

test('record evidence that moves an item, set owner and review date; stale items are easy to find', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Retrieval finds the right article', 'Customers accept bot answers']);
  await page.getByRole('button', { name: 'Done' }).click();

  await app.map.open('Retrieval finds the right article');
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
  await expect(app.map.option).toHaveAccessibleName(/^Retrieval finds the right article.*uncertainty 1\.8: Plan for it/);

  // A review date in the past makes the other item stale.
  await app.map.open('Customers accept bot answers');
  await details.locator('#item-review').fill('2020-01-31');
  await details.locator('#item-review').press('Tab');
  await expect(details.getByText('Stale: Review was due 2020-01-31.')).toBeVisible();
  const staleOnly = page.getByRole('checkbox', { name: /Stale only/ });
  await expect(page.getByRole('search', { name: 'Filter items' })).toContainText('Stale only 1');
  await staleOnly.check();
  await app.map.expectMarks(1);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toHaveText([/Customers accept bot answers\s*stale/]);

  await page.reload();
  await page.locator('summary').filter({ hasText: /^Owner/ }).click();
  await page.getByRole('checkbox', { name: 'Sam (Engineering)' }).check();
  await app.map.expectMarks(1);
  await app.map.open('Retrieval finds the right article');
  await expect(details.getByText('Top-3 recall is 92% on 400 tickets.')).toBeVisible();
});

test('delete an item and undo the deletion', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Keep', 'Remove me']);
  await page.getByRole('button', { name: 'Done' }).click();
  await app.map.open('Remove me');
  await page.getByRole('button', { name: 'Delete item' }).click();
  await app.map.expectMarks(1);
  // The details closed with the item: focus is on the area, not lost.
  await expect(page.getByRole('heading', { level: 1, name: 'Uncertainty' })).toBeFocused();
  await app.toast('Deleted "Remove me".').locator('..').getByRole('button', { name: 'Undo' }).click();
  await app.map.expectMarks(2);
  await page.keyboard.press('ControlOrMeta+z');
  await app.map.expectMarks(1);
});

test('zoom and pan with the buttons; items keep their place', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Centre item']);
  await page.getByRole('button', { name: 'Done' }).click();
  // The selected item is ringed on the map: the ring shows where it is drawn.
  await app.map.open('Centre item');
  const ring = page.locator('svg.overlay .selection');
  const before = await ring.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Pan right' }).click();
  await expect(ring).not.toHaveAttribute('transform', before!);
  await expect(app.map.option).toHaveAccessibleName(/Impact 3, uncertainty 3/);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(ring).toHaveAttribute('transform', before!);
});

test('the map is one tab stop: arrow keys go to the nearest item that way, Home and End to the ends, never to one out of view', async ({ app, page }) => {
  await app.startProgram('Support assistant', 'Uncertainty');
  await app.quickAdd(['Left', 'Right', 'Top']);
  await page.getByRole('button', { name: 'Done' }).click();
  // Place them from the keyboard: Left at uncertainty 1.5, Right at 4.5, Top at impact 4 (clearly
  // nearer than Right for a key press to the right from Left, whatever the plot's width).
  const place = async (title: string, keys: string[]) => {
    await app.map.focus(title);
    await page.keyboard.press('Space');
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Space');
  };
  await place('Left', ['Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowLeft']);
  await place('Right', ['Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight']);
  await place('Top', ['Shift+ArrowUp', 'Shift+ArrowUp']);
  await expect(app.map.option).toHaveAccessibleName(/^Top\. .*Impact 4, uncertainty 3:/);

  // One tab stop: Tab from the zoom buttons lands on the map, the next Tab leaves it.
  await page.getByRole('button', { name: 'Zoom out' }).focus();
  await page.keyboard.press('Tab');
  await expect(app.map.frame).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.map.option).toHaveAccessibleName(/^Left\./);
  await page.keyboard.press('ArrowRight');
  await expect(app.map.option).toHaveAccessibleName(/^Top\./);
  await page.keyboard.press('ArrowRight');
  await expect(app.map.option).toHaveAccessibleName(/^Right\./);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'No item further right in view.' })).toBeAttached();
  await page.keyboard.press('Home');
  await expect(app.map.option).toHaveAccessibleName(/^Left\./);
  await page.keyboard.press('End');
  await expect(app.map.option).toHaveAccessibleName(/^Top\./);
  await page.keyboard.press('Tab');
  await expect(app.map.frame).not.toBeFocused();

  // Zoomed in on the left of the map, Right and Top are out of view: the keys never go there.
  await app.map.focus('Left');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Pan left' }).click();
  await app.map.frame.focus();
  await expect(app.map.option).toHaveAccessibleName(/^Left\./);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(app.map.option).toHaveAccessibleName(/^Left\./);

  // Escape puts a picked-up item back where it was.
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await app.map.focus('Right');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(app.map.option).toHaveAccessibleName(/Impact 2\.5, uncertainty 4\.5/);
  await page.keyboard.press('Escape');
  await expect(app.map.option).toHaveAccessibleName(/Impact 3, uncertainty 4\.5/);
  // Once stored, the mark goes back from the overlay onto the canvas.
  await expect(page.locator('svg.overlay path.held')).toHaveCount(0);
  await page.reload();
  await expect(await app.map.focus('Right')).toHaveAccessibleName(/Impact 3, uncertainty 4\.5/);
});
