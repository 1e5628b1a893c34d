import { describe, expect, it } from 'vitest';
import { commandForKeys, matchesKeys, type KeyPress } from '../../../renderer/src/state/command-keys';
import { COMMANDS } from '../../../renderer/src/state/commands';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchesKeys', () => {
  it('Mod is Ctrl or Cmd, and the other modifiers must match exactly', () => {
    expect(matchesKeys('Mod+S', press('s', { ctrlKey: true }))).toBe(true);
    expect(matchesKeys('Mod+S', press('s', { metaKey: true }))).toBe(true);
    expect(matchesKeys('Mod+S', press('S', { ctrlKey: true }))).toBe(true); // Caps Lock
    expect(matchesKeys('Mod+S', press('s'))).toBe(false);
    expect(matchesKeys('Mod+S', press('s', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesKeys('Mod+S', press('s', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKeys('Mod+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+Shift+Z', press('z', { ctrlKey: true }))).toBe(false);
  });

  it('a symbol matches as typed (Shift makes "?"), never with Mod or Alt', () => {
    expect(matchesKeys('?', press('?', { shiftKey: true }))).toBe(true);
    expect(matchesKeys('?', press('/', { shiftKey: false }))).toBe(false);
    expect(matchesKeys('?', press('?', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});

describe('commandForKeys', () => {
  it('finds each command with keys in the registry by its keys', () => {
    const cases: Array<[KeyPress, string]> = [
      [press('n', { ctrlKey: true }), 'new-program'],
      [press('o', { metaKey: true }), 'import'],
      [press('s', { ctrlKey: true }), 'export-program'],
      [press('p', { metaKey: true }), 'report'],
      [press('z', { ctrlKey: true }), 'undo'],
      [press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
      [press('f', { ctrlKey: true }), 'find'],
      [press('k', { metaKey: true }), 'palette'],
      [press('?', { shiftKey: true }), 'shortcuts'],
    ];
    for (const [keys, id] of cases) expect(commandForKeys(keys), id).toBe(id);
    // Every command with keys is reachable (none is shadowed by another with the same keys).
    expect(COMMANDS.filter((command) => command.keys).map((command) => command.id).sort()).toEqual(cases.map(([, id]) => id).sort());
  });

  it('takes Ctrl+Y as Redo too, and Ctrl+Shift+Y as nothing', () => {
    expect(commandForKeys(press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandForKeys(press('Y', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
  });

  it('leaves other keys alone', () => {
    expect(commandForKeys(press('s'))).toBeUndefined();
    expect(commandForKeys(press('q', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKeys(press('k', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
  });
});
