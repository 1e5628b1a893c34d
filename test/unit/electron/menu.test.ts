import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommand, type MenuState, type ThemeChoice } from '../../../electron/ipc-contract.js';
import { aboutPanelOptions, buildMenuTemplate, type MenuOptions, type RecentFile } from '../../../electron/menu.js';

type Item = MenuItemConstructorOptions;
const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

function build(platform: NodeJS.Platform, overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<(command: AppCommand) => void>();
  const options: MenuOptions = {
    appName: 'Keel',
    isPackaged: true,
    state: { programOpen: false },
    theme: 'system',
    recentFiles: [],
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    openDataFolder: vi.fn(),
    ...overrides,
  };
  return { template: buildMenuTemplate(platform, send, options), send, options };
}

const itemsOf = (entry: Item | undefined): Item[] => (entry && Array.isArray(entry.submenu) ? entry.submenu : []);
function submenuOf(items: Item[], label: string): Item[] {
  const menu = items.find((entry) => entry.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}
const roles = (items: Item[]): string[] => items.flatMap((entry) => (entry.role ? [entry.role] : []));
const labels = (items: Item[]): string[] => items.map((entry) => (entry.type === 'separator' ? '—' : (entry.label ?? entry.role ?? '?')));
const byId = (items: Item[], id: string): Item => {
  const found = walk(items).find((entry) => entry.item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found.item;
};
const click = (entry: Item): void => entry.click?.({} as never, undefined, {} as never);

/** Every item with the labels of the submenus above it. */
function walk(items: Item[], path: string[] = []): Array<{ item: Item; path: string[] }> {
  return items.flatMap((item) => [{ item, path }, ...walk(itemsOf(item), item.label ? [...path, item.label] : path)]);
}


describe('buildMenuTemplate: the menus of each platform', () => {
  it('macOS has the app menu first; every platform has File, Edit, View, Window, Help', () => {
    const mac = build('darwin').template;
    expect(labels(mac)).toEqual(['Keel', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenuOf(mac, 'Keel'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(mac.find((menu) => menu.label === 'Help')?.role).toBe('help');
    for (const platform of ['win32', 'linux'] as const) {
      expect(labels(build(platform).template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    }
  });

  it('File: new, import, recent, export as each format, report, backups; close on macOS, quit at the bottom elsewhere', () => {
    const linuxFile = submenuOf(build('linux').template, 'File');
    expect(labels(linuxFile)).toEqual(['New program…', 'Import or open a file…', 'Open Recent', '—', 'Export', 'PDF report or print…', '—', 'Backups…', '—', 'quit']);
    expect(labels(submenuOf(linuxFile, 'Export'))).toEqual([
      'Program file (.keel.json)…',
      'All programs (workspace file)…',
      '—',
      'Markdown summary…',
      'Decision records (MADR)…',
      'CSV tables…',
      'Metrics as OpenSLO…',
    ]);
    expect(linuxFile.at(-1)?.role).toBe('quit');
    expect(submenuOf(build('darwin').template, 'File').at(-1)?.role).toBe('close');
    expect(roles(submenuOf(build('darwin').template, 'File'))).not.toContain('quit');
  });

  it('Open Recent lists the files, newest first, and opens the one clicked; Clear empties the list', () => {
    const recentFiles: RecentFile[] = [
      { label: 'Support bot.keel.json', filePath: '/home/a/Support bot.keel.json' },
      { label: 'Triage.keel.json', filePath: '/home/a/Triage.keel.json' },
    ];
    const { template, options } = build('win32', { recentFiles });
    const recent = submenuOf(submenuOf(template, 'File'), 'Open Recent');
    expect(labels(recent)).toEqual(['Support bot.keel.json', 'Triage.keel.json', '—', 'Clear recent files']);
    click(recent[1]!);
    expect(options.openRecent).toHaveBeenCalledWith('/home/a/Triage.keel.json');
    const clear = recent.at(-1)!;
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(options.clearRecent).toHaveBeenCalledOnce();
  });

  it('Open Recent says there is nothing yet, disabled, when the list is empty', () => {
    const recent = submenuOf(submenuOf(build('linux').template, 'File'), 'Open Recent');
    expect(labels(recent)).toEqual(['No recent files', '—', 'Clear recent files']);
    expect(recent[0]).toMatchObject({ enabled: false });
    expect(recent.at(-1)).toMatchObject({ enabled: false });
    // macOS's own recentDocuments role would be a second, different list.
    expect(roles(walk(build('darwin').template).map((entry) => entry.item))).not.toContain('recentDocuments');
  });

  it('Edit: Undo and Redo say what they would do, disabled when there is nothing; then the standard roles and Find', () => {
    const idle = submenuOf(build('win32').template, 'Edit');
    expect(byId(idle, 'undo')).toMatchObject({ label: 'Undo', enabled: false });
    expect(byId(idle, 'redo')).toMatchObject({ label: 'Redo', enabled: false });
    expect(roles(idle)).toEqual(['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);

    const state: MenuState = { programOpen: true, undoLabel: 'Rename program', redoLabel: 'Move item' };
    const { template, send } = build('win32', { state });
    const edit = submenuOf(template, 'Edit');
    expect(byId(edit, 'undo')).toMatchObject({ label: 'Undo Rename program', enabled: true });
    expect(byId(edit, 'redo')).toMatchObject({ label: 'Redo Move item', enabled: true });
    expect(byId(edit, 'undo').role).toBeUndefined();
    click(byId(edit, 'undo'));
    click(byId(edit, 'redo'));
    click(byId(edit, 'find'));
    expect(send.mock.calls).toEqual([['undo'], ['redo'], ['find']]);
  });

  it('View: the palette, the presenter, the theme, zoom and full screen; developer tools only when not packaged', () => {
    const packaged = submenuOf(build('linux').template, 'View');
    expect(labels(packaged)).toEqual(['Go to anything…', 'Presenter window', '—', 'Theme', '—', 'resetZoom', 'zoomIn', 'zoomOut', '—', 'togglefullscreen']);
    const development = submenuOf(build('linux', { isPackaged: false }).template, 'View');
    expect(roles(development)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'toggleDevTools']);
    expect(roles([...packaged, ...development])).not.toContain('reload');
  });

  it('View > Theme: three radio items, the chosen one checked, each sends its command', () => {
    for (const theme of ['system', 'light', 'dark'] as ThemeChoice[]) {
      const { template, send } = build('darwin', { theme });
      const items = submenuOf(submenuOf(template, 'View'), 'Theme');
      expect(labels(items)).toEqual(['Follow the system', 'Light', 'Dark']);
      expect(items.every((entry) => entry.type === 'radio')).toBe(true);
      expect(items.filter((entry) => entry.checked).map((entry) => entry.id)).toEqual([`theme-${theme}`]);
      items.forEach(click);
      expect(send.mock.calls.flat()).toEqual(['theme-system', 'theme-light', 'theme-dark']);
    }
  });

  it('what applies to a program is disabled until one is open', () => {
    const needsProgram = ['export-program', 'export-markdown', 'export-decisions', 'export-csv', 'export-openslo', 'report', 'presenter'];
    for (const platform of PLATFORMS) {
      const closed = build(platform).template;
      const open = build(platform, { state: { programOpen: true } }).template;
      for (const id of APP_COMMANDS) {
        if (id === 'undo' || id === 'redo') continue;
        expect(byId(closed, id).enabled, `${platform} ${id}`).toBe(!needsProgram.includes(id));
        expect(byId(open, id).enabled, `${platform} ${id}`).toBe(true);
      }
    }
  });

  it('Help: shortcuts, the guide, the sample program, the data folder; About with the version at the bottom except on macOS', () => {
    const { template, send, options } = build('linux');
    const help = submenuOf(template, 'Help');
    expect(labels(help)).toEqual(['Keyboard shortcuts', 'First-workshop guide', 'Create the sample program', '—', 'Open the data folder', '—', 'About Keel']);
    expect(help.at(-1)?.role).toBe('about');
    click(byId(help, 'shortcuts'));
    click(byId(help, 'guide'));
    click(byId(help, 'sample-program'));
    expect(send.mock.calls.flat()).toEqual(['shortcuts', 'guide', 'sample-program']);
    click(help.find((entry) => entry.label === 'Open the data folder')!);
    expect(options.openDataFolder).toHaveBeenCalledOnce();
    expect(roles(submenuOf(build('darwin').template, 'Help'))).not.toContain('about');
    expect(aboutPanelOptions('Keel', '0.1.0', 2026)).toEqual({
      applicationName: 'Keel',
      applicationVersion: '0.1.0',
      version: '0.1.0',
      copyright: '© 2026 the Keel authors',
    });
  });

  it('Window: minimize and zoom on macOS, minimize and close elsewhere', () => {
    expect(roles(submenuOf(build('darwin').template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(submenuOf(build('linux').template, 'Window'))).toEqual(['minimize', 'close']);
  });

  it('points at no page outside Keel', () => {
    for (const platform of PLATFORMS) expect(JSON.stringify(build(platform).template)).not.toMatch(/https?:/);
  });

  it('every custom item (no role, no submenu) does something when clicked, or is a disabled note', () => {
    for (const platform of PLATFORMS) {
      for (const { item } of walk(build(platform).template)) {
        if (item.type === 'separator' || item.role || item.submenu) continue;
        if (item.enabled === false && !item.id) continue; // "No recent files"
        expect(typeof item.click, `${platform} ${item.label}`).toBe('function');
      }
    }
  });
});
