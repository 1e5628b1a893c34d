// Room mode in Electron's main process: the IPC capabilities over the host service, and the room's
// events sent to the main window while its page listens. When the page goes (a reload, a crash)
// the events are held by the service until it listens again; when the window closes the room
// ends. Pure (no Electron import) so main.ts only wires it.
import { IPC_CHANNELS } from '../ipc-contract.js';
import type { RoomHostService } from './host-service.js';
import type { RoomCommand, RoomEvent, RoomStartRequest } from './protocol.js';

/** The part of a webContents the events go to. */
export interface RoomEventTarget {
  send(channel: string, event: RoomEvent): void;
}

export class MainRoom {
  private listening: { contentsId: number; unsubscribe: () => void } | undefined;

  /** @param mainContents the main window's page when `contentsId` is it, else undefined (no other window hosts). */
  constructor(
    private readonly host: RoomHostService,
    private readonly mainContents: (contentsId: number) => RoomEventTarget | undefined,
  ) {}

  interfaces = async () => this.host.interfaces();
  start = (request: RoomStartRequest) => this.host.start(request);
  stop = () => this.host.stop();
  current = async () => this.host.current();
  command = async (command: RoomCommand) => this.host.send(command);
  diagnose = () => this.host.diagnose();

  /** The page of `contentsId` listens for room events (true) or no longer (false). */
  listen(contentsId: number, on: boolean): void {
    if (!on) {
      this.pageLeft(contentsId);
      return;
    }
    const target = this.mainContents(contentsId);
    if (!target) return;
    this.listening?.unsubscribe();
    const unsubscribe = this.host.subscribe((event) => target.send(IPC_CHANNELS.roomEvent, event));
    this.listening = { contentsId, unsubscribe };
  }

  /** The page of `contentsId` went (reload, crash): hold the events until a page listens again. */
  pageLeft(contentsId: number): void {
    if (this.listening?.contentsId !== contentsId) return;
    this.listening.unsubscribe();
    this.listening = undefined;
  }

  /** The main window closed: nobody hosts the room any more, so it ends. */
  async windowClosed(contentsId: number): Promise<void> {
    this.pageLeft(contentsId);
    await this.host.stop();
  }
}
