import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../renderer/src/state/commands';
import { AREA_SHORTCUTS, commandShortcuts, shortcutGroups, shortcutLabel } from '../../../renderer/src/state/shortcuts';

const source = (file: string) => readFileSync(fileURLToPath(new URL(`../../../renderer/src/${file}`, import.meta.url)), 'utf8');

describe('the shortcut sheet', () => {
  it('lists only keys that the named components really handle (so the sheet cannot drift)', () => {
    const missing: string[] = [];
    for (const group of AREA_SHORTCUTS) {
      for (const shortcut of group.shortcuts) {
        expect(shortcut.handledIn.length, shortcut.does).toBeGreaterThan(0);
        for (const { file, holds } of shortcut.handledIn) if (!source(file).includes(holds)) missing.push(`${group.title} / ${shortcut.does}: ${file} has no ${holds}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows every registry command that has keys, in its menu group', () => {
    const listed = commandShortcuts().flatMap((g) => g.shortcuts.map((s) => s.keys[0]));
    expect(listed.sort()).toEqual(COMMANDS.filter((c) => c.keys).map((c) => c.keys!).sort());
    expect(commandShortcuts().map((g) => g.title)).toEqual(['Files', 'Editing', 'View', 'Help']);
  });

  it('joins an area’s keys to the group of the same title', () => {
    const groups = shortcutGroups();
    expect(groups.map((g) => g.title)).toEqual(['Files', 'Editing', 'View', 'Help', 'Lists and records', 'Uncertainty map and list', 'Trade-off grid', 'Roadmap', 'Sessions']);
    expect(groups.find((g) => g.title === 'Editing')!.shortcuts.map((s) => s.keys[0])).toEqual(['Mod+Z', 'Mod+Shift+Z', 'Mod+F', 'Mod+Y']);
  });

  it('writes keys as the platform does', () => {
    expect(shortcutLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(shortcutLabel('Alt+↑', true)).toBe('⌥↑');
    expect(shortcutLabel('+', true)).toBe('+');
    expect(shortcutLabel('?', false)).toBe('?');
  });
});
