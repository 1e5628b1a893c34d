// The keyboard shortcuts the shortcut sheet ("?") lists beside the command registry's own keys
// (commands.ts): the ones an area's component handles itself. Each names the file that handles
// it and the text it compares the key with; test/unit/state/shortcuts.test.ts reads those files,
// so a key changed there without changing it here fails the build instead of misleading people.
import { COMMANDS, keyLabel, type CommandGroup } from './commands';

export interface Shortcut {
  /** Each key or chord in the portable form of commands.ts ("Mod+Shift+Z", "Alt+↑", "N"). */
  keys: readonly string[];
  does: string;
}

export interface AreaShortcut extends Shortcut {
  /** The files (under renderer/src/) that handle it, and a piece of their code that holds the key. */
  handledIn: readonly { file: string; holds: string }[];
}

export interface ShortcutGroup<S extends Shortcut = Shortcut> {
  title: string;
  /** Where the group's keys work, in a few words. */
  where?: string;
  shortcuts: readonly S[];
}

export const AREA_SHORTCUTS: readonly ShortcutGroup<AreaShortcut>[] = [
  { title: 'Editing', shortcuts: [{ keys: ['Mod+Y'], does: 'Redo (either key)', handledIn: [{ file: 'state/command-keys.ts', holds: "{ keys: 'Mod+Y', command: 'redo' }" }] }] },
  {
    title: 'Lists and records',
    shortcuts: [
      { keys: ['/'], does: 'Search the programs (home screen)', handledIn: [{ file: 'views/programs/ProgramsHome.svelte', holds: "event.key === '/'" }] },
      {
        keys: ['N'],
        does: 'New record in the area open: item, roadmap item, decision, scope change, action or session',
        handledIn: [
          { file: 'ui/new-shortcut.ts', holds: "toLowerCase() !== 'n'" },
          { file: 'views/uncertainty/UncertaintyArea.svelte', holds: "event.key === 'n'" },
          { file: 'views/roadmap/RoadmapArea.svelte', holds: "event.key === 'n'" },
          { file: 'views/sessions/SessionsArea.svelte', holds: "toLowerCase() !== 'n'" },
        ],
      },
      {
        keys: ['Escape'],
        does: 'Close a record’s details and go back to it in the list',
        handledIn: [
          { file: 'views/uncertainty/UncertaintyArea.svelte', holds: "event.key === 'Escape'" },
          { file: 'views/roadmap/RoadmapArea.svelte', holds: "event.key === 'Escape'" },
        ],
      },
    ],
  },
  {
    title: 'Uncertainty map and list',
    shortcuts: [
      { keys: ['↑', '↓', '←', '→'], does: 'Go to the nearest item that way on the map', handledIn: [{ file: 'charts/uncertainty-map.ts', holds: "ArrowUp: 'up'" }] },
      { keys: ['Home', 'End'], does: 'First or last item in view', handledIn: [{ file: 'views/uncertainty/UncertaintyMap.svelte', holds: "event.key === 'Home'" }] },
      { keys: ['Enter'], does: 'Open the item', handledIn: [{ file: 'views/uncertainty/UncertaintyMap.svelte', holds: "event.key === 'Enter'" }] },
      { keys: ['Space'], does: 'Pick the item up to move it; Space again puts it down', handledIn: [{ file: 'views/uncertainty/UncertaintyMap.svelte', holds: "event.key === ' '" }] },
      { keys: ['↑', '↓', '←', '→'], does: 'Move a picked-up item a step (Shift: a bigger step)', handledIn: [{ file: 'charts/uncertainty-map.ts', holds: 'shift ? 0.5 : 0.1' }] },
      { keys: ['Escape'], does: 'Put a picked-up item back where it was', handledIn: [{ file: 'views/uncertainty/UncertaintyMap.svelte', holds: "event.key === 'Escape'" }] },
      { keys: ['↑', '↓', 'Home', 'End'], does: 'Move through the list', handledIn: [{ file: 'views/uncertainty/ItemList.svelte', holds: "event.key === 'ArrowDown'" }] },
    ],
  },
  {
    title: 'Trade-off grid',
    shortcuts: [
      { keys: ['↑', '↓', '←', '→'], does: 'Move between cells', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: "case 'ArrowUp'" }] },
      { keys: ['Home', 'End'], does: 'First or last cell of the row (with Ctrl: of the grid)', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: "case 'Home'" }] },
      { keys: ['PageUp', 'PageDown'], does: 'Several rows up or down', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: "case 'PageUp'" }] },
      { keys: ['0–9'], does: 'Type a score', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: '/^[0-9]$/' }] },
      { keys: ['+', '-'], does: 'Set an effect’s sign', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: "key === '+'" }] },
      { keys: ['Delete'], does: 'Clear the score', handledIn: [{ file: 'views/tradeoffs/grid-keys.ts', holds: "key === 'Delete'" }] },
      { keys: ['Enter', 'F2'], does: 'Open the cell to write a rationale', handledIn: [{ file: 'views/tradeoffs/ScoreGrid.svelte', holds: "event.key === 'F2'" }] },
    ],
  },
  {
    title: 'Roadmap',
    shortcuts: [
      { keys: ['Alt+↑', 'Alt+↓'], does: 'Move a card up or down its column', handledIn: [{ file: 'views/roadmap/RoadmapCard.svelte', holds: "'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'" }] },
      { keys: ['Alt+←', 'Alt+→'], does: 'Move a card to the previous or next horizon', handledIn: [{ file: 'views/roadmap/RoadmapCard.svelte', holds: 'event.altKey' }] },
      { keys: ['+', '-'], does: 'Zoom the timeline in or out', handledIn: [{ file: 'views/roadmap/RoadmapTimeline.svelte', holds: "event.key === '+'" }] },
      { keys: ['0'], does: 'Show the whole timeline again', handledIn: [{ file: 'views/roadmap/RoadmapTimeline.svelte', holds: "event.key === '0'" }] },
      { keys: ['←', '→'], does: 'Pan the timeline', handledIn: [{ file: 'views/roadmap/RoadmapTimeline.svelte', holds: "event.key === 'ArrowLeft'" }] },
    ],
  },
  {
    title: 'Sessions',
    shortcuts: [
      { keys: ['Alt+↑', 'Alt+↓'], does: 'Move an agenda block earlier or later', handledIn: [{ file: 'views/sessions/AgendaBlockItem.svelte', holds: "event.key !== 'ArrowUp'" }] },
      { keys: ['Space'], does: 'Pause or resume the running block', handledIn: [{ file: 'views/sessions/run/RunPage.svelte', holds: "key === ' '" }] },
      { keys: ['N'], does: 'Mark the block done and go to the next', handledIn: [{ file: 'views/sessions/run/RunPage.svelte', holds: "key === 'n'" }] },
      { keys: ['S'], does: 'Skip the block', handledIn: [{ file: 'views/sessions/run/RunPage.svelte', holds: "key === 's'" }] },
      { keys: ['C'], does: 'Go to the capture bar', handledIn: [{ file: 'views/sessions/run/RunPage.svelte', holds: "key === 'c'" }] },
      { keys: ['Alt+↑', 'Alt+↓'], does: 'Change what the capture bar records', handledIn: [{ file: 'views/sessions/run/CaptureBar.svelte', holds: "event.key !== 'ArrowUp'" }] },
      { keys: ['P'], does: 'Open the presenter window', handledIn: [{ file: 'views/sessions/presenter/PresenterControls.svelte', holds: "toLowerCase() !== 'p'" }] },
      { keys: ['F'], does: 'Full screen (in the presenter window)', handledIn: [{ file: 'views/sessions/presenter/PresenterWindow.svelte', holds: "toLowerCase() === 'f'" }] },
      { keys: ['+', '-'], does: 'Add or take back a dot on a ballot row (also → and ←)', handledIn: [{ file: 'views/sessions/votes/BallotBox.svelte', holds: "['+', '=', 'ArrowRight']" }] },
    ],
  },
];

const GROUP_TITLES: Record<CommandGroup, string> = { File: 'Files', Edit: 'Editing', View: 'View', Go: 'Go to', Help: 'Help' };

/** The registry's commands that have keys, by their menu group: the sheet's first groups. */
export function commandShortcuts(): ShortcutGroup[] {
  const groups = new Map<CommandGroup, Shortcut[]>();
  for (const command of COMMANDS) {
    if (!command.keys) continue;
    const list = groups.get(command.group) ?? [];
    list.push({ keys: [command.keys], does: command.label.replace(/…$/, '') });
    groups.set(command.group, list);
  }
  return [...groups].map(([group, shortcuts]) => ({ title: GROUP_TITLES[group], shortcuts }));
}

/** Every group the sheet shows: the commands' first, an area's keys joined to a group of the same title. */
export function shortcutGroups(): ShortcutGroup[] {
  const groups = new Map<string, Shortcut[]>();
  for (const group of [...commandShortcuts(), ...AREA_SHORTCUTS]) groups.set(group.title, [...(groups.get(group.title) ?? []), ...group.shortcuts]);
  return [...groups].map(([title, shortcuts]) => ({ title, shortcuts }));
}

/** A key as this platform writes it: keyLabel's "⌘K" or "Ctrl+K", and "+" as itself. */
export function shortcutLabel(keys: string, isMac: boolean): string {
  return keys.length === 1 ? keys : keyLabel(keys, isMac);
}
