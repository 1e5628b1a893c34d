// Runs the real preload source the way a sandboxed renderer does: as CommonJS whose `require`
// knows only 'electron'. That proves it is self-contained and checks what it exposes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, IPC_CHANNELS, type KeelBridge } from '../../../electron/ipc-contract.js';

const source = readFileSync(path.resolve(import.meta.dirname, '../../../electron/preload.cts'), 'utf8');
const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

type Listener = (event: unknown, ...args: unknown[]) => void;

function loadPreload() {
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) };
  const requested: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    requested.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${id} (a sandboxed preload can only require electron)`);
  };
  const module = { exports: {} };
  runInNewContext(compiled, { require: sandboxRequire, module, exports: module.exports, TypeError });
  const emit = (channel: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, ...args);
  };
  return { exposed, contextBridge, ipcRenderer, requested, emit, listeners };
}

describe('preload', () => {
  it('requires nothing but electron', () => {
    expect(loadPreload().requested).toEqual(['electron']);
  });

  it('exposes exactly the KeelBridge functions as window.keel', () => {
    const { contextBridge, exposed } = loadPreload();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...exposed.keys()]).toEqual(['keel']);
    const bridge = exposed.get('keel') as Record<string, unknown>;
    const functions = [
      'closePresenter',
      'keepDisplayAwake',
      'listBackups',
      'onAppCommand',
      'onFileOpened',
      'openExternal',
      'openFile',
      'openPresenter',
      'onRoomEvent',
      'readBackup',
      'removeBackup',
      'roomCommand',
      'roomCurrent',
      'roomDiagnose',
      'roomInterfaces',
      'roomStart',
      'roomStop',
      'saveFile',
      'saveReportPdf',
      'setMenuState',
      'setTheme',
      'writeBackup',
    ];
    expect(Object.keys(bridge).sort()).toEqual(['isElectron', ...functions].sort());
    expect(bridge.isElectron).toBe(true);
    for (const key of functions) {
      expect(typeof bridge[key], key).toBe('function');
    }
    expect(Object.values(bridge)).not.toContainEqual(expect.objectContaining({ invoke: expect.anything() }));
  });

  it('invokes the contract channels with the request as the only argument', async () => {
    const { exposed } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    const request = { kind: 'csv' as const, suggestedName: 'a.csv', data: 'x' };
    await expect(bridge.saveFile(request)).resolves.toEqual({ channel: IPC_CHANNELS.saveFile, args: [request] });
    await expect(bridge.openFile({ kind: 'keel-json' })).resolves.toEqual({
      channel: IPC_CHANNELS.openFile,
      args: [{ kind: 'keel-json' }],
    });
    await expect(bridge.openExternal('https://example.org/')).resolves.toEqual({
      channel: IPC_CHANNELS.openExternal,
      args: ['https://example.org/'],
    });
    await expect(bridge.openPresenter('p', 's')).resolves.toEqual({ channel: IPC_CHANNELS.presenterOpen, args: ['p', 's'] });
    await expect(bridge.closePresenter()).resolves.toEqual({ channel: IPC_CHANNELS.presenterClose, args: [] });
    await expect(bridge.keepDisplayAwake(true)).resolves.toEqual({ channel: IPC_CHANNELS.keepDisplayAwake, args: [true] });
  });

  it('passes listeners only known commands, never the IPC event', () => {
    const { exposed, emit } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    const received: unknown[][] = [];
    bridge.onAppCommand((...args: unknown[]) => received.push(args));
    for (const command of APP_COMMANDS) emit(IPC_CHANNELS.appCommand, command);
    emit(IPC_CHANNELS.appCommand, 'rm -rf');
    emit(IPC_CHANNELS.appCommand, { command: 'undo' });
    emit(IPC_CHANNELS.appCommand);
    expect(received).toEqual(APP_COMMANDS.map((command) => [command]));
  });

  it('returns an unsubscribe function that stops delivery', () => {
    const { exposed, emit, ipcRenderer, listeners } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onAppCommand(first);
    bridge.onAppCommand(second);
    unsubscribeFirst();
    emit(IPC_CHANNELS.appCommand, 'undo');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('undo');
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    expect(listeners.get(IPC_CHANNELS.appCommand)?.size).toBe(1);
  });

  it('invokes the room channels with their arguments', async () => {
    const { exposed } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    const request = { address: '127.0.0.1', sessionTitle: 'Kick-off' };
    await expect(bridge.roomStart(request)).resolves.toEqual({ channel: IPC_CHANNELS.roomStart, args: [request] });
    await expect(bridge.roomCommand({ type: 'joining', open: true })).resolves.toEqual({ channel: IPC_CHANNELS.roomCommand, args: [{ type: 'joining', open: true }] });
    await expect(bridge.roomInterfaces()).resolves.toEqual({ channel: IPC_CHANNELS.roomInterfaces, args: [] });
    await expect(bridge.roomStop()).resolves.toEqual({ channel: IPC_CHANNELS.roomStop, args: [] });
    await expect(bridge.roomCurrent()).resolves.toEqual({ channel: IPC_CHANNELS.roomCurrent, args: [] });
    await expect(bridge.roomDiagnose()).resolves.toEqual({ channel: IPC_CHANNELS.roomDiagnose, args: [] });
  });

  it('tells main when the first room listener comes and the last goes, and passes only room events', () => {
    const { exposed, emit, ipcRenderer, listeners } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onRoomEvent(first);
    const stopSecond = bridge.onRoomEvent(second);
    const listenCalls = () => ipcRenderer.invoke.mock.calls.filter(([channel]) => channel === IPC_CHANNELS.roomListen).map(([, on]) => on);
    expect(listenCalls()).toEqual([true]);
    emit(IPC_CHANNELS.roomEvent, { type: 'view-wanted', deviceId: 'd1' });
    emit(IPC_CHANNELS.roomEvent, { type: 'rm -rf' });
    emit(IPC_CHANNELS.roomEvent, 'device');
    expect(first.mock.calls).toEqual([[{ type: 'view-wanted', deviceId: 'd1' }]]);
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    stopFirst();
    expect(listenCalls()).toEqual([true]);
    stopSecond();
    expect(listenCalls()).toEqual([true, false]);
    expect(listeners.get(IPC_CHANNELS.roomEvent)?.size).toBe(0);
    expect(() => bridge.onRoomEvent(null as never)).toThrow(TypeError);
  });

  it('refuses a listener that is not a function', () => {
    const { exposed } = loadPreload();
    const bridge = exposed.get('keel') as KeelBridge;
    expect(() => bridge.onAppCommand('undo' as never)).toThrow(TypeError);
  });

  it('keeps its inlined channel names and commands equal to ipc-contract.ts', () => {
    for (const channel of Object.values(IPC_CHANNELS)) expect(source).toContain(`'${channel}'`);
    const inlinedCommands = /const APP_COMMANDS[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
    expect(inlinedCommands.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...APP_COMMANDS]);
  });
});
