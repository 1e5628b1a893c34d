import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type SaveFileRequest } from '../../../electron/ipc-contract.js';
import { createIpcHandlers, isTrustedSender, type IpcSenderEvent } from '../../../electron/ipc-handlers.js';

const OUR_ID = 7;
const isOurs = (id: number): boolean => id === OUR_ID;

function senderEvent(overrides: { id?: number; url?: string; parent?: unknown; detached?: boolean; noFrame?: boolean } = {}): IpcSenderEvent {
  return {
    sender: { id: overrides.id ?? OUR_ID },
    senderFrame: overrides.noFrame
      ? null
      : {
          url: overrides.url ?? 'app://keel/index.html',
          parent: overrides.parent ?? null,
          detached: overrides.detached ?? false,
        },
  };
}

describe('isTrustedSender', () => {
  it('trusts the top frame of our window on app://keel', () => {
    expect(isTrustedSender(senderEvent(), isOurs)).toBe(true);
    expect(isTrustedSender(senderEvent({ url: 'app://keel/programs/3#x' }), isOurs)).toBe(true);
  });

  it.each([
    ['no frame (navigated away or destroyed)', senderEvent({ noFrame: true })],
    ['a detached frame', senderEvent({ detached: true })],
    ['a subframe', senderEvent({ parent: {} })],
    ['a remote page', senderEvent({ url: 'https://example.com/' })],
    ['a file:// page', senderEvent({ url: 'file:///tmp/evil.html' })],
    ['a look-alike origin', senderEvent({ url: 'app://keel.evil/index.html' })],
    ['about:blank', senderEvent({ url: 'about:blank' })],
    ['a webContents that is not one of our windows', senderEvent({ id: 99 })],
  ])('refuses %s', (_name, event) => {
    expect(isTrustedSender(event, isOurs)).toBe(false);
  });
});

describe('createIpcHandlers', () => {
  const saveRequest: SaveFileRequest = { kind: 'csv', suggestedName: 'Metrics.csv', data: 'a,b\n1,2\n' };

  function setup() {
    const capabilities = {
      saveFile: vi.fn(async () => ({ status: 'saved' as const, fileName: 'Metrics.csv' })),
      openFile: vi.fn(async () => ({ status: 'cancelled' as const })),
      openExternal: vi.fn(async () => true),
      openPresenter: vi.fn(async () => true),
      closePresenter: vi.fn(async () => undefined),
      keepDisplayAwake: vi.fn(async () => true),
      saveReportPdf: vi.fn(async () => ({ status: 'cancelled' as const })),
      listBackups: vi.fn(async () => []),
      writeBackup: vi.fn(async () => ({ status: 'failed' as const, message: 'no' })),
      readBackup: vi.fn(async () => ({ status: 'cancelled' as const })),
      removeBackup: vi.fn(async () => true),
      fileOpenReady: vi.fn(async () => undefined),
      setTheme: vi.fn(async () => undefined),
      setMenuState: vi.fn(async () => undefined),
      roomInterfaces: vi.fn(async () => []),
      roomStart: vi.fn(async () => ({ ok: false as const, message: 'no' })),
      roomStop: vi.fn(async () => undefined),
      roomCurrent: vi.fn(async () => null),
      roomCommand: vi.fn(async () => undefined),
      roomDiagnose: vi.fn(async () => ({ address: '127.0.0.1', port: 1, reachable: true, addressPresent: true, advice: [] })),
      roomListen: vi.fn(async () => undefined),
    };
    const handlers = createIpcHandlers<IpcSenderEvent>(capabilities, isOurs);
    return { capabilities, handlers };
  }

  it('refuses a report that is not a report route and a backup name that is a path', async () => {
    const { capabilities, handlers } = setup();
    const event = senderEvent();
    await expect(handlers[IPC_CHANNELS.reportPdf](event, { route: 'https://evil.example/', suggestedName: 'r.pdf' })).rejects.toThrow(/not a report route/);
    await expect(handlers[IPC_CHANNELS.reportPdf](event, { route: '#/report/p1?sections=cover', suggestedName: 'r.pdf' })).resolves.toEqual({ status: 'cancelled' });
    await expect(handlers[IPC_CHANNELS.backupRead](event, '../secrets')).rejects.toThrow(/backup name/);
    await expect(handlers[IPC_CHANNELS.backupWrite](event, 'b.json', 42)).rejects.toThrow(/Refused/);
    expect(capabilities.readBackup).not.toHaveBeenCalled();
    expect(capabilities.writeBackup).not.toHaveBeenCalled();
  });

  it('has exactly one handler per invoke capability of the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual(
      [
        IPC_CHANNELS.saveFile,
        IPC_CHANNELS.openFile,
        IPC_CHANNELS.openExternal,
        IPC_CHANNELS.presenterOpen,
        IPC_CHANNELS.presenterClose,
        IPC_CHANNELS.keepDisplayAwake,
        IPC_CHANNELS.reportPdf,
        IPC_CHANNELS.backupList,
        IPC_CHANNELS.backupWrite,
        IPC_CHANNELS.backupRead,
        IPC_CHANNELS.backupRemove,
        IPC_CHANNELS.fileOpenReady,
        IPC_CHANNELS.setTheme,
        IPC_CHANNELS.setMenuState,
        IPC_CHANNELS.roomInterfaces,
        IPC_CHANNELS.roomStart,
        IPC_CHANNELS.roomStop,
        IPC_CHANNELS.roomCurrent,
        IPC_CHANNELS.roomCommand,
        IPC_CHANNELS.roomDiagnose,
        IPC_CHANNELS.roomListen,
      ].sort(),
    );
  });

  it('passes room calls on with their checked arguments, and refuses bad ones without running them', async () => {
    const { capabilities, handlers } = setup();
    const event = senderEvent();
    await handlers[IPC_CHANNELS.roomStart](event, { address: '127.0.0.1', sessionTitle: 'Kick-off' });
    expect(capabilities.roomStart).toHaveBeenCalledWith(event, { address: '127.0.0.1', sessionTitle: 'Kick-off' });
    await handlers[IPC_CHANNELS.roomCommand](event, { type: 'joining', open: false });
    expect(capabilities.roomCommand).toHaveBeenCalledWith(event, { type: 'joining', open: false });
    await handlers[IPC_CHANNELS.roomListen](event, true);
    expect(capabilities.roomListen).toHaveBeenCalledWith(event, true);
    for (const channel of [IPC_CHANNELS.roomInterfaces, IPC_CHANNELS.roomStop, IPC_CHANNELS.roomCurrent, IPC_CHANNELS.roomDiagnose]) {
      await handlers[channel](event);
      await expect(handlers[channel](event, 'extra')).rejects.toThrow(/invalid arguments/);
    }

    await expect(handlers[IPC_CHANNELS.roomStart](event, { address: '0.0.0.0', sessionTitle: 'S' })).rejects.toThrow(/^Refused keel:room-start: invalid arguments/);
    await expect(handlers[IPC_CHANNELS.roomCommand](event, { type: 'publish', views: { d1: { name: 'x' } } })).rejects.toThrow(/invalid arguments/);
    await expect(handlers[IPC_CHANNELS.roomListen](event, 'yes')).rejects.toThrow(/invalid arguments/);
    await expect(handlers[IPC_CHANNELS.roomStart](senderEvent({ url: 'https://example.com/' }), { address: '127.0.0.1', sessionTitle: 'S' })).rejects.toThrow(
      /did not come from Keel/,
    );
    expect(capabilities.roomStart).toHaveBeenCalledTimes(1);
    expect(capabilities.roomCommand).toHaveBeenCalledTimes(1);
    expect(capabilities.roomListen).toHaveBeenCalledTimes(1);
  });

  it('runs valid calls from our window', async () => {
    const { capabilities, handlers } = setup();
    const event = senderEvent();
    await expect(handlers[IPC_CHANNELS.saveFile](event, saveRequest)).resolves.toEqual({
      status: 'saved',
      fileName: 'Metrics.csv',
    });
    expect(capabilities.saveFile).toHaveBeenCalledWith(event, saveRequest);

    await expect(handlers[IPC_CHANNELS.openFile](event, { kind: 'keel-json' })).resolves.toEqual({ status: 'cancelled' });
    expect(capabilities.openFile).toHaveBeenCalledWith(event, { kind: 'keel-json' });

    await expect(handlers[IPC_CHANNELS.openExternal](event, 'https://example.org/')).resolves.toBe(true);
    expect(capabilities.openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it.each([
    ['a remote page', senderEvent({ url: 'https://example.com/' })],
    ['a subframe', senderEvent({ parent: {} })],
    ['a foreign webContents', senderEvent({ id: 1 })],
    ['a missing frame', senderEvent({ noFrame: true })],
  ])('rejects every capability for %s without running it', async (_name, event) => {
    const { capabilities, handlers } = setup();
    await expect(handlers[IPC_CHANNELS.saveFile](event, saveRequest)).rejects.toThrow(/^Refused keel:save-file: the call did not come from Keel/);
    await expect(handlers[IPC_CHANNELS.openFile](event, { kind: 'keel-json' })).rejects.toThrow(/^Refused keel:open-file/);
    await expect(handlers[IPC_CHANNELS.openExternal](event, 'https://example.org/')).rejects.toThrow(/^Refused keel:open-external/);
    expect(capabilities.saveFile).not.toHaveBeenCalled();
    expect(capabilities.openFile).not.toHaveBeenCalled();
    expect(capabilities.openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['a path in the name', [{ ...saveRequest, suggestedName: '../../.bashrc' }]],
    ['an extra key', [{ ...saveRequest, directory: '/etc' }]],
    ['no argument', []],
    ['two arguments', [saveRequest, saveRequest]],
    ['a wrong kind', [{ ...saveRequest, kind: 'sh' }]],
  ])('rejects saveFile with %s without running it', async (_name, args) => {
    const { capabilities, handlers } = setup();
    const error = await handlers[IPC_CHANNELS.saveFile](senderEvent(), ...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Refused keel:save-file: invalid arguments/);
    expect(capabilities.saveFile).not.toHaveBeenCalled();
  });

  it('rejects malformed openFile and openExternal calls without running them', async () => {
    const { capabilities, handlers } = setup();
    await expect(handlers[IPC_CHANNELS.openFile](senderEvent(), { kind: 'csv' })).rejects.toThrow(/invalid arguments/);
    await expect(handlers[IPC_CHANNELS.openExternal](senderEvent(), { url: 'https://example.org' })).rejects.toThrow(
      /invalid arguments/,
    );
    expect(capabilities.openFile).not.toHaveBeenCalled();
    expect(capabilities.openExternal).not.toHaveBeenCalled();
  });

  it('runs the presenter capabilities with checked arguments', async () => {
    const { capabilities, handlers } = setup();
    const event = senderEvent();
    await expect(handlers[IPC_CHANNELS.presenterOpen](event, 'program-1', 'session-1')).resolves.toBe(true);
    expect(capabilities.openPresenter).toHaveBeenCalledWith(event, 'program-1', 'session-1');
    await handlers[IPC_CHANNELS.presenterClose](event);
    expect(capabilities.closePresenter).toHaveBeenCalledWith(event);
    await expect(handlers[IPC_CHANNELS.keepDisplayAwake](event, false)).resolves.toBe(true);
    expect(capabilities.keepDisplayAwake).toHaveBeenCalledWith(event, false);
  });

  it.each([
    ['one id', [IPC_CHANNELS.presenterOpen, 'p']],
    ['an empty id', [IPC_CHANNELS.presenterOpen, 'p', '']],
    ['an id that is not text', [IPC_CHANNELS.presenterOpen, 'p', { id: 's' }]],
    ['an id too long', [IPC_CHANNELS.presenterOpen, 'p', 'x'.repeat(101)]],
    ['a control character', [IPC_CHANNELS.presenterOpen, 'p', 's\n']],
    ['a URL instead of ids', [IPC_CHANNELS.presenterOpen, 'https://example.org/']],
    ['an argument to close', [IPC_CHANNELS.presenterClose, 'now']],
    ['keep awake as text', [IPC_CHANNELS.keepDisplayAwake, 'true']],
    ['keep awake without a value', [IPC_CHANNELS.keepDisplayAwake]],
  ] as const)('refuses a presenter call with %s without running it', async (_name, [channel, ...args]) => {
    const { capabilities, handlers } = setup();
    await expect(handlers[channel](senderEvent(), ...args)).rejects.toThrow(new RegExp(`^Refused ${channel}: invalid arguments`));
    expect(capabilities.openPresenter).not.toHaveBeenCalled();
    expect(capabilities.closePresenter).not.toHaveBeenCalled();
    expect(capabilities.keepDisplayAwake).not.toHaveBeenCalled();
  });

  it('refuses the presenter capabilities to a sender that is not our window', async () => {
    const { capabilities, handlers } = setup();
    const foreign = senderEvent({ url: 'https://example.com/' });
    await expect(handlers[IPC_CHANNELS.presenterOpen](foreign, 'p', 's')).rejects.toThrow(/did not come from Keel/);
    await expect(handlers[IPC_CHANNELS.keepDisplayAwake](foreign, true)).rejects.toThrow(/did not come from Keel/);
    expect(capabilities.openPresenter).not.toHaveBeenCalled();
    expect(capabilities.keepDisplayAwake).not.toHaveBeenCalled();
  });
});
