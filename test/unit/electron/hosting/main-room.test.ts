import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../../electron/ipc-contract.js';
import { createRoomHostService } from '../../../../electron/room/host-service.js';
import { MainRoom, type RoomEventTarget } from '../../../../electron/room/main-room.js';
import { fakeServers, INTERFACES } from './fake-room-server.js';

async function setup() {
  const servers = fakeServers();
  const host = createRoomHostService({ pageRoot: '/p', startServer: servers.startServer, listInterfaces: () => INTERFACES });
  const main: RoomEventTarget = { send: vi.fn() };
  const room = new MainRoom(host, (id) => (id === 1 ? main : undefined));
  await room.start({ address: '127.0.0.1', sessionTitle: 'Kick-off' });
  return { servers, room, main };
}

describe('MainRoom', () => {
  it("sends events to the main window's page only, and holds them for any other", async () => {
    const { servers, room, main } = await setup();
    room.listen(2, true); // not the main window: ignored
    servers.last().emit({ type: 'view-wanted', deviceId: 'd1' });
    expect(main.send).not.toHaveBeenCalled();
    room.listen(1, true);
    expect(main.send).toHaveBeenCalledWith(IPC_CHANNELS.roomEvent, { type: 'view-wanted', deviceId: 'd1' });
  });

  it('a page that stops listening, or leaves, gets nothing more; another window leaving changes nothing', async () => {
    const { servers, room, main } = await setup();
    room.listen(1, true);
    room.pageLeft(2);
    servers.last().emit({ type: 'view-wanted', deviceId: 'a' });
    room.listen(1, false);
    servers.last().emit({ type: 'view-wanted', deviceId: 'b' });
    expect(vi.mocked(main.send).mock.calls).toEqual([[IPC_CHANNELS.roomEvent, { type: 'view-wanted', deviceId: 'a' }]]);
  });

  it('ends the room when the window closes, and forwards commands and reads while on', async () => {
    const { servers, room } = await setup();
    await room.command({ type: 'joining', open: false });
    expect(servers.last().commands).toEqual([{ type: 'joining', open: false }]);
    await expect(room.current()).resolves.toMatchObject({ info: { address: '127.0.0.1' } });
    await expect(room.interfaces()).resolves.toEqual(INTERFACES);
    await room.windowClosed(1);
    expect(servers.last().stopped).toBe(true);
    await expect(room.current()).resolves.toBeNull();
  });
});
