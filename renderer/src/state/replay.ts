import { metricReplayHandlers } from './metrics-replay';
import { programReplayHandlers } from './programs-replay';
import type { Services } from './services';
import { tradeoffReplayHandlers } from './tradeoffs-replay';
import { uncertaintyReplayHandlers } from './uncertainty-replay';
import { replayUnsaved } from './unsaved-journal';

/** Writes the typing parked when the window last closed, each kind through its area's handler. */
export function replayParkedTyping(services: Services): Promise<number> {
  return replayUnsaved({
    ...programReplayHandlers(services),
    ...uncertaintyReplayHandlers(services),
    ...metricReplayHandlers(services),
    ...tradeoffReplayHandlers(services),
  });
}
