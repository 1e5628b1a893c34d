import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePresenterMessage, PRESENTER_CHANNEL, PresenterChannel, type PresenterMessage } from '../../../renderer/src/state/presenter-channel';

describe('parsePresenterMessage', () => {
  it.each<PresenterMessage>([
    { type: 'ping', sessionId: 's1' },
    { type: 'closing', sessionId: 's1' },
    { type: 'hello', sessionId: 's1' },
    { type: 'show', sessionId: 's1', choice: { view: 'map', blank: false } },
    { type: 'show', sessionId: 's1', choice: { view: 'vote', blank: true } },
  ])('accepts %j', (message) => {
    expect(parsePresenterMessage(structuredClone(message))).toEqual(message);
  });

  it.each([
    ['nothing', undefined],
    ['text', 'ping'],
    ['an unknown type', { type: 'navigate', sessionId: 's1', url: 'https://example.com/' }],
    ['no session', { type: 'ping' }],
    ['an empty session id', { type: 'ping', sessionId: '' }],
    ['a session id too long', { type: 'ping', sessionId: 'x'.repeat(101) }],
    ['a session id that is not text', { type: 'ping', sessionId: 7 }],
    ['an extra field', { type: 'ping', sessionId: 's1', html: '<img onerror=alert(1)>' }],
    ['an unknown view', { type: 'show', sessionId: 's1', choice: { view: 'settings', blank: false } }],
    ['a choice without blank', { type: 'show', sessionId: 's1', choice: { view: 'map' } }],
    ['a choice with more', { type: 'show', sessionId: 's1', choice: { view: 'map', blank: false, url: 'x' } }],
    ['a list', [{ type: 'ping', sessionId: 's1' }]],
  ])('refuses %s', (_name, data) => {
    expect(parsePresenterMessage(data)).toBeUndefined();
  });
});

describe('PresenterChannel', () => {
  const open: { close(): void }[] = [];
  afterEach(() => {
    for (const channel of open.splice(0)) channel.close();
  });

  function channel(sessionId: string) {
    const received = vi.fn();
    const made = new PresenterChannel(sessionId, received);
    open.push(made);
    return { made, received };
  }

  it("passes on its session's known messages only", async () => {
    const facilitator = channel('s1');
    const presenter = channel('s1');
    const elsewhere = channel('s2');
    const raw = new BroadcastChannel(PRESENTER_CHANNEL);
    open.push(raw);
    raw.postMessage({ type: 'reload', sessionId: 's1' });
    raw.postMessage({ type: 'ping', sessionId: 's1', extra: true });
    facilitator.made.post({ type: 'ping', sessionId: 's1' });
    await vi.waitFor(() => expect(presenter.received).toHaveBeenCalledTimes(1));
    expect(presenter.received).toHaveBeenCalledWith({ type: 'ping', sessionId: 's1' });
    expect(facilitator.received).not.toHaveBeenCalled(); // a channel does not hear itself
    expect(elsewhere.received).not.toHaveBeenCalled();
  });
});
