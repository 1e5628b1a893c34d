import { closePresenterWindow, openPresenterWindow } from '../platform/presenter';
import { PresenterChannel, type PresenterChoice } from './presenter-channel';
import { PING_EVERY_MS, presenterChoice } from './presenter.svelte';
import type { Preference } from './preferences.svelte';
import { toasts } from './toasts.svelte';

// The facilitator's end of the presenter window (PresenterControls): opening it and choosing
// what the room sees. Apart from the presenter's own end, so the presenter window loads none of it.

/** Opens (or brings forward) a session's presenter window; says so when the browser blocked it. */
export async function openPresenter(programId: string, sessionId: string): Promise<boolean> {
  const opened = await openPresenterWindow(programId, sessionId).catch(() => false);
  if (!opened) toasts.show('The presenter window did not open. Allow pop-ups for Keel in this browser, then try again.', 'error');
  return opened;
}

/**
 * The facilitator's end: opens the presenter window, sets what it shows (stored, and told to
 * the presenter at once), answers its hello, and says goodbye when this window closes.
 */
export class PresenterLink {
  readonly choice: Preference<PresenterChoice>;
  private readonly channel: PresenterChannel;

  constructor(
    private readonly programId: string,
    private readonly sessionId: string,
  ) {
    this.choice = presenterChoice(sessionId);
    this.channel = new PresenterChannel(sessionId, (message) => {
      if (message.type === 'hello') this.ping();
    });
    $effect(() => {
      this.ping();
      const timer = setInterval(() => this.ping(), PING_EVERY_MS);
      const goodbye = () => this.channel.post({ type: 'closing', sessionId: this.sessionId });
      window.addEventListener('pagehide', goodbye);
      return () => {
        clearInterval(timer);
        window.removeEventListener('pagehide', goodbye);
        goodbye();
        this.channel.close();
      };
    });
  }

  private ping(): void {
    this.channel.post({ type: 'ping', sessionId: this.sessionId });
  }

  show(change: Partial<PresenterChoice>): void {
    const next = { ...this.choice.value, ...change };
    this.choice.set(next);
    this.channel.post({ type: 'show', sessionId: this.sessionId, choice: next });
  }

  open(): Promise<boolean> {
    return openPresenter(this.programId, this.sessionId);
  }

  close(): Promise<void> {
    return closePresenterWindow().catch(() => undefined);
  }
}
