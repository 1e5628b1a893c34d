import type { RoomHostApi } from './room-host';
import { useServices } from './services';

/**
 * The way a view gets the window's room host without loading room mode at start-up: call this
 * while the component initialises (it reads the window's services from the context), and the
 * function it returns loads room mode's code when it is first needed.
 */
export function roomHostLoader(): () => Promise<RoomHostApi> {
  const services = useServices();
  return () => import('./room.svelte').then(({ roomHost }) => roomHost(services));
}
