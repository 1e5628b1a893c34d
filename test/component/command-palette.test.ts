import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../renderer/src/domain/program';
import { parseKeelFile } from '../../renderer/src/io/keel-file';
import { COMMANDS, type CommandId } from '../../renderer/src/state/commands';
import { recentPicks } from '../../renderer/src/state/palette.svelte';
import { createServices, servicesContext, type Services } from '../../renderer/src/state/services';
import { importSnapshot } from '../../renderer/src/storage/transfer';
import PaletteDialog from '../../renderer/src/views/palette/PaletteDialog.svelte';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  Element.prototype.scrollIntoView ??= () => {};
});

const FIXTURE = join(process.cwd(), 'test/fixtures/format-v7/support-assistant-workshop.keel.json');

let services: Services;
let program: Program;

beforeEach(async () => {
  localStorage.clear();
  recentPicks.clear();
  services = createServices(`keel-palette-${crypto.randomUUID()}`);
  await services.db.open();
  const parsed = parseKeelFile(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  program = await importSnapshot(services.editor, parsed.snapshot);
});

afterEach(() => {
  services.db.close();
  vi.restoreAllMocks();
});

function show(options: { isAvailable?: (id: CommandId) => boolean; programId?: string } = {}) {
  const calls: string[] = [];
  const props = {
    open: true,
    onclose: vi.fn(() => calls.push('close')),
    run: vi.fn((id: CommandId) => calls.push(`run ${id}`)),
    go: vi.fn(() => calls.push('go')),
    isAvailable: options.isAvailable ?? (() => true),
    programId: options.programId,
  };
  render(PaletteDialog, { props, context: servicesContext(services) });
  return { props, calls, box: screen.getByRole('combobox', { name: 'Find a program, a record or a command' }) };
}

const activeText = (box: HTMLElement) => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.querySelector('.title')?.textContent;

async function typeInto(box: HTMLElement, text: string) {
  await fireEvent.input(box, { target: { value: text } });
}

describe('CommandPalette', () => {
  it('is a combobox whose active option follows the arrow keys, pages, Home and End', async () => {
    const { box } = show({ programId: program.id });
    await typeInto(box, 'refund');
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(3));
    const options = screen.getAllByRole('option');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', 'palette-results');
    expect(box).toHaveAttribute('aria-activedescendant', 'palette-option-0');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box).toHaveAttribute('aria-activedescendant', 'palette-option-1');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await fireEvent.keyDown(box, { key: 'ArrowUp' });
    await fireEvent.keyDown(box, { key: 'ArrowUp' });
    // Up from the first wraps to the last.
    expect(box).toHaveAttribute('aria-activedescendant', `palette-option-${options.length - 1}`);
    await fireEvent.keyDown(box, { key: 'Home' });
    expect(box).toHaveAttribute('aria-activedescendant', 'palette-option-0');
    await fireEvent.keyDown(box, { key: 'End' });
    expect(box).toHaveAttribute('aria-activedescendant', `palette-option-${options.length - 1}`);
    await fireEvent.keyDown(box, { key: 'PageUp' });
    expect(box).toHaveAttribute('aria-activedescendant', `palette-option-${Math.max(0, options.length - 1 - 8)}`);
    await fireEvent.keyDown(box, { key: 'PageDown' });
    expect(box).toHaveAttribute('aria-activedescendant', `palette-option-${options.length - 1}`);
  });

  it('opens the active record with Enter: closes first, then goes to its route, and remembers the pick', async () => {
    const { box, props, calls } = show();
    await typeInto(box, 'voice channel');
    await waitFor(() => expect(activeText(box)).toBe('Voice channel'));
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Roadmap item · Support assistant');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(calls).toEqual(['close', 'go']);
    expect(props.go).toHaveBeenCalledWith({ name: 'program', programId: program.id, area: 'roadmap', recordId: expect.any(String) });
    expect(recentPicks.value[0]).toMatch(/^roadmapItem:/);
  });

  it('runs a command with Enter, and refuses one that needs an open program, saying why', async () => {
    const { box, props, calls } = show({ isAvailable: (id) => id !== 'export-csv' });
    await typeInto(box, '>csv');
    await waitFor(() => expect(activeText(box)).toBe('Export CSV tables'));
    const option = screen.getAllByRole('option')[0]!;
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveTextContent('Open a program first');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(props.run).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Export CSV tables needs an open program. Open a program first.');

    await typeInto(box, '>new prog');
    await waitFor(() => expect(activeText(box)).toBe('New program'));
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(calls).toEqual(['close', 'run new-program']);
  });

  it('shows recent picks and common commands before anything is typed, every command after ">"', async () => {
    recentPicks.set(['command:theme-dark']);
    const { box } = show();
    const titles = () => screen.getAllByRole('option').map((o) => o.querySelector('.title')?.textContent);
    await waitFor(() => expect(titles()[0]).toBe('Theme: dark'));
    expect(titles()).toContain('New program');
    expect(screen.getByRole('listbox')).toHaveAccessibleName('Suggestions');
    await typeInto(box, '>');
    expect(titles()).toHaveLength(COMMANDS.length - 1);
  });

  it('highlights what matched, counts the results politely, and says what to do when nothing matches', async () => {
    const { box } = show();
    await typeInto(box, 'voice');
    await waitFor(() => expect(screen.getAllByRole('option')[0]!.querySelector('mark')).toHaveTextContent(/^Voice$/));
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('status').textContent).toMatch(/^\d+ results?$/);
    await typeInto(box, 'zzzqqq');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    expect(screen.getByText('Nothing matches “zzzqqq”.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No results');
  });

  it('closes when the dialog closes (Escape), and keeps its index fresh while open', async () => {
    const { box, props } = show();
    await typeInto(box, 'pricing');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    const { ProgramRepository } = await import('../../renderer/src/storage/programs-repo');
    await new ProgramRepository(services.editor).create({ name: 'Pricing bot' });
    await waitFor(() => expect(activeText(box)).toBe('Pricing bot'));
    screen.getByRole('dialog', { hidden: true }).dispatchEvent(new Event('close'));
    expect(props.onclose).toHaveBeenCalled();
  });
});

describe('CommandPalette (the lazy shell)', () => {
  it('keeps letters typed while its code loads as the start of the query, not as page shortcuts', async () => {
    const { default: CommandPalette } = await import('../../renderer/src/views/palette/CommandPalette.svelte');
    const pageKeys = vi.fn();
    window.addEventListener('keydown', pageKeys);
    render(CommandPalette, {
      props: { open: true, onclose: vi.fn(), run: vi.fn(), go: vi.fn(), isAvailable: () => true, programId: undefined },
      context: servicesContext(services),
    });
    // Typed at once, before the dialog's module has arrived.
    for (const key of ['r', 'e', 'f']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    const box = await screen.findByRole('combobox', { name: 'Find a program, a record or a command' });
    expect(box).toHaveValue('ref');
    expect(pageKeys).not.toHaveBeenCalled();
    window.removeEventListener('keydown', pageKeys);
  });
});
