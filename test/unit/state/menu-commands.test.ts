// The Electron menu (main-process code) and the renderer's command registry name the same
// commands: this test holds them together, since main cannot import the registry itself.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../../electron/ipc-contract';
import { buildMenuTemplate } from '../../../electron/menu';
import { commandInfo } from '../../../renderer/src/state/commands';

type Item = MenuItemConstructorOptions;
const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

function build(platform: NodeJS.Platform) {
  const send = vi.fn<(command: AppCommand) => void>();
  const template = buildMenuTemplate(platform, send, {
    appName: 'Keel',
    isPackaged: true,
    state: { programOpen: true },
    theme: 'system',
    recentFiles: [],
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    openDataFolder: vi.fn(),
  });
  return { template, send };
}

/** Every item with the labels of the submenus above it. */
function walk(items: Item[], path: string[] = []): Array<{ item: Item; path: string[] }> {
  return items.flatMap((item) => [
    { item, path },
    ...walk(Array.isArray(item.submenu) ? item.submenu : [], item.label ? [...path, item.label] : path),
  ]);
}

/** The registry's "Mod+Shift+Z" as an Electron accelerator. */
const accelerator = (keys: string): string => keys.replace(/\bMod\b/g, 'CmdOrCtrl');

describe('the menu and the command registry agree', () => {
  // Commands the menu leaves to the palette (none today): listed here so leaving one out is a choice.
  const PALETTE_ONLY: readonly AppCommand[] = [];

  it('every AppCommand is in the menu of every platform, once, and clicking it sends it', () => {
    for (const platform of PLATFORMS) {
      const { template, send } = build(platform);
      for (const id of APP_COMMANDS.filter((command) => !PALETTE_ONLY.includes(command))) {
        expect(walk(template).filter((entry) => entry.item.id === id), `${platform} ${id}`).toHaveLength(1);
        send.mockClear();
        walk(template).find((entry) => entry.item.id === id)?.item.click?.({} as never, undefined, {} as never);
        expect(send).toHaveBeenCalledWith(id);
      }
    }
  });

  it("each item's label is the registry's label (a submenu's items drop its name) and its keys are the registry's", () => {
    const { template } = build('linux');
    for (const { item, path } of walk(template)) {
      if (!item.id) continue;
      const info = commandInfo(item.id as AppCommand);
      const parent = path.at(-1);
      // "Export" > "Markdown summary…" is "Export Markdown summary…"; "Theme" > "Light" is "Theme: light".
      const full =
        parent === 'Export' ? `Export ${item.label}` : parent === 'Theme' ? `Theme: ${item.label}` : (item.label ?? '');
      expect(full.toLowerCase(), item.id).toBe(info.label.toLowerCase());
      if (parent !== 'Export' && parent !== 'Theme') expect(item.label, item.id).toBe(info.label);
      const keys = info.keys?.startsWith('Mod+') ? accelerator(info.keys) : undefined;
      expect(item.accelerator, item.id).toBe(keys);
      // The renderer handles these keys itself: registering them too would run the command twice.
      if (keys) expect(item.registerAccelerator, item.id).toBe(false);
    }
  });
});
