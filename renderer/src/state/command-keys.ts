// Which command a key press asks for, from the keys in the command registry: the one list of
// shortcuts, so the keyboard, the shortcut sheet and the menu's accelerators cannot disagree.
import { COMMANDS, type CommandId } from './commands';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is the registry's "Mod+Shift+Z" (Mod: Ctrl or Cmd, either, as people
 * switching machines press both). A symbol such as "?" is matched as typed, whatever Shift.
 */
export function matchesKeys(keys: string, press: KeyPress): boolean {
  const parts = keys.split('+');
  const key = parts.at(-1) ?? '';
  const modifiers = new Set(parts.slice(0, -1));
  if (modifiers.has('Mod') !== (press.ctrlKey || press.metaKey) || modifiers.has('Alt') !== press.altKey) return false;
  if (!/^[a-z0-9]$/i.test(key)) return press.key === key;
  return modifiers.has('Shift') === press.shiftKey && press.key.toLowerCase() === key.toLowerCase();
}

/**
 * Second keys for a command, which the registry leaves out to keep one label per command:
 * Ctrl+Y is Redo too on Windows and Linux.
 */
export const ALTERNATE_KEYS: readonly { keys: string; command: CommandId }[] = [{ keys: 'Mod+Y', command: 'redo' }];

/** The command whose keys these are, if any. */
export function commandForKeys(press: KeyPress): CommandId | undefined {
  return (
    COMMANDS.find((command) => command.keys !== undefined && matchesKeys(command.keys, press))?.id ??
    ALTERNATE_KEYS.find((alternate) => matchesKeys(alternate.keys, press))?.command
  );
}
