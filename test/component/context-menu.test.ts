import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ContextMenu from '../../renderer/src/ui/ContextMenu.svelte';
import { contextMenu, contextMenus, type MenuEntry, type OpenMenu } from '../../renderer/src/ui/context-menu.svelte';
import { placeMenu } from '../../renderer/src/ui/menu-placement';

function show(entries: MenuEntry[]) {
  const origin = document.createElement('button');
  origin.textContent = 'Row';
  document.body.append(origin);
  origin.focus();
  const menu: OpenMenu = { label: 'Support bot', entries, x: 10, y: 10, returnTo: origin };
  contextMenus.open(menu);
  render(ContextMenu, { menu });
  return { origin, menu: screen.getByRole('menu', { name: 'Support bot' }) };
}

const item = (name: string) => screen.getByRole('menuitem', { name });

afterEach(() => {
  contextMenus.close(true);
  document.body.innerHTML = '';
});

describe('ContextMenu', () => {
  const actions = () => ({ open: vi.fn(), rename: vi.fn(), remove: vi.fn(), archive: vi.fn() });
  const entries = (a: ReturnType<typeof actions>): MenuEntry[] => [
    { label: 'Open', run: a.open },
    { label: 'Rename…', run: a.rename },
    { label: 'Archive', run: a.archive, disabled: true },
    'separator',
    { label: 'Delete', run: a.remove, danger: true },
  ];

  it('focuses the first item; arrows wrap, Home and End jump, disabled items are skipped', async () => {
    const { menu } = show(entries(actions()));
    expect(item('Open')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(item('Rename…')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(item('Delete')).toHaveFocus(); // Archive is disabled
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(item('Open')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(item('Delete')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'Home' });
    expect(item('Open')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'End' });
    expect(item('Delete')).toHaveFocus();
    expect(screen.getByRole('separator')).toBeInTheDocument();
    expect(item('Archive')).toHaveAttribute('aria-disabled', 'true');
  });

  it('type-ahead goes to the next item that starts with the letters typed; letters typed quickly add up', async () => {
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { menu } = show(entries(actions()));
    await fireEvent.keyDown(menu, { key: 'd' });
    expect(item('Delete')).toHaveFocus();
    await fireEvent.keyDown(menu, { key: 'e' }); // "de": still Delete
    expect(item('Delete')).toHaveFocus();
    now += 2_000; // a pause starts again
    await fireEvent.keyDown(menu, { key: 'r' });
    expect(item('Rename…')).toHaveFocus();
    vi.restoreAllMocks();
  });

  it('running an item closes the menu and gives focus back first; a disabled one does nothing', async () => {
    const a = actions();
    const { origin } = show(entries(a));
    await fireEvent.click(item('Archive'));
    expect(a.archive).not.toHaveBeenCalled();
    expect(contextMenus.current).toBeDefined();
    await fireEvent.click(item('Rename…'));
    expect(a.rename).toHaveBeenCalledOnce();
    expect(contextMenus.current).toBeUndefined();
    expect(origin).toHaveFocus();
  });

  it('Escape closes it and gives focus back; so does Tab', async () => {
    const { origin, menu } = show(entries(actions()));
    await fireEvent.keyDown(menu, { key: 'Escape' });
    expect(contextMenus.current).toBeUndefined();
    expect(origin).toHaveFocus();
    cleanup();
    const again = show(entries(actions()));
    await fireEvent.keyDown(again.menu, { key: 'Tab' });
    expect(contextMenus.current).toBeUndefined();
  });

  it('choices are radio items with the current one checked', () => {
    show([
      { label: 'Light', run: vi.fn(), checked: false },
      { label: 'Dark', run: vi.fn(), checked: true },
    ]);
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'false');
  });
});

describe('contextMenu (the attachment)', () => {
  function list() {
    const ul = document.createElement('ul');
    ul.innerHTML = '<li data-menu-id="a"><a href="#a">A</a> <input aria-label="Note" /></li>';
    document.body.append(ul);
    const detach = contextMenu((event) => {
      const id = (event.target as HTMLElement).closest<HTMLElement>('[data-menu-id]')?.dataset.menuId;
      return id ? { label: `Item ${id}`, entries: [{ label: 'Open', run: vi.fn() }] } : undefined;
    })(ul) as () => void;
    return { ul, detach, link: ul.querySelector('a')!, input: ul.querySelector('input')! };
  }

  it('right-click opens the row’s menu at the pointer and keeps the browser’s own menu away', async () => {
    const { link, detach } = list();
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2, clientX: 40, clientY: 50 });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(contextMenus.current).toMatchObject({ label: 'Item a', x: 40, y: 50 });
    detach();
  });

  it('Shift+F10 and the ContextMenu key open it for the focused element', async () => {
    const { link, detach } = list();
    link.focus();
    for (const init of [{ key: 'F10', shiftKey: true }, { key: 'ContextMenu' }]) {
      contextMenus.close(true);
      const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true });
      link.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
      expect(contextMenus.current?.returnTo).toBe(link);
    }
    detach();
  });

  it('a text field keeps its own cut, copy and paste menu', async () => {
    const { input, detach } = list();
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
    input.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(contextMenus.current).toBeUndefined();
    detach();
  });
});

describe('placeMenu', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 200, height: 150 };
  it('opens beside the point when it fits', () => {
    expect(placeMenu({ x: 100, y: 100 }, size, viewport)).toEqual({ left: 100, top: 100 });
  });
  it('flips left and up at the right and bottom edges, never off the window', () => {
    expect(placeMenu({ x: 790, y: 590 }, size, viewport)).toEqual({ left: 590, top: 440 });
    expect(placeMenu({ x: 100, y: 100 }, { width: 900, height: 700 }, viewport)).toEqual({ left: 4, top: 4 });
  });
});
