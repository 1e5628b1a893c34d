import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeelBridge, OpenedFile } from '../../electron/ipc-contract';
import { ProgramsState } from '../../renderer/src/state/programs.svelte';
import { Router } from '../../renderer/src/state/router.svelte';
import type { Services } from '../../renderer/src/state/services';
import OpenedFiles from '../../renderer/src/views/programs/OpenedFiles.svelte';
import { loadedPrograms, toastTexts, until } from '../unit/state/harness.svelte';

const workshop = readFileSync(path.resolve('test/fixtures/format-v7/support-assistant-workshop.keel.json'), 'utf8');
const workshopId = '4ec1dc9c-29d3-442f-89dc-11ddee88de58';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

/** A fake Electron bridge: the test plays main, sending files once the page listens. */
function fakeBridge() {
  let listener: ((file: OpenedFile) => void) | undefined;
  const bridge = {
    isElectron: true as const,
    onFileOpened: vi.fn((l: (file: OpenedFile) => void) => {
      listener = l;
      return () => (listener = undefined);
    }),
  };
  (window as unknown as { keel?: Partial<KeelBridge> }).keel = bridge;
  return {
    bridge,
    send(file: OpenedFile) {
      if (!listener) throw new Error('the page does not listen');
      listener(file);
    },
    get listening() {
      return listener !== undefined;
    },
  };
}

let services: Services;
let programs: ProgramsState;
let router: Router;
let close: () => void;

beforeEach(async () => {
  ({ services, state: programs, router, close } = await loadedPrograms());
});

afterEach(() => {
  close();
  delete (window as unknown as { keel?: unknown }).keel;
});

const opened = (text: string, fileName = 'Workshop.keel.json'): OpenedFile => ({ status: 'opened', fileName, text });

async function dialog(name: RegExp | string) {
  // The preview loads on first use: the first file waits for it.
  return screen.findByRole('dialog', { name }, { timeout: 5000 });
}

describe('OpenedFiles', () => {
  it('listens to the bridge once mounted and stops when it goes', () => {
    const main = fakeBridge();
    const { unmount } = render(OpenedFiles, { programs });
    expect(main.bridge.onFileOpened).toHaveBeenCalledTimes(1);
    expect(main.listening).toBe(true);
    unmount();
    expect(main.listening).toBe(false);
  });

  it('shows what a program file holds before importing it, and imports it on Import', async () => {
    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send(opened(workshop));
    const shown = await dialog('Import Workshop.keel.json?');
    expect(within(shown).getByTestId('opened-file-kind')).toHaveTextContent(/^One program\. Exported Nov 12, 2026.* by Keel 0\.1\.0 \(format version 7\)\.$/);
    const list = within(shown).getByRole('list', { name: 'Programs in Workshop.keel.json' });
    expect(list).toHaveTextContent('Support assistant');
    expect(list).toHaveTextContent('7 uncertainty items, 4 metrics, 2 trade-off matrices, 7 roadmap items, 3 decisions, 2 scope changes, 4 actions, 2 sessions');
    // Nothing is stored before the user says so.
    expect(programs.all).toHaveLength(0);

    await fireEvent.click(within(shown).getByRole('button', { name: 'Import' }));
    await until(() => programs.all.length === 1);
    expect(toastTexts()).toContain('success: Imported "Support assistant" from Workshop.keel.json.');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.route).toMatchObject({ name: 'program', programId: programs.all[0]?.id });
  });

  it('when this computer already has the program: says so, offers Open mine, or a new copy', async () => {
    // The program as it was created here: same id as the file's.
    const { parseKeelFile } = await import('../../renderer/src/io/keel-file');
    const parsed = parseKeelFile(workshop);
    if (!parsed.ok) throw new Error('fixture does not read');
    await services.db.programs.add({ ...parsed.snapshot.program, name: 'Support bot (mine)' });
    await until(() => programs.byId(workshopId));

    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send(opened(workshop));
    const shown = await dialog('Import Workshop.keel.json?');
    expect(shown).toHaveTextContent('You already have this program on this computer as "Support bot (mine)"');
    expect(within(shown).queryByRole('button', { name: 'Import' })).toBeNull();
    within(shown).getByRole('button', { name: 'Import as a new copy' });
    await fireEvent.click(within(shown).getByRole('button', { name: 'Open mine' }));
    expect(router.route).toMatchObject({ name: 'program', programId: workshopId });
    expect(programs.all).toHaveLength(1);
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('"Import as a new copy" keeps mine and adds another', async () => {
    const { parseKeelFile } = await import('../../renderer/src/io/keel-file');
    const parsed = parseKeelFile(workshop);
    if (!parsed.ok) throw new Error('fixture does not read');
    await services.db.programs.add(parsed.snapshot.program);
    await until(() => programs.byId(workshopId));
    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send(opened(workshop));
    const shown = await dialog('Import Workshop.keel.json?');
    await fireEvent.click(within(shown).getByRole('button', { name: 'Import as a new copy' }));
    await until(() => programs.all.length === 2);
    expect(programs.byId(workshopId)).toBeDefined();
  });

  it('several files come one after another; Cancel imports nothing and shows the next', async () => {
    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send(opened(workshop, 'First.keel.json'));
    main.send(opened('{"format":"keel"', 'Broken.keel.json'));
    const first = await dialog('Import First.keel.json?');
    expect(within(first).getByTestId('opened-files-later')).toHaveTextContent('1 more file opened after this one will follow.');
    await fireEvent.click(within(first).getByRole('button', { name: 'Cancel' }));

    // The broken file: the sentence Import… gives, and only Close.
    const second = await dialog('Keel cannot import Broken.keel.json');
    expect(within(second).getByTestId('opened-file-problem')).toHaveTextContent(
      'Broken.keel.json is not a Keel file: it is not valid JSON. It may be damaged or cut off, or another kind of file. Nothing was imported and your programs are unchanged.',
    );
    expect(within(second).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['Close']);
    await fireEvent.click(within(second).getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(programs.all).toHaveLength(0);
  });

  it('a workspace file lists every program and imports them all in one step', async () => {
    const file = JSON.parse(workshop) as { program: { id: string; name: string } };
    const other = structuredClone(file);
    other.program.id = 'other-program';
    other.program.name = 'Fraud triage';
    const workspace = JSON.stringify({ format: 'keel-workspace', formatVersion: 1, appVersion: '0.2.0', exportedAt: '2026-11-29T10:00:00.000Z', programs: [file, other] });
    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send(opened(workspace, 'All.keel-workspace.json'));
    const shown = await dialog('Import All.keel-workspace.json?');
    expect(within(shown).getByTestId('opened-file-kind')).toHaveTextContent('A workspace file with 2 programs; each is imported as a new program.');
    expect(within(shown).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Support assistant', 'Fraud triage']);
    await fireEvent.click(within(shown).getByRole('button', { name: 'Import 2 programs' }));
    await until(() => programs.all.length === 2);
  });

  it('a file main could not read is told in a toast, with no dialog', async () => {
    const main = fakeBridge();
    render(OpenedFiles, { programs });
    main.send({ status: 'failed', message: '"Old.keel.json" is no longer there: it was moved, renamed or deleted. Nothing was imported.' });
    main.send({ status: 'too-large', fileName: 'Huge.keel.json', sizeBytes: 80 * 1024 * 1024, limitBytes: 50 * 1024 * 1024 });
    await vi.waitFor(() =>
      expect(toastTexts()).toEqual([
        'error: "Old.keel.json" is no longer there: it was moved, renamed or deleted. Nothing was imported.',
        expect.stringMatching(/^error: Huge\.keel\.json is 80\.0 MB, more than the 50\.0 MB Keel can import/),
      ]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does nothing in a browser, where no bridge is', () => {
    render(OpenedFiles, { programs });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
