import type { RoomCommand, RoomDevice, RoomEvent, RoomInfo, RoomLink, RoomStartRequest } from '../../../electron/room/protocol';

/** A room server stand-in for the host's tests: records what the host sends, and emits events as the server would. */
export class FakeRoomLink implements RoomLink {
  readonly sent: RoomCommand[] = [];
  readonly starts: RoomStartRequest[] = [];
  running: { info: RoomInfo; devices: RoomDevice[] } | null = null;
  stops = 0;
  startAnswer: { ok: false; message: string } | undefined;
  private listeners: ((event: RoomEvent) => void)[] = [];

  async interfaces() {
    return [
      { name: 'Wi-Fi', address: '192.168.1.20', kind: 'wifi' as const },
      { name: 'vEthernet', address: '172.20.0.1', kind: 'virtual' as const },
    ];
  }

  async start(request: RoomStartRequest) {
    this.starts.push(request);
    if (this.startAnswer) return this.startAnswer;
    const info: RoomInfo = { address: request.address, port: 41234, url: `http://${request.address}:41234/`, joinUrl: `http://${request.address}:41234/#join=tok`, code: 'ABC234', joiningOpen: true };
    this.running = { info, devices: [] };
    return { ok: true as const, info };
  }

  async stop() {
    this.stops++;
    this.running = null;
  }

  async current() {
    return this.running;
  }

  async send(command: RoomCommand) {
    this.sent.push(structuredClone(command));
  }

  onEvent(listener: (event: RoomEvent) => void) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async diagnose() {
    return { address: '192.168.1.20', port: 41234, reachable: true, addressPresent: true, advice: [] };
  }

  emit(event: RoomEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get listening(): number {
    return this.listeners.length;
  }

  /** The commands of one type, in order. */
  of<T extends RoomCommand['type']>(type: T): Extract<RoomCommand, { type: T }>[] {
    return this.sent.filter((c): c is Extract<RoomCommand, { type: T }> => c.type === type);
  }
}

export function device(id: string, name: string, extra: Partial<RoomDevice> = {}): RoomDevice {
  return { id, name, function: 'Product', status: 'waiting', connected: true, via: 'socket', participantId: '', joinedAt: 1, lastSeenAt: 1, ...extra };
}
