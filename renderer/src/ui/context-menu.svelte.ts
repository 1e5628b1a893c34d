// Context menus: `{@attach contextMenu(() => items)}` on a row, a cell or a chart opens its menu
// on right-click, the ContextMenu key or Shift+F10; ui/ContextMenu.svelte shows the open one
// (one at a time, in the window). The items are the element's existing actions: a menu is a
// second way to reach them, never a new one.
import type { Component } from 'svelte';
import type { Attachment } from 'svelte/attachments';

export interface MenuAction {
  label: string;
  run: () => unknown;
  disabled?: boolean;
  /** Deletes or moves to the trash (the action itself asks first, as its button does). */
  danger?: boolean;
  /** One of a set of choices (a theme): shown as a radio item, checked when it is the current one. */
  checked?: boolean;
}
export type MenuEntry = MenuAction | 'separator';

export interface OpenMenu {
  /** What the menu is about, for screen readers ("Support bot"). */
  label: string;
  entries: readonly MenuEntry[];
  /** Where it opens (viewport pixels); the menu keeps itself inside the window. */
  x: number;
  y: number;
  /** Focus goes back here when the menu closes. */
  returnTo: HTMLElement | null;
}

class ContextMenus {
  current = $state<OpenMenu | undefined>(undefined);
  /** The menu's component once its code has loaded: Shell.svelte draws it at once from then on. */
  view = $state<Component<{ menu: OpenMenu }>>();

  open(menu: OpenMenu): void {
    preloadMenuCode();
    this.current = menu;
  }

  /** Closes the menu and gives focus back to where it was (unless `keepFocus`: the action moved it). */
  close(keepFocus = false): void {
    const menu = this.current;
    this.current = undefined;
    if (!keepFocus && menu?.returnTo?.isConnected) menu.returnTo.focus();
  }
}

export const contextMenus = new ContextMenus();

let menuCode: Promise<unknown> | undefined;
/**
 * The menu's code is fetched as soon as a page has something with a menu, and kept: drawn at
 * once when a menu opens (an import, even of a loaded module, waits a turn), so Shift+F10 then
 * a letter at once finds the menu focused and typing into it.
 */
function preloadMenuCode(): void {
  menuCode ??= import('./ContextMenu.svelte').then(
    (module) => (contextMenus.view = module.default),
    () => (menuCode = undefined),
  );
}

/** The keys that ask for a context menu on the focused element. */
export function isMenuKey(event: KeyboardEvent): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey);
}

/** Text fields keep the browser's (or Electron's) own cut, copy and paste menu. */
function isTextField(target: EventTarget | null): boolean {
  return !!(target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]');
}

/** What a context menu shows: what it is about, for screen readers, and its entries. */
export interface MenuContent {
  label: string;
  entries: readonly MenuEntry[];
  /** Where a menu opened by the keyboard goes (a chart's active mark); else under the focused element. */
  at?: { x: number; y: number };
}

/**
 * The element's context menu, asked for when it opens with the event that opened it: a list
 * finds the row it came from (`closestId`, one menu for the whole list, nothing per row), a
 * chart uses the pointer's position or its active mark. Undefined (or no entries) leaves the
 * browser's own menu.
 */
export function contextMenu(menuFor: (event: MouseEvent | KeyboardEvent) => MenuContent | undefined): Attachment<HTMLElement> {
  return (element) => {
    preloadMenuCode();
    let openedByKey = 0;
    const open = (event: MouseEvent | KeyboardEvent, x: number, y: number, fromKeyboard = false): boolean => {
      const content = menuFor(event);
      if (!content || content.entries.length === 0) return false;
      const returnTo = document.activeElement instanceof HTMLElement && element.contains(document.activeElement) ? document.activeElement : element;
      const place = fromKeyboard && content.at ? content.at : { x, y };
      contextMenus.open({ label: content.label, entries: content.entries, ...place, returnTo });
      return true;
    };
    const onContextMenu = (event: MouseEvent) => {
      if (event.defaultPrevented || isTextField(event.target)) return;
      // A contextmenu from the keyboard is not a right-click (button 2) and has no pointer position.
      const fromKeyboard = event.button !== 2;
      // The key already opened it (some systems send a contextmenu event after the key too).
      if (fromKeyboard && Date.now() - openedByKey < 500) {
        event.preventDefault();
        return;
      }
      const box = element.getBoundingClientRect();
      if (fromKeyboard ? open(event, box.left + 8, box.bottom, true) : open(event, event.clientX, event.clientY)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isMenuKey(event) || isTextField(event.target)) return;
      const focused = event.target instanceof HTMLElement ? event.target : element;
      const box = focused.getBoundingClientRect();
      if (open(event, box.left + 8, Math.min(box.bottom, window.innerHeight - 8), true)) {
        openedByKey = Date.now();
        event.preventDefault();
        event.stopPropagation();
      }
    };
    element.addEventListener('contextmenu', onContextMenu);
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('contextmenu', onContextMenu);
      element.removeEventListener('keydown', onKeyDown);
    };
  };
}

/** The id on the nearest element marked `data-menu-id` (or another data- key) around the event's target: a list's row. */
export function closestId(event: Event, key = 'menuId'): string | undefined {
  const attribute = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return (event.target as HTMLElement | null)?.closest?.<HTMLElement>(`[${attribute}]`)?.dataset[key];
}

/** "Open": follows a record's link (a hash route), as clicking its name does. */
export function openEntry(href: string): MenuAction {
  return { label: 'Open', run: () => (location.hash = href) };
}
