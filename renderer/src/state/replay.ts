import { actionReplayHandlers } from './actions-replay';
import { decisionReplayHandlers } from './decisions-replay';
import { metricReplayHandlers } from './metrics-replay';
import { replayPending, useReplayHandlers, type ReplayReport } from './pending-edits';
import { programReplayHandlers } from './programs-replay';
import { scopeReplayHandlers } from './scope-replay';
import { sessionReplayHandlers } from './sessions-replay';
import { roadmapReplayHandlers } from './roadmap-replay';
import type { Services } from './services';
import { tradeoffReplayHandlers } from './tradeoffs-replay';
import { uncertaintyReplayHandlers } from './uncertainty-replay';

/**
 * Combines every area's replay handlers, then writes the edits that were not stored when a window
 * last closed (or crashed, or lost its database), each kind through its area's handler.
 */
export function replayAtStart(services: Services): Promise<ReplayReport> {
  useReplayHandlers({
    ...programReplayHandlers(services),
    ...uncertaintyReplayHandlers(services),
    ...metricReplayHandlers(services),
    ...tradeoffReplayHandlers(services),
    ...scopeReplayHandlers(services),
    ...actionReplayHandlers(services),
    ...roadmapReplayHandlers(services),
    ...decisionReplayHandlers(services),
    ...sessionReplayHandlers(services),
  });
  return replayPending({ adopt: true });
}
