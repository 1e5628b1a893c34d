import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../electron/ipc-contract.js';
import { buildMenuTemplate } from '../../../electron/menu.js';

function build(platform: NodeJS.Platform, isPackaged = true) {
  const send = vi.fn<(command: AppCommand) => void>();
  const template = buildMenuTemplate(platform, send, { appName: 'Keel', isPackaged, state: { programOpen: false }, recentFiles: [], openRecent: vi.fn(), clearRecent: vi.fn() });
  return { template, send };
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

const roles = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((item) => (item.role ? [item.role] : []));
const item = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};
const click = (entry: MenuItemConstructorOptions): void =>
  entry.click?.({} as never, undefined, {} as never);

describe('buildMenuTemplate', () => {
  it('has the app menu first on macOS only', () => {
    const mac = build('darwin').template;
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['Keel', 'File', 'Edit', 'View', 'Window']);
    expect(roles(submenuOf(mac, 'Keel'))).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'Window']);
    }
  });

  it('File: New program and Import send their commands; close on macOS, quit elsewhere', () => {
    const { template, send } = build('linux');
    const file = submenuOf(template, 'File');
    expect(item(file, 'New program').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Import…').accelerator).toBe('CmdOrCtrl+O');
    click(item(file, 'New program'));
    click(item(file, 'Import…'));
    expect(send.mock.calls).toEqual([['new-program'], ['import']]);
    expect(roles(file)).toEqual(['quit']);
    expect(roles(submenuOf(build('darwin').template, 'File'))).toEqual(['close']);
  });

  it('Edit: Undo/Redo are custom items the renderer handles, then the clipboard roles and Find', () => {
    const { template, send } = build('win32');
    const edit = submenuOf(template, 'Edit');
    const undo = item(edit, 'Undo');
    const redo = item(edit, 'Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
    expect(undo.role).toBeUndefined();
    expect(redo.role).toBeUndefined();
    expect(roles(edit)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(item(edit, 'Find').accelerator).toBe('CmdOrCtrl+F');
    click(undo);
    click(redo);
    click(item(edit, 'Find'));
    expect(send.mock.calls).toEqual([['undo'], ['redo'], ['find']]);
  });

  it('View: zoom and full screen; developer tools only when not packaged', () => {
    const packaged = submenuOf(build('linux', true).template, 'View');
    expect(roles(packaged)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const development = submenuOf(build('linux', false).template, 'View');
    expect(roles(development)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'toggleDevTools']);
    expect(roles([...packaged, ...development])).not.toContain('reload');
  });

  it('Window: minimize and zoom on macOS, minimize and close elsewhere', () => {
    expect(roles(submenuOf(build('darwin').template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(submenuOf(build('linux').template, 'Window'))).toEqual(['minimize', 'close']);
  });

  it('points at no page outside Keel: there is no Help menu linking to a tracker the project does not own', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(build(platform).template.map((menu) => menu.label ?? menu.role)).not.toContain('help');
      expect(JSON.stringify(build(platform).template)).not.toMatch(/https?:/);
    }
  });

  it('every custom item (no role) does something when clicked', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { template } = build(platform);
      for (const menu of template) {
        for (const entry of Array.isArray(menu.submenu) ? menu.submenu : []) {
          if (entry.type === 'separator' || entry.role) continue;
          expect(typeof entry.click, `${platform} ${entry.label}`).toBe('function');
        }
      }
    }
  });
});
