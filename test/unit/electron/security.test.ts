import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_START_URL,
  EXTERNAL_HOST_ALLOWLIST,
  guardAllWebContents,
  guardSession,
  guardWebContents,
  isAllowedExternalUrl,
  isInternalUrl,
  openExternalIfAllowed,
  presenterRouteOf,
} from '../../../electron/security.js';

describe('isInternalUrl', () => {
  it.each([APP_START_URL, 'app://keel/', 'app://keel/programs/42?tab=metrics#top', 'app://KEEL/index.html'])(
    'accepts %s',
    (url) => expect(isInternalUrl(url)).toBe(true),
  );

  it.each([
    'app://keel.evil.com/index.html',
    'app://evil/index.html',
    'app://keel:8080/index.html',
    'app://user:pw@keel/index.html',
    'app://user@keel/index.html',
    'app://:pw@keel/index.html',
    'https://keel/index.html',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'appx://keel/',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isInternalUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isInternalUrl(undefined)).toBe(false);
    expect(isInternalUrl({ toString: () => APP_START_URL })).toBe(false);
  });
});

/** An allowlist for these tests: the app's own is empty until Keel links to a page it owns. */
const ALLOWED = new Set(['docs.example.org']);
const DOCS_URL = 'https://docs.example.org/keel/guide';

describe('isAllowedExternalUrl', () => {
  it('opens nothing outside Keel while the allowlist is empty, as it is today', () => {
    expect(EXTERNAL_HOST_ALLOWLIST.size).toBe(0);
    expect(isAllowedExternalUrl('https://docs.example.org/')).toBe(false);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });

  it.each([DOCS_URL, 'https://docs.example.org/', 'https://docs.example.org/keel/search?q=x%20y'])(
    'accepts %s on the allowlist',
    (url) => expect(isAllowedExternalUrl(url, ALLOWED)).toBe(true),
  );

  it.each([
    'http://docs.example.org/keel', // not https
    'https://docs.example.org.evil.com/', // suffix trick
    'https://evildocs.example.org/',
    'https://www.docs.example.org/', // subdomains are separate hosts
    'https://example.com/',
    'https://docs.example.org:8443/', // non-default port
    'https://user:pass@docs.example.org/', // credentials
    'https://token@docs.example.org/',
    'https://:secret@docs.example.org/', // a password alone
    'file:///C:/Windows/System32/calc.exe',
    'javascript://docs.example.org/%0Aalert(1)',
    'smb://docs.example.org/share',
    'app://keel/index.html',
    'docs.example.org/keel',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url, ALLOWED)).toBe(false));

  it('accepts the explicit default port, which URL normalises away', () => {
    expect(isAllowedExternalUrl('https://docs.example.org:443/', ALLOWED)).toBe(true);
  });
});

describe('openExternalIfAllowed', () => {
  it('opens allowlisted URLs and reports true', async () => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalIfAllowed(DOCS_URL, open, ALLOWED)).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith(DOCS_URL);
  });

  it('never calls openExternal for anything else', async () => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalIfAllowed('https://example.com/', open, ALLOWED)).resolves.toBe(false);
    await expect(openExternalIfAllowed(DOCS_URL, open)).resolves.toBe(false);
    await expect(openExternalIfAllowed('file:///etc/passwd', open)).resolves.toBe(false);
    await expect(openExternalIfAllowed(42, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});

/** An EventEmitter standing in for WebContents: records the window-open handler. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  session = new FakeSession();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

class FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  deviceHandler: (() => boolean) | undefined;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']): void {
    this.deviceHandler = handler;
  }
  asSession(): Session {
    return this as unknown as Session;
  }
}

function navigationEvent(url: string): { url: string; preventDefault: () => void; prevented: () => boolean } {
  let prevented = false;
  return { url, preventDefault: () => (prevented = true), prevented: () => prevented };
}

describe('guardWebContents', () => {
  function guarded(): { contents: FakeWebContents; open: ReturnType<typeof vi.fn> } {
    const contents = new FakeWebContents();
    const open = vi.fn(async (_url: string) => undefined);
    guardWebContents(contents.asWebContents(), open, ALLOWED);
    return { contents, open };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks external URLs', (eventName) => {
    const { contents } = guarded();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html']) {
      const event = navigationEvent(url);
      contents.emit(eventName, event, url);
      expect(event.prevented(), url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: lets internal URLs through', (eventName) => {
    const { contents } = guarded();
    const event = navigationEvent('app://keel/index.html#/programs');
    contents.emit(eventName, event, event.url);
    expect(event.prevented()).toBe(false);
  });

  it('blocks every <webview>', () => {
    const { contents } = guarded();
    const event = navigationEvent('app://keel/index.html');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented()).toBe(true);
  });

  it('denies every window.open and sends only allowlisted https URLs to the system browser', () => {
    const { contents, open } = guarded();
    const handler = contents.windowOpenHandler;
    expect(handler).toBeDefined();
    for (const url of ['https://example.com/', APP_START_URL, 'about:blank', 'file:///etc/passwd', DOCS_URL]) {
      expect(handler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(open.mock.calls).toEqual([[DOCS_URL]]);
  });

  it('still denies when openExternal fails', async () => {
    const contents = new FakeWebContents();
    guardWebContents(
      contents.asWebContents(),
      async () => {
        throw new Error('no browser');
      },
      ALLOWED,
    );
    expect(contents.windowOpenHandler?.({ url: DOCS_URL })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve)); // an unhandled rejection would fail the run
  });
});

describe('presenterRouteOf', () => {
  it('reads the session of Keel\'s presenter route', () => {
    expect(presenterRouteOf('app://keel/index.html#/present/p-1/s%202')).toEqual({ programId: 'p-1', sessionId: 's 2' });
  });

  it.each([
    'https://example.com/index.html#/present/p/s',
    'app://keel.evil/index.html#/present/p/s',
    'app://keel/other.html#/present/p/s',
    'app://keel/index.html?x=1#/present/p/s',
    'app://keel/index.html#/present/p',
    'app://keel/index.html#/present/p/s/extra',
    'app://keel/index.html#/programs/p',
    'app://keel/index.html#/present/%E0%A4%A/s',
    'not a url',
  ])('refuses %s', (url) => {
    expect(presenterRouteOf(url)).toBeUndefined();
  });
});

describe('window.open of the presenter route', () => {
  it('opens the presenter through main (the page gets no window of its own), and nothing else', () => {
    const contents = new FakeWebContents();
    const openPresenter = vi.fn();
    const open = vi.fn(async (_url: string) => undefined);
    guardWebContents(contents.asWebContents(), open, ALLOWED, openPresenter);
    expect(contents.windowOpenHandler?.({ url: 'app://keel/index.html#/present/p/s' })).toEqual({ action: 'deny' });
    expect(openPresenter).toHaveBeenCalledWith({ programId: 'p', sessionId: 's' });
    for (const url of ['app://keel/index.html#/programs/p', 'https://example.com/#/present/p/s', DOCS_URL]) {
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(openPresenter).toHaveBeenCalledTimes(1);
    expect(open.mock.calls).toEqual([[DOCS_URL]]);
  });

  it('is denied like any other URL when no presenter opener is given', () => {
    const contents = new FakeWebContents();
    const open = vi.fn(async (_url: string) => undefined);
    guardWebContents(contents.asWebContents(), open, ALLOWED);
    expect(contents.windowOpenHandler?.({ url: 'app://keel/index.html#/present/p/s' })).toEqual({ action: 'deny' });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('guardSession', () => {
  it('denies every permission request, check and device', () => {
    const session = new FakeSession();
    guardSession(session.asSession());
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission), permission).toBe(false);
    }
    expect(session.deviceHandler?.()).toBe(false);
  });
});

describe('guardAllWebContents', () => {
  it('guards every webContents the app creates, and each session once', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as App, async () => undefined);
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    second.session = first.session; // two windows sharing the default session
    const sessionSpy = vi.spyOn(first.session, 'setPermissionRequestHandler');

    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);

    for (const contents of [first, second]) {
      expect(contents.windowOpenHandler).toBeDefined();
      const event = navigationEvent('https://example.com/');
      contents.emit('will-navigate', event, event.url);
      expect(event.prevented()).toBe(true);
    }
    expect(sessionSpy).toHaveBeenCalledTimes(1);
  });
});
