import { holdDisplayAwake, type AwakeHold, type AwakeStatus } from '../platform/presenter';

// The display that does not sleep while a session runs.

/**
 * Keeps the display awake while it lives (create it where a running session is shown): the
 * power-save blocker in Electron, a wake lock in the browser. `status` says whether it could.
 * `browserOnly` for the presenter window: in Electron, main keeps the display awake while that
 * window is open, and gives it no capabilities to ask with.
 */
export class DisplayAwake {
  status = $state<AwakeStatus | 'asking'>('asking');

  constructor(browserOnly = false) {
    $effect(() => {
      let hold: AwakeHold | undefined;
      let stopped = false;
      void holdDisplayAwake(browserOnly).then((held) => {
        if (stopped) return held.release();
        hold = held;
        this.status = held.status;
      });
      return () => {
        stopped = true;
        hold?.release();
      };
    });
  }
}
